namespace Campaign.Benchmarks.Search;

/// <summary>A query of a query set and the documents it must find (URLs), read from a tab-separated file.</summary>
/// <param name="Line">Line in the file, for messages.</param>
public sealed record ExpectedQuery(string Lang, string Query, IReadOnlyList<string> Expected, int Line)
{
    /// <summary>Reads <c>lang TAB query TAB url url …</c> lines; <c>#</c> starts a comment line.</summary>
    public static IReadOnlyList<ExpectedQuery> Load(string path)
    {
        var result = new List<ExpectedQuery>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length < 3) throw new InvalidDataException($"{path}:{n}: expected three tab-separated columns");
            result.Add(new ExpectedQuery(cells[0], cells[1], cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries), n));
        }
        return result;
    }
}
