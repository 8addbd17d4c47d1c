using Campaign.Cli.Commands;

namespace Campaign.Cli;

/// <summary>The <c>campaign</c> command: picks the verb, prints usage, maps failures to exit codes.</summary>
public static class CampaignCommand
{
    public static readonly IReadOnlyList<ICommand> Verbs =
        [new BuildCommand(), new ServeCommand(), new CheckCommand(), new NewCommand(), new NewSiteCommand(), new TranslationsCommand(), new SearchCommand(), new GenerateCommand()];

    public static string Usage => "Usage: campaign <verb> [options]\n\n" +
        "Builds a bilingual campaign site from Markdown and data files.\n\nVerbs:\n" +
        string.Concat(Verbs.Select(v => $"  {v.Name,-14}{v.Summary}\n")) +
        "\nRun `campaign <verb> --help` for a verb's options; `campaign --version` prints the version.\n" +
        "Exit codes: 0 success, 1 content errors, 2 usage errors, 3 the machine refused (disk, permissions, lock).";

    /// <summary>The assembly's informational version (the csproj's Version, and the commit it was built from when known).</summary>
    public static string Version =>
        typeof(CampaignCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(CampaignCommand).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static int Run(IReadOnlyList<string> args, Console console)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Count == 0 ? console.Error : console.Out).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }
        if (args[0] is "--version" or "-V")
        {
            console.Out.WriteLine($"campaign {Version}");
            return 0;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            var near = Core.Diagnostics.Suggestions.Nearest(args[0], Verbs.Select(v => v.Name));
            console.Error.WriteLine(Console.Visible($"campaign: unknown verb `{args[0]}`" + (near is null ? "." : $"; did you mean `{near}`?")));
            console.Error.WriteLine(Usage);
            return 2;
        }
        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            console.Out.WriteLine(verb.Usage);
            return 0;
        }
        try
        {
            return verb.Run(rest, console);
        }
        catch (UsageException ex)
        {
            console.Error.WriteLine(Console.Visible($"campaign {verb.Name}: {ex.Message}"));
            console.Error.WriteLine($"Run `campaign {verb.Name} --help` for usage.");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk, not the content: say what failed without a stack trace, with the exit code of the machine's failures.
            console.Error.WriteLine(Console.Visible($"campaign {verb.Name}: {ex.Message}"));
            console.Error.WriteLine("The disk or the operating system refused: check the path, free space and permissions.");
            return 3;
        }
        catch (Exception ex) when (Core.Diagnostics.InternalFailure.IsBug(ex))
        {
            // The safety net of every verb: a bug is one diagnostic naming the file (when known), not a stack trace.
            if (rest.Contains("--verbose")) console.Verbose = true;
            console.Diagnostics([Core.Diagnostics.InternalFailure.Diagnose(ex, $"running `campaign {verb.Name}`")], ".");
            console.Failure(ex);
            return 1;
        }
    }
}
