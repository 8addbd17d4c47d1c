namespace Campaign.Site.Emit;

/// <summary>
/// A failure to write a generated file while the features plan (a plain build writes them as they are made), told apart
/// from any other input or output failure of planning, which is not the output's: only this one is reported as the
/// output's disk failing (<see cref="OutputChecks.Failure"/>). Carries the system's error number as the failure did.
/// </summary>
public sealed class OutputWriteException : IOException
{
    public OutputWriteException(Exception inner) : base(inner.Message, inner) => HResult = inner.HResult;

    /// <summary>The write failure that <paramref name="ex"/> is or holds (a feature planning in parallel wraps it), or null.</summary>
    public static OutputWriteException? Within(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OutputWriteException written) return written;
            if (ex is AggregateException many && many.InnerExceptions.Select(Within).FirstOrDefault(e => e is not null) is { } inner) return inner;
        }
        return null;
    }
}
