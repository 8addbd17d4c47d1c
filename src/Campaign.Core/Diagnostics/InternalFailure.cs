namespace Campaign.Core.Diagnostics;

/// <summary>
/// The safety net: an exception nobody expected (a bug in campaign or in a library it uses) becomes one
/// CMP130 diagnostic naming the file being processed, instead of a stack trace and a half-finished build.
/// Stages wrap per-file work in <see cref="Around{T}"/> so the net knows the file; the net itself is at
/// each entry point (<c>SiteBuilder.Build</c>, the command's verbs).
/// </summary>
public static class InternalFailure
{
    public const string Code = "CMP130";

    /// <summary>Runs <paramref name="work"/> on <paramref name="file"/>; an unexpected exception leaves it labelled with the file and field.</summary>
    public static T Around<T>(string file, string? field, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (IsBug(ex) && ex is not FileFailure)
        {
            throw new FileFailure(file, field, ex);
        }
    }

    /// <summary>False for what is not a bug: the disk failing, a cancelled operation; those have their own handling.</summary>
    public static bool IsBug(Exception ex) => ex is not (IOException or UnauthorizedAccessException or OperationCanceledException);

    /// <summary>The diagnostic for <paramref name="ex"/>: the file and field it was labelled with, and the innermost message.</summary>
    public static Diagnostic Diagnose(Exception ex, string? stage = null)
    {
        var (failure, cause) = Unwrap(ex);
        var where = failure is null ? null : new SourceLocation(failure.File);
        var doing = stage is null ? "" : $" while {stage}";
        return new Diagnostic(Severity.Error, Code,
            $"campaign failed{doing}{(failure is null ? "" : " on this file")}: {cause.GetType().Name}: {FirstLine(cause.Message)}",
            where, failure?.Field,
            "this is a bug in campaign, please report it with the file named; run with --verbose for the stack trace");
    }

    /// <summary>The labelled failure inside <paramref name="ex"/> (through parallel loops' aggregate exceptions), and the exception that caused it.</summary>
    public static (FileFailure? Failure, Exception Cause) Unwrap(Exception ex)
    {
        FileFailure? failure = null;
        var current = ex;
        while (true)
        {
            if (current is AggregateException { InnerExceptions.Count: > 0 } many) current = many.InnerExceptions[0];
            else if (current is FileFailure f) { failure ??= f; current = f.InnerException!; }
            else if (current is System.Reflection.TargetInvocationException { InnerException: { } inner }) current = inner;
            else return (failure, current);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

/// <summary>An unexpected exception while processing one input file, labelled with the file (and field) by <see cref="InternalFailure.Around{T}"/>.</summary>
public sealed class FileFailure(string file, string? field, Exception inner)
    : Exception($"{file}: {inner.Message}", inner)
{
    public string File { get; } = file;
    public string? Field { get; } = field;
}
