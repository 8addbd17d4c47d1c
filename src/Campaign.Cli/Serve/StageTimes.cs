using System.Diagnostics;
using System.Globalization;
using Campaign.Site.Timing;

namespace Campaign.Cli.Serve;

/// <summary>How long each stage of the last build took, for <c>campaign serve --verbose</c> (where a rebuild's time goes).</summary>
public sealed class StageTimes : IBuildProgress
{
    private readonly Lock _gate = new();
    private readonly List<(string Stage, long Started)> _marks = [];

    /// <summary>Forgets the previous build's stages.</summary>
    public void Reset()
    {
        lock (_gate) _marks.Clear();
    }

    public void Stage(string name, int total)
    {
        lock (_gate) _marks.Add((name, Stopwatch.GetTimestamp()));
    }

    public void Advance()
    {
    }

    /// <summary>"load 120 ms, plan 3 ms, …" up to <paramref name="end"/>.</summary>
    public string Describe(long end)
    {
        lock (_gate)
            return string.Join(", ", _marks.Select((m, i) =>
                $"{m.Stage} {Stopwatch.GetElapsedTime(m.Started, i + 1 < _marks.Count ? _marks[i + 1].Started : end).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"));
    }
}
