namespace Campaign.Core.Diagnostics;

/// <summary>A place in an input file: path relative to the input folder, 1-based line and column (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>
    /// In a spreadsheet, the cell as the campaigner's spreadsheet program shows it ("row 3, column D (technology)"); the line
    /// stays the file's line, for editors, and the column is 0 because a character column means nothing in a cell.
    /// </summary>
    public string? Cell { get; init; }

    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
