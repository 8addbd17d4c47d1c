using System.Runtime;

namespace Campaign.Site.Incremental;

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
    /// Allocations after which the rest collects the whole heap and compacts it. A first build or a template edit leaves
    /// the long-lived memos scattered among gigabytes of garbage; until a full compacting collection packs them together,
    /// every rebuild's passes over them miss the processor's caches (in our measurements the rebuilds before the first
    /// full collection took up to twice as long). One-finding edits reach this only every dozen or so rebuilds.
    /// </summary>
    private const long Compact = 768L * 1024 * 1024;

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
                _allocatedAtFull = allocated;
            }
            else GC.Collect(1, GCCollectionMode.Forced, blocking: true);
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
