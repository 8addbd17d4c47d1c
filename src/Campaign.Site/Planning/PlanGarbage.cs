namespace Campaign.Site.Planning;

/// <summary>
/// Lets a plain build's planning garbage go between stages. At 100,000 findings planning leaves gigabytes of it (each
/// language's transient search postings above all), which the collector otherwise kept resident beside the next stage's
/// work: a full, compacting collection after each language's index and one before rendering lowered the peak resident
/// size of a 100,000-finding build from 4,979 MiB (neither) and 5,280 MiB (only the one before rendering) to 4,044 MiB
/// (docs/performance.md, 3 December 2026; 2,674 MiB since generated files are written as they are made). Never in a
/// live preview, where a rebuild's latency counts and the session collects between rebuilds (Preview/IdleCollection).
/// </summary>
public static class PlanGarbage
{
    public static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
