using System.Globalization;
using Campaign.Generate;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign generate</c>: writes a large synthetic campaign for benchmarks and scale tests.</summary>
public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";
    public string Summary => "write a large synthetic campaign for benchmarks";

    public string Usage => """
        Usage: campaign generate --findings N --output DIR [options]

        Writes a synthetic campaign into DIR/input: N findings in English and Chinese, 20 companies
        with their responses, 5 long reports and 200 updates; site.yaml, i18n/, vocabularies.yaml and
        assets/ are copied from the sample campaign. The same content goes into DIR/hugo as a Hugo site
        (content, config with both languages, a minimal layout) that builds the same pages, for benchmarks.
        The same N and seed always give the same files.
        Build it with: campaign build --input DIR/input --output DIR/output
                  and: hugo --source DIR/hugo --destination DIR/hugo-output

        Options:
          --findings N    how many findings (required)
          --output DIR    the folder to write into; DIR/input must not exist yet (required)
          --seed S        the random seed (default: 1)
          --sample DIR    the campaign to copy site.yaml, i18n/ and vocabularies.yaml from (default: input,
                          else the sample's files installed with the command)
          --help          show this help
        """;

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, ["--findings", "--output", "--seed", "--sample"], []);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument `{a.Positional[0]}`.");
        var findings = Number(a, "--findings", null);
        var seed = Number(a, "--seed", 1);
        var output = a.Value("--output") ?? throw new UsageException("--output is required.");
        // Without --sample: the sample campaign of the project folder, else the copy of its site files installed with the command.
        var sample = a.Value("--sample") ?? (File.Exists(Path.Combine("input", "site.yaml")) ? "input" : Scaffold.ToolFiles.Starter);
        if (!File.Exists(Path.Combine(sample, "site.yaml")))
            throw new UsageException($"the sample campaign `{sample}` has no site.yaml; pass --sample DIR.");
        var input = Path.Combine(output, "input");
        var hugo = Path.Combine(output, "hugo");
        if (Directory.Exists(input)) throw new UsageException($"`{input}` exists already; choose an empty --output folder.");
        if (Directory.Exists(hugo)) throw new UsageException($"`{hugo}` exists already; choose an empty --output folder.");

        var campaign = SyntheticCampaign.Create(findings, seed);
        CampaignWriter.Write(campaign, input, sample);
        HugoWriter.Write(campaign, hugo);
        console.Line($"Wrote {input}/: {campaign.Findings.Count} findings, {campaign.Companies.Count} companies, " +
            $"{campaign.Reports.Count} reports, {campaign.Updates.Count} updates, in 2 languages; the same as a Hugo site in {hugo}/.");
        return 0;
    }

    private static int Number(Arguments a, string flag, int? fallback)
    {
        var text = a.Value(flag);
        if (text is null) return fallback ?? throw new UsageException($"{flag} is required.");
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
            throw new UsageException(signed < 0
                ? $"{flag} `{text}` is negative; give 0 or more, for example {flag} 1000."
                : $"{flag} `{text}` is too large; give at most {int.MaxValue}.");
        throw new UsageException($"{flag} `{text}` is not a whole number; give 0 or more, for example {flag} 1000.");
    }
}
