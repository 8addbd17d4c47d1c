namespace Campaign.Benchmarks.Search;

/// <summary>A query of a query set and the documents it must find (URLs), read from a tab-separated file.</summary>
/// <param name="Line">Line in the file, for messages.</param>
/// <param name="First">The page a reader expects first (an identifier, a name, a title), when the set names one.</param>
public sealed record ExpectedQuery(string Lang, string Query, IReadOnlyList<string> Expected, int Line, string? First = null)
{
    /// <summary>Reads <c>lang TAB query TAB url url … [TAB first url]</c> lines; <c>#</c> starts a comment line.</summary>
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
            result.Add(new ExpectedQuery(cells[0], cells[1], cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries), n,
                cells.Length > 3 && cells[3].Length > 0 ? cells[3] : null));
        }
        return result;
    }
}
