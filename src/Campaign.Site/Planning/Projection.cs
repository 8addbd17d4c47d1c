using System.Reflection;

namespace Campaign.Site.Planning;

/// <summary>
/// A per-record output (a table row, a record file, a search document) made from the record and a typed context only.
/// </summary>
/// <remarks>
/// The function may not capture anything (it is refused when it does), so what it reads is exactly its two arguments:
/// the record, an immutable instance the loader keeps while its source is unchanged, and the context, whose public
/// properties hold everything else the output depends on. A live preview can then remember each output by record
/// instance and context value (<see cref="IProjector"/>), and no cache key is ever written by hand. A context may keep
/// private lookups, but only ones worked out from its public properties.
/// </remarks>
public sealed class Projection<TRecord, TContext, TOut> where TRecord : class where TContext : notnull
{
    /// <param name="name">What the output is (<c>csv-line</c>, <c>finding-row</c>), unique per projection: a live preview keeps one table per name.</param>
    /// <param name="make">The output of one record; a <c>static</c> lambda or a static method.</param>
    /// <param name="makeMany">When making outputs together is cheaper (one CSV writer for every new line): the outputs of the given records, in order.</param>
    /// <param name="same">
    /// How to tell a remade output from the one it replaces: a live preview keeps the previous instance when they are the same,
    /// so what is put together from the outputs (a spreadsheet, a list page) is recognised as unchanged.
    /// </param>
    /// <param name="parallel">Outputs are independent and costly enough to make on every core when there are many.</param>
    public Projection(string name, Func<TRecord, TContext, TOut> make, Func<IReadOnlyList<TRecord>, TContext, TOut[]>? makeMany = null,
        IEqualityComparer<TOut>? same = null, bool parallel = false)
    {
        Name = name;
        Make = CaptureFree(make, name);
        MakeMany = makeMany is null ? null : CaptureFree(makeMany, name);
        Same = same;
        Parallel = parallel;
    }

    public string Name { get; }
    public Func<TRecord, TContext, TOut> Make { get; }
    public Func<IReadOnlyList<TRecord>, TContext, TOut[]>? MakeMany { get; }
    public IEqualityComparer<TOut>? Same { get; }
    public bool Parallel { get; }

    /// <summary>The outputs of <paramref name="records"/>, made afresh (a plain build, or the records a live preview does not know).</summary>
    public TOut[] MakeAll(IReadOnlyList<TRecord> records, TContext context)
    {
        if (MakeMany is not null) return MakeMany(records, context);
        var outputs = new TOut[records.Count];
        if (Parallel && records.Count > 64) System.Threading.Tasks.Parallel.For(0, outputs.Length, i => outputs[i] = Make(records[i], context));
        else for (var i = 0; i < outputs.Length; i++) outputs[i] = Make(records[i], context);
        return outputs;
    }

    internal static T CaptureFree<T>(T function, string name) where T : Delegate
    {
        // A static lambda compiles to a method of one shared, field-less object; a capturing one carries its variables as fields.
        if (function.Target is { } target && target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length > 0)
            throw new ArgumentException($"The projection '{name}' captures {target.GetType().Name}: it must read only its record and context (write it as a static lambda).", nameof(function));
        return function;
    }
}

/// <summary>
/// An output put together from per-record parts and a typed context (a spreadsheet from its lines, a list page from its
/// rows). As with <see cref="Projection{TRecord, TContext, TOut}"/>, the function reads only its arguments, so a live preview
/// reuses the previous output when the context is the same value and every part the same instance.
/// </summary>
public sealed class Join<TPart, TContext, TOut> where TPart : class where TContext : notnull where TOut : class
{
    public Join(string name, Func<TContext, IReadOnlyList<TPart>, TOut> make)
    {
        Name = name;
        Make = Projection<TPart, TContext, TOut>.CaptureFree(make, name);
    }

    public string Name { get; }
    public Func<TContext, IReadOnlyList<TPart>, TOut> Make { get; }
}

/// <summary>
/// How a build makes per-record outputs. A plain build makes each one (<see cref="FreshProjector"/>); a live preview
/// remembers them between rebuilds (<c>Preview/RememberingProjector</c>), which is only ever a matter of speed: both
/// give the same outputs for the same records and contexts.
/// </summary>
public interface IProjector
{
    /// <summary>
    /// Whether outputs are kept between builds (a live preview): then a page's model is made in planning, since its identity
    /// is how the preview tells an unchanged page; a plain build may instead make models as pages render (<see cref="Rendering.IDeferredModel"/>).
    /// </summary>
    bool Keeps { get; }

    /// <summary>The output of each of <paramref name="records"/>, in order.</summary>
    TOut[] Each<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, IReadOnlyList<TRecord> records, TContext context)
        where TRecord : class where TContext : notnull;

    /// <summary>The output of one record.</summary>
    TOut One<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, TRecord record, TContext context)
        where TRecord : class where TContext : notnull;

    /// <summary>The output joined from <paramref name="parts"/>; <paramref name="key"/> tells apart the outputs of one join (a file's path, a page's address).</summary>
    TOut Joined<TPart, TContext, TOut>(Join<TPart, TContext, TOut> join, string key, TContext context, IReadOnlyList<TPart> parts)
        where TPart : class where TContext : notnull where TOut : class;
}

/// <summary>The plain build's projector: every output is made, nothing is kept past the build.</summary>
public sealed class FreshProjector : IProjector
{
    public static readonly FreshProjector Instance = new();

    public bool Keeps => false;

    public TOut[] Each<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, IReadOnlyList<TRecord> records, TContext context)
        where TRecord : class where TContext : notnull => projection.MakeAll(records, context);

    public TOut One<TRecord, TContext, TOut>(Projection<TRecord, TContext, TOut> projection, TRecord record, TContext context)
        where TRecord : class where TContext : notnull => projection.Make(record, context);

    public TOut Joined<TPart, TContext, TOut>(Join<TPart, TContext, TOut> join, string key, TContext context, IReadOnlyList<TPart> parts)
        where TPart : class where TContext : notnull where TOut : class => join.Make(context, parts);
}
