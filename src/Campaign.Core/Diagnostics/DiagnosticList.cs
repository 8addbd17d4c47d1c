namespace Campaign.Core.Diagnostics;

/// <summary>Collects diagnostics from one stage; safe to add to from parallel work.</summary>
public sealed class DiagnosticList
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        // A spreadsheet cell is named in the message, so the text, JSON and preview forms all show it.
        if (diagnostic.Location?.Cell is { } cell && !diagnostic.Message.StartsWith(cell + ": ", StringComparison.Ordinal))
            diagnostic = diagnostic with { Message = $"{cell}: {diagnostic.Message}" };
        lock (_gate) _items.Add(diagnostic);
    }

    public void Error(string code, string message, SourceLocation? at = null, string? field = null, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, message, at, field, hint));

    public void Warning(string code, string message, SourceLocation? at = null, string? field = null, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, message, at, field, hint));

    public bool HasErrors
    {
        get { lock (_gate) return _items.Exists(d => d.IsError); }
    }

    public bool HasErrorsFor(string file)
    {
        lock (_gate) return _items.Exists(d => d.IsError && d.Location?.File == file);
    }

    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    /// <summary>The diagnostics in a stable order (file, line, column, code, message), whatever order threads added them in.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return _items
                .OrderBy(d => d.Location?.File ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Location?.Line ?? 0)
                .ThenBy(d => d.Location?.Column ?? 0)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
