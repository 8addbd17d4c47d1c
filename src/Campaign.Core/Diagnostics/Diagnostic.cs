namespace Campaign.Core.Diagnostics;

/// <summary>How bad a diagnostic is: warnings let the build finish, errors stop it before anything is written.</summary>
public enum Severity { Warning, Error }

/// <summary>One problem found in the input, printed as <c>file:line:col: error CODE: message</c>.</summary>
/// <param name="Code">Stable code such as <c>CMP003</c>; listed in docs/diagnostics.md.</param>
/// <param name="Field">The front-matter key, YAML path or CSV column the problem is in, if any.</param>
/// <param name="Hint">What to do about it, in plain words.</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Message,
    SourceLocation? Location = null,
    string? Field = null,
    string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var where = Location is null ? "campaign" : Location.ToString();
        var field = Field is null ? "" : $" [{Field}]";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{where}: {(IsError ? "error" : "warning")} {Code}: {Message}{field}{hint}";
    }
}

/// <summary>How a diagnostic quotes input: long values (a hostile URL, a pasted paragraph) are cut so the message stays one line.</summary>
public static class Quoted
{
    /// <summary>The first 40 characters of <paramref name="value"/>, with an ellipsis when cut.</summary>
    public static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
