namespace Campaign.Core.Diagnostics;

/// <summary>A place in an input file: path relative to the input folder, 1-based line and column (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
