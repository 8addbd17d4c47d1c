using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.IO.Hashing;

namespace Campaign.Site.Preview;

/// <summary>
/// A digest (128-bit xxHash, kept in memory only) of the values a page's templates can read: every public property, recursively, as a template sees them.
/// Objects are digested once per build and then referred to by their digest, because thousands of pages share the
/// same site frame, UI strings and finding rows; serialising each page's values whole (as JSON) made fingerprinting
/// every page of a large site cost more than rendering the few that changed.
/// One instance per build: objects must not change while it is in use.
/// </summary>
internal sealed class ValueFingerprint
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    // Many threads add at once (pages render in parallel): more lock stripes than cores, and room from the start.
    private readonly ConcurrentDictionary<object, byte[]> _digests = new(64, 1 << 16, ReferenceEqualityComparer.Instance);

    // Hash states (300 bytes each, one per object digested) are kept per thread and reused: a rebuild digests tens of
    // thousands of objects, and every megabyte it allocates is memory the system may have to map for it.
    [ThreadStatic] private static Stack<XxHash128>? t_spare;
    [ThreadStatic] private static HashSet<object>? t_path;

    private static XxHash128 Rent() => (t_spare ??= new()).TryPop(out var hash) ? hash : new XxHash128();

    private static void Return(XxHash128 hash)
    {
        hash.Reset();
        (t_spare ??= new()).Push(hash);
    }

    /// <summary>The digest of <paramref name="value"/> as lowercase hexadecimal, or null when a property cannot be read.</summary>
    public string? Of(object? value)
    {
        try
        {
            var hash = Rent();
            // By identity: a record's own hash would walk it all. Taken from the thread while in use, so a walk that
            // somehow started another on the same thread would get a set of its own.
            var path = t_path ?? new HashSet<object>(ReferenceEqualityComparer.Instance);
            t_path = null;
            try
            {
                Append(hash, value, path);
                return Convert.ToHexStringLower(hash.GetCurrentHash());
            }
            finally
            {
                path.Clear();
                t_path = path;
                Return(hash);
            }
        }
        catch (Exception ex) when (ex is TargetInvocationException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="hash"/>; false when a cycle was cut short inside it.</summary>
    private bool Append(XxHash128 hash, object? value, HashSet<object> path)
    {
        switch (value)
        {
            case null:
                Tag(hash, 'n');
                return true;
            case string s:
                Tag(hash, 's');
                Text(hash, s);
                return true;
            case bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateOnly or TimeOnly or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
                Tag(hash, 'v');
                Text(hash, value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture));
                return true;
            case Delegate:
                Tag(hash, 'f'); // a template cannot call it
                return true;
            case byte[] bytes: // the head of a generated file: its bytes, not a value per byte
                Tag(hash, 'b');
                Text(hash, bytes.Length.ToString(CultureInfo.InvariantCulture));
                hash.Append(bytes);
                return true;
        }

        var type = value.GetType();
        if (type.IsValueType && value is not IEnumerable)
            return AppendMembers(hash, value, type, path); // small structs: no identity to remember
        if (_digests.TryGetValue(value, out var known))
        {
            Tag(hash, 'o');
            hash.Append(known);
            return true;
        }
        if (!path.Add(value))
        {
            Tag(hash, 'c'); // a cycle: the object is already being digested further up
            return false;
        }
        var inner = Rent();
        try
        {
            var whole = true;
            if (value is IDictionary dictionary)
            {
                Tag(inner, 'd');
                foreach (DictionaryEntry entry in dictionary)
                {
                    whole &= Append(inner, entry.Key, path);
                    whole &= Append(inner, entry.Value, path);
                }
            }
            else if (value is IEnumerable items)
            {
                Tag(inner, 'l');
                foreach (var item in items) whole &= Append(inner, item, path);
                Tag(inner, ']');
            }
            else whole = AppendMembers(inner, value, type, path);
            var digest = inner.GetCurrentHash();
            // A digest that cut a cycle short depends on where the walk entered it, so it is not reused elsewhere.
            if (whole) _digests.TryAdd(value, digest);
            Tag(hash, 'o');
            hash.Append(digest);
            return whole;
        }
        finally
        {
            path.Remove(value);
            Return(inner);
        }
    }

    private bool AppendMembers(XxHash128 hash, object value, Type type, HashSet<object> path)
    {
        Tag(hash, 'o');
        Text(hash, type.FullName ?? type.Name);
        var whole = true;
        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            Text(hash, property.Name);
            whole &= Append(hash, property.GetValue(value), path);
        }
        Tag(hash, '}');
        return whole;
    }

    /// <summary>Public instance properties without parameters, in a fixed order.</summary>
    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    private static void Tag(XxHash128 hash, char tag) => hash.Append([(byte)tag]);

    private static void Text(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, text.Length);
        hash.Append(length);
        hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan())); // the chars as they are: no encoding needed for a digest
    }
}
