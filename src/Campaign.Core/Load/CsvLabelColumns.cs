namespace Campaign.Core.Load;

/// <summary>
/// The name and label columns <c>findings.csv</c> writes beside its code columns (<c>company_name_en</c> beside <c>company</c>),
/// so a spreadsheet reads as words. They are derived from the codes, so reading the file back ignores them: the download
/// can be put into <c>findings/</c> as it is.
/// </summary>
public static class CsvLabelColumns
{
    /// <summary>Each code column and the stem of its per-language label columns, in the order the file gives them.</summary>
    public static readonly (string Code, string Label)[] Beside =
    [
        ("kind", "kind_label"),
        ("company", "company_name"),
        ("technology", "technology_label"),
        ("buyer_type", "buyer_type_label"),
        ("licence", "licence_label"),
    ];

    /// <summary>Whether <paramref name="column"/> is one of these columns in one of <paramref name="languages"/>.</summary>
    public static bool Is(string column, IEnumerable<string> languages) =>
        Beside.Any(b => column.StartsWith(b.Label + "_", StringComparison.Ordinal) && languages.Contains(column[(b.Label.Length + 1)..]));
}
