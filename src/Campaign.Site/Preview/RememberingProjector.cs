using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Campaign.Site.Planning;

namespace Campaign.Site.Preview;

/// <summary>
/// A live preview's projector: each output is remembered by its record instance (the loader keeps the instances of
/// unchanged records) and the value of its context, and taken again while both are the same. The context is compared by
/// its digest (<see cref="ValueFingerprint"/>: every public property, recursively), worked out once per context instance
/// and build, so the key of every output is the whole input of the function that made it, by construction.
/// </summary>
public sealed class RememberingProjector : IProjector
{
    /// <summary>
    /// The outputs of one projection in one context: by record instance (a ConditionalWeakTable compares by reference and
    /// lets the outputs of deleted or replaced records go with them), and the last call's records and outputs by position,
    /// because an edit leaves every other record the same instance at the same place, and comparing two arrays of
    /// references is cheaper than a lookup per record.
    /// </summary>
    private sealed class State<TRecord, TOut>(int build) : Used(build) where TRecord : class
    {
        public ConditionalWeakTable<TRecord, Box<TOut>> ByRecord { get; } = new();
        public (TRecord[] Records, TOut[] Outputs)? Last { get; set; }
        public Lock Gate { get; } = new();
    }

    /// <summary>Anything kept between builds, with the last build that used it.</summary>
    private abstract class Used(int build)
    {
        public int UsedIn { get; set; } = build;
    }

    private sealed record Box<TOut>(TOut Value);

    private sealed record JoinedOutput(string Digest, object[] Parts, object Output, int UsedIn);

    // A projection's states by context digest: a per-language projection has one per language. States no build used
    // since the one before the current are dropped as a build begins.
    private readonly ConcurrentDictionary<(string Name, string Digest), Used> _states = new();
    private readonly ConcurrentDictionary<string, JoinedOutput> _joined = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _made = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reused = new(StringComparer.Ordinal);
    private int _build;

    private ValueFingerprint _fingerprint = new();
    private ConditionalWeakTable<object, string> _digests = new();

    /// <summary>Outputs of the projection or join <paramref name="name"/> made since the last <see cref="Begin"/>.</summary>
    public int Made(string name) => _made.GetValueOrDefault(name);

    /// <summary>Outputs of <paramref name="name"/> taken from an earlier build since the last <see cref="Begin"/>.</summary>
    public int Reused(string name) => _reused.GetValueOrDefault(name);

    /// <summary>A build starts: contexts are digested afresh (the last build's digests held its objects), counts are cleared.</summary>
    internal void Begin()
    {
        _build++;
        _fingerprint = new ValueFingerprint();
        _digests = new ConditionalWeakTable<object, string>();
        _made.Clear();
        _reused.Clear();
        foreach (var (key, state) in _states)
            if (state.UsedIn < _build - 1) _states.TryRemove(key, out _);
        foreach (var (key, joined) in _joined)
            if (joined.UsedIn < _build - 1) _joined.TryRemove(key, out _);
    }

    /// <summary>The digest of a context, once per instance and build; a context that cannot be read never equals another.</summary>
    private string Digest(object context) => _digests.GetValue(context, c => _fingerprint.Of(c) ?? Guid.NewGuid().ToString());

    private static void Count(ConcurrentDictionary<string, int> counts, string name, int n)
    {
        if (n > 0) counts.AddOrUpdate(name, n, (_, k) => k + n);
    }

    private State<TRecord, TOut> StateOf<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, TContext context)
        where TRecord : class where TContext : notnull
    {
        var state = (State<TRecord, TOut>)_states.GetOrAdd((projection.Name, Digest(context)), _ => new State<TRecord, TOut>(_build));
        state.UsedIn = _build;
        return state;
    }

    public TOut One<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, TRecord record, TContext context)
        where TRecord : class where TContext : notnull
    {
        var state = StateOf(projection, context);
        if (state.ByRecord.TryGetValue(record, out var known))
        {
            Count(_reused, projection.Name, 1);
            return known.Value;
        }
        var made = projection.Make(record, context);
        state.ByRecord.AddOrUpdate(record, new Box<TOut>(made));
        Count(_made, projection.Name, 1);
        return made;
    }

    public bool Keeps => true;

    public TOut[] Each<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, IReadOnlyList<TRecord> records, TContext context)
        where TRecord : class where TContext : notnull
    {
        var state = StateOf(projection, context);
        var outputs = new TOut[records.Count];
        (TRecord[] Records, TOut[] Outputs)? last;
        lock (state.Gate) last = state.Last;
        var byPosition = last is { } l && l.Records.Length == records.Count ? l : default((TRecord[] Records, TOut[] Outputs)?);
        var missing = new List<int>();
        for (var i = 0; i < outputs.Length; i++)
        {
            if (byPosition is { } p && ReferenceEquals(p.Records[i], records[i])) outputs[i] = p.Outputs[i];
            else if (state.ByRecord.TryGetValue(records[i], out var known)) outputs[i] = known.Value;
            else missing.Add(i);
        }
        if (missing.Count > 0)
        {
            var made = projection.MakeAll([.. missing.Select(i => records[i])], context);
            for (var k = 0; k < missing.Count; k++)
            {
                var i = missing[k];
                // a remade output that is the same as the one it replaces stays that one, so what is joined from it is recognised
                if (projection.Same is { } same && byPosition is { } p && same.Equals(p.Outputs[i], made[k])) made[k] = p.Outputs[i];
                outputs[i] = made[k];
                state.ByRecord.AddOrUpdate(records[i], new Box<TOut>(made[k]));
            }
        }
        Count(_made, projection.Name, missing.Count);
        Count(_reused, projection.Name, outputs.Length - missing.Count);
        lock (state.Gate) state.Last = ([.. records], outputs);
        return outputs;
    }

    public TOut Joined<TPart, TContext, TOut>(Join<TPart, TContext, TOut> join, string key, TContext context, IReadOnlyList<TPart> parts)
        where TPart : class where TContext : notnull where TOut : class
    {
        var slot = join.Name + "\u001f" + key;
        var digest = Digest(context);
        if (_joined.TryGetValue(slot, out var known) && known.Digest == digest && known.Output is TOut same && SameParts(known.Parts, parts))
        {
            _joined[slot] = known with { UsedIn = _build };
            Count(_reused, join.Name, 1);
            return same;
        }
        var made = join.Make(context, parts);
        _joined[slot] = new JoinedOutput(digest, [.. parts], made, _build);
        Count(_made, join.Name, 1);
        return made;
    }

    private static bool SameParts<TPart>(object[] known, IReadOnlyList<TPart> parts) where TPart : class
    {
        if (known.Length != parts.Count) return false;
        for (var i = 0; i < known.Length; i++)
            if (!ReferenceEquals(known[i], parts[i])) return false;
        return true;
    }
}
