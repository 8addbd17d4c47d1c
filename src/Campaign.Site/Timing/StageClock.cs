using System.Diagnostics;

namespace Campaign.Site.Timing;

/// <summary>
/// How long one stage of a build took: wall time, and processor time over all threads (more than the wall time when it ran
/// in parallel); and the bytes it allocated, which a live preview's rebuild pays for in collections and fresh memory.
/// </summary>
public sealed record StageTime(string Stage, TimeSpan Elapsed, TimeSpan Processor, long Allocated);

/// <summary>
/// Times a build stage by stage (<see cref="Lap"/> closes the stage that ran since the previous lap), so
/// <c>campaign build --verbose</c> can show where the time goes. Time is only measured, never written into the site.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StageTime> _stages = [];
    private TimeSpan _last;
    private TimeSpan _lastProcessor = ProcessorTime();
    private long _lastAllocated = GC.GetTotalAllocatedBytes();

    /// <summary>Everything since the clock started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The stages in the order they ran; a stage that ran twice is listed twice.</summary>
    public IReadOnlyList<StageTime> Stages => _stages;

    /// <summary>Ends the stage called <paramref name="stage"/>: the time since the previous lap is charged to it.</summary>
    public void Lap(string stage)
    {
        var now = _clock.Elapsed;
        var processor = ProcessorTime();
        var allocated = GC.GetTotalAllocatedBytes();
        _stages.Add(new StageTime(stage, now - _last, processor - _lastProcessor, allocated - _lastAllocated));
        _lastAllocated = allocated;
        _last = now;
        _lastProcessor = processor;
    }

    /// <summary>The whole process's processor time: a build's stages run one after another, so the difference is the stage's.</summary>
    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
