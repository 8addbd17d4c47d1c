using System.Runtime;

namespace Campaign.Site.Preview;

/// <summary>
/// Moves a live preview's garbage collections out of its rebuilds and into the time the campaigner spends reading.
/// A rebuild of a large campaign allocates tens of megabytes against a heap of hundreds; left to itself the runtime
/// collects a dozen times in the middle of it, and those pauses (each scanning the preview's large memos) cost more
/// than the rebuild's own work. So, once a rebuild is served, the preview collects and then asks the runtime for a
/// region without collections big enough for the next rebuild. The region is the process's, so this is too: two
/// previews in one process (as in tests) share it.
/// </summary>
internal static class IdleCollection
{
    /// <summary>
    /// Room for one rebuild's allocations: a one-file edit of a 10,000-finding campaign allocates about 75 MB. A larger
    /// rebuild (a template edit) simply ends the region early and is collected as usual.
    /// </summary>
    private const long Budget = 256L * 1024 * 1024;

    /// <summary>
    /// Allocations after which the rest collects the whole heap and compacts it, so that the gigabytes a first build or a
    /// template edit leaves behind go back to the system. One-finding edits reach this only every dozen or so rebuilds.
    /// </summary>
    private const long Compact = 768L * 1024 * 1024;

    /// <summary>
    /// How much a rehearsal allocates: a little more than a one-file rebuild of a 10,000-finding campaign (38 MB when this
    /// was chosen; 28 MB since the rebuild allocates less).
    /// </summary>
    private const long Rehearsal = 48L * 1024 * 1024;

    /// <summary>
    /// Rehearsals after a full collection. Measured at 10,000 findings, the next one-finding rebuild after each of four
    /// template edits: without rehearsals 8,300-9,000 page faults and 263-275 ms; with two, 340-940 page faults and
    /// 106-150 ms (four are no better). Rebuilds in a row, with no full collection between them, have about 150.
    /// This needs the command's large-object threshold (see Campaign.Cli.csproj): the objects of more than 85 kB a
    /// rebuild makes would otherwise go to the large-object heap, which only a full collection reclaims, so every
    /// rebuild would take fresh memory for them.
    /// </summary>
    private const int Rehearsals = 2;

    private static readonly Lock Gate = new();
    private static long _allocatedAtFull;

    /// <summary>Collects what the last rebuild left and holds collections off until the next one has finished.</summary>
    public static void Rest()
    {
        lock (Gate)
        {
            Release();
            var allocated = GC.GetTotalAllocatedBytes();
            if (allocated - _allocatedAtFull > Compact)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                _allocatedAtFull = GC.GetTotalAllocatedBytes();
                for (var i = 0; i < Rehearsals; i++) Rehearse();
            }
            else GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            StartRegion();
        }
    }

    /// <summary>
    /// Allocates and drops about what a rebuild would, inside a region, then collects. A full collection gives most of the
    /// heap's memory back to the system, and the next rebuild then allocates into memory the system maps afresh, page by
    /// page. On a virtual machine each such page fault is dear (20 µs on the machine of the README's figures, about 10,000
    /// of them in a 10,000-finding rebuild: a third of its time). Each rehearsal leaves the runtime holding more mapped
    /// memory where the next rebuild will allocate. Two cost about 0.3 s, while the campaigner reads.
    /// </summary>
    private static void Rehearse()
    {
        StartRegion();
        object? last = null;
        for (long done = 0; done < Rehearsal; done += 1024) last = new byte[1000]; // small objects: every page is written
        GC.KeepAlive(last);
        Release();
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
    }

    private static void StartRegion()
    {
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // a runtime whose ephemeral space is smaller than the budget: rebuild with collections as usual
        }
        catch (InvalidOperationException)
        {
            // a region started meanwhile by other code of the process: it serves as well
        }
    }

    /// <summary>Ends the region if it is still on (a region a rebuild outgrew has already ended by itself).</summary>
    private static void Release()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // the region ended between the check and the call (another thread allocated past it): nothing to end
        }
    }
}
