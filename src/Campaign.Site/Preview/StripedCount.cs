namespace Campaign.Site.Preview;

/// <summary>
/// A count that threads add to without sharing a memory location: one counter per thread slot, each on its own cache
/// line, summed when read. The output ledger counts a hundred thousand files per rebuild from every core, and one shared
/// counter made each increment wait for the line to come back from the other core.
/// </summary>
internal sealed class StripedCount
{
    private const int Slots = 16;
    private const int Spacing = 16; // 16 ints: 64 bytes, a cache line between neighbouring slots
    private readonly int[] _counts = new int[Slots * Spacing];

    public void Add() => Interlocked.Increment(ref _counts[(Environment.CurrentManagedThreadId % Slots) * Spacing]);

    /// <summary>The sum of all slots; exact once the adding threads are done.</summary>
    public int Total
    {
        get
        {
            var total = 0;
            for (var i = 0; i < Slots; i++) total += Volatile.Read(ref _counts[i * Spacing]);
            return total;
        }
    }

    public void Clear() => Array.Clear(_counts);
}
