using System.Text;
using Campaign.Cli.Scaffold;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign new-site DIR</c>: starts an empty bilingual campaign that builds as it is.</summary>
public sealed class NewSiteCommand : ICommand
{
    public string Name => "new-site";
    public string Summary => "start an empty bilingual (English and Chinese) campaign in a new folder";

    public string Usage => """
        Usage: campaign new-site DIR

        Starts an empty campaign in DIR (which must not exist, or be empty): DIR/input/ with site.yaml,
        i18n/en.yaml and i18n/zh.yaml (the theme's words in English and Chinese), vocabularies.yaml and
        empty reports/, companies/, updates/, pages/, findings/ and assets/ folders. It builds at once
        with the theme installed with the command:

          cd DIR && campaign build

        Then write site.yaml's title and ask, and add pages with `campaign new update <slug>` and the like.

        Options:
          --quiet         print nothing but errors
          --help          show this help

        Exit codes: 0 written, 1 DIR exists and is not empty, 2 usage errors.
        """;

    private static readonly string[] Sections = ["reports", "companies", "updates", "pages", "findings", "assets"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, [], ["--quiet"]);
        console.Apply(a);
        if (a.Positional.Count != 1) throw new UsageException("write the folder to start the campaign in, for example: campaign new-site my-campaign");
        var dir = a.Positional[0];
        if (File.Exists(dir) || Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            console.Error.WriteLine($"campaign new-site: {dir} exists and is not empty; campaign new-site never overwrites a file.");
            console.Error.WriteLine("  (choose a new folder name)");
            return 1;
        }
        var starter = ToolFiles.Starter;
        if (!File.Exists(Path.Combine(starter, "vocabularies.yaml")))
        {
            console.Error.WriteLine($"campaign new-site: the files a new campaign starts from are missing from {starter}; reinstall the command.");
            return 1;
        }
        var input = Path.Combine(dir, "input");
        foreach (var section in Sections) Directory.CreateDirectory(Path.Combine(input, section));
        Directory.CreateDirectory(Path.Combine(input, "i18n"));
        File.Copy(Path.Combine(starter, "vocabularies.yaml"), Path.Combine(input, "vocabularies.yaml"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(starter, "i18n"), "*.yaml").Order(StringComparer.Ordinal))
            File.Copy(file, Path.Combine(input, "i18n", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(input, "site.yaml"), SiteYaml, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(dir, ".gitignore"), "output/\n.cache/\n", new UTF8Encoding(false));
        console.Line($"Started a campaign in {dir}/input/. Build it with `cd {dir} && campaign build`, then open output/index.html;");
        console.Line("write the campaign's title and ask in input/site.yaml, and add pages with `campaign new update <slug>`.");
        return 0;
    }

    /// <summary>A site.yaml with every required field and the two languages; the sample campaign's own words are not copied.</summary>
    private const string SiteYaml = """
        # The campaign. Every field is described in docs/content.md ("site.yaml").
        title:                          # required, per language
          en: "Campaign title"
          zh: "运动标题"
        tagline:                        # optional, per language
          en: "One line saying what the campaign is about"
          zh: "一句话说明运动的内容"
        # base_url: https://example.org/campaign/   # recommended: the address the site is published at (feeds, sitemap, link previews)
        default_language: en
        languages:                      # in menu order
          - code: en
            name: English
            lang: en
            dir: ltr
          - code: zh
            name: 中文
            lang: zh-Hans
            dir: ltr
        # licence: CC BY-NC-ND 4.0      # optional: shown in the footer
        # organisation: { en: Organisation name, zh: 组织名称 }   # optional, per language
        home:
          ask:                          # required, per language, Markdown: what the campaign asks for
            en: "What the campaign asks for."
            zh: "运动的诉求。"
          figures: []                   # optional: key figures, e.g. - { value: "3", label: { en: companies named, zh: 被点名的公司 } }

        """;
}
