namespace Campaign.Cli;

/// <summary>A verb's command line, parsed against the flags it declares; anything else is a usage error (exit 2).</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> flags take a value, <paramref name="switches"/> do not.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> switches)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = Short(args[i], switches);
            if (arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && !char.IsDigit(arg[1]))
            {
                // `-o out` or `-quiet`: name the long option meant, rather than take it for a slug or a folder.
                var known = valued.Concat(switches).ToList();
                var near = Core.Diagnostics.Suggestions.Nearest("--" + arg.TrimStart('-'), known)
                    ?? known.FirstOrDefault(k => k.Length > 2 && k[2] == arg[1]);
                throw new UsageException($"unknown option {arg}; options start with two hyphens" + (near is null ? "." : $": did you mean {near}?"));
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                result.Positional.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            if (valued.Contains(name))
            {
                string? value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
                if (value is null) throw new UsageException($"{name} needs a value.");
                result._values[name] = value;
            }
            else if (switches.Contains(name) && eq < 0)
                result._values[name] = null;
            else
            {
                var known = valued.Concat(switches).ToList();
                var near = Core.Diagnostics.Suggestions.Nearest(name, known);
                throw new UsageException($"unknown option {name}" + (near is null ? "." : $"; did you mean {near}?"));
            }
        }
        return result;
    }

    /// <summary>The one-letter spellings people type from habit: <c>-q</c> and <c>-v</c>, where the verb has --quiet and --verbose.</summary>
    private static string Short(string arg, IReadOnlyCollection<string> switches) => arg switch
    {
        "-q" when switches.Contains("--quiet") => "--quiet",
        "-v" when switches.Contains("--verbose") => "--verbose",
        _ => arg,
    };

    public bool Has(string flag) => _values.ContainsKey(flag);

    public string? Value(string flag) => _values.TryGetValue(flag, out var v) ? v : null;
}

/// <summary>A mistake on the command line: printed with the verb's usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
