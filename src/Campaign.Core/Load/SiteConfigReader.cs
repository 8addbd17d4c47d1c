using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;
using Campaign.Core.Validate;

namespace Campaign.Core.Load;

/// <summary>Reads <c>site.yaml</c>: languages first, since every other file is read against them.</summary>
public static class SiteConfigReader
{
    public const string FileName = "site.yaml";

    public static SiteConfig? Read(string inputDir, MarkdownRenderer markdown, DiagnosticList diagnostics)
    {
        var path = Path.Combine(inputDir, FileName);
        if (!File.Exists(path))
        {
            diagnostics.Error("CMP012", "There is no site.yaml in the input folder.", new SourceLocation(FileName),
                hint: "create input/site.yaml (see docs/content.md), or point --input at the campaign folder");
            return null;
        }
        var text = TextFile.Read(path, FileName, diagnostics);
        if (text is null) return null;
        if (YamlReader.Parse(text, FileName, 0, diagnostics) is not MapNode map)
        {
            if (!diagnostics.HasErrors)
                diagnostics.Error("CMP002", "site.yaml must hold `field: value` lines.", new SourceLocation(FileName, 1));
            return null;
        }
        var f = new FieldReader(map, diagnostics);

        var languages = ImmutableArray.CreateBuilder<Language>();
        foreach (var entry in f.NestedList("languages", required: true))
        {
            var code = entry.Text("code", required: true);
            var name = entry.Text("name", required: true);
            var lang = entry.Text("lang") ?? code;
            var dir = entry.Text("dir") ?? "ltr";
            var locale = entry.Text("locale");
            var babel = entry.Text("babel");
            if (dir is not ("ltr" or "rtl"))
            {
                diagnostics.Error("CMP007", $"`{dir}` is not a text direction.", entry.Map.Get("dir")?.Location, "languages.dir",
                    "write `dir: ltr` or `dir: rtl`");
                dir = "ltr";
            }
            entry.WarnUnknown();
            if (code is null || name is null || lang is null) continue;
            var problem = Slugs.Problem(code) ?? (code.Contains('.') ? "it contains `.`" : null);
            if (problem is not null)
            {
                diagnostics.Error("CMP013", $"The language code `{code}` cannot be used in URLs: {problem}.",
                    entry.Map.Location, "languages.code", "use a short code such as `en` or `zh`");
                continue;
            }
            if (languages.Any(l => l.Code == code))
            {
                diagnostics.Error("CMP013", $"The language `{code}` is listed twice.", entry.Map.Location, "languages.code");
                continue;
            }
            languages.Add(new Language(code, name, lang, dir, locale ?? LanguageNames.Locale(lang), babel ?? LanguageNames.Babel(lang)));
        }
        if (languages.Count == 0)
        {
            if (!diagnostics.HasErrors)
                diagnostics.Error("CMP003", "site.yaml lists no languages.", map.Location, "languages");
            f.WarnUnknown();
            return null;
        }
        var codes = languages.Select(l => l.Code).ToList();
        var defaultLanguage = f.Text("default_language") ?? codes[0];
        if (!codes.Contains(defaultLanguage))
        {
            diagnostics.Error("CMP013", $"The default language `{defaultLanguage}` is not among the languages.",
                map.Get("default_language")?.Location, "default_language", Suggestions.DidYouMean(defaultLanguage, codes));
            defaultLanguage = codes[0];
        }
        // The default language goes first, so fallbacks and warnings name it.
        var ordered = new List<string> { defaultLanguage };
        ordered.AddRange(codes.Where(c => c != defaultLanguage));

        var title = f.Localized("title", ordered, required: true);
        var tagline = f.Localized("tagline", ordered);
        var baseUrl = f.Text("base_url");
        if (baseUrl is not null && UrlPolicy.WebAddressProblem(baseUrl, allowQuery: false) is { } baseProblem)
        {
            diagnostics.Error("CMP014", $"`{Quoted.Short(DocumentReader.Printable(baseUrl))}` is not a web address: {baseProblem}.", map.Get("base_url")?.Location, "base_url",
                "write the full address, for example https://example.org/");
            baseUrl = null;
        }
        if (baseUrl is not null && !baseUrl.EndsWith('/')) baseUrl += "/";
        var licence = f.Text("licence");
        var organisation = f.Localized("organisation", ordered);

        var contacts = ImmutableArray.CreateBuilder<Contact>();
        foreach (var c in f.NestedList("contacts"))
        {
            var name = c.Localized("name", ordered, required: true);
            var role = c.Localized("role", ordered);
            var url = c.Text("url");
            // The contact's address is published as a link on every press page: the same check as any link.
            if (url is not null && (UrlPolicy.Scheme(url) is null ? new UrlProblem("CMP014", $"The contact address `{Quoted.Short(DocumentReader.Printable(url))}` is not a full web address.", "write the full address, such as https://example.org/press/")
                : UrlPolicy.Link(url)) is { } problem)
            {
                diagnostics.Error(problem.Code, problem.Message, c.Map.Get("url")?.Location, "contacts.url", problem.Hint);
                url = null;
            }
            var fingerprint = c.Text("pgp_fingerprint");
            if (fingerprint is not null && !(fingerprint.Replace(" ", "").Length == 40 && fingerprint.Replace(" ", "").All(char.IsAsciiHexDigit)))
            {
                diagnostics.Error("CMP104", $"`{Quoted.Short(DocumentReader.Printable(fingerprint))}` is not an OpenPGP fingerprint.", c.Map.Get("pgp_fingerprint")?.Location, "contacts.pgp_fingerprint",
                    "copy the 40 hexadecimal digits that `gpg --fingerprint` prints (spaces between the groups are fine)");
                fingerprint = null;
            }
            var contact = new Contact(name ?? LocalizedText.Of(), role, c.Text("email"), c.Text("phone"), url,
                c.Text("time_zone"), c.Localized("languages", ordered, warnMissing: false), fingerprint);
            c.WarnUnknown();
            if (name is not null) contacts.Add(contact);
        }

        var ask = LocalizedText.Of();
        var figures = ImmutableArray.CreateBuilder<KeyFigure>();
        if (f.Nested("home", required: true) is { } home)
        {
            if (home.Localized("ask", ordered, required: true, markdown: true) is { } askText)
                ask = markdown.RenderField(askText, home.Map.Get("ask")!.Location, diagnostics, "home.ask");
            foreach (var fig in home.NestedList("figures"))
            {
                var value = fig.Text("value", required: true);
                var label = fig.Localized("label", ordered, required: true);
                fig.WarnUnknown();
                if (value is not null && label is not null) figures.Add(new KeyFigure(value, label));
            }
            home.WarnUnknown();
        }

        var mirrors = ImmutableArray.CreateBuilder<Mirror>();
        foreach (var m in f.NestedList("mirrors"))
        {
            var url = m.Text("url", required: true);
            var note = m.Localized("note", ordered, warnMissing: false);
            m.WarnUnknown();
            if (url is null) continue;
            if (UrlPolicy.WebAddressProblem(url, allowQuery: false) is { } mirrorProblem)
            {
                diagnostics.Error("CMP014", $"The mirror `{Quoted.Short(DocumentReader.Printable(url))}` is not a web address: {mirrorProblem}.", m.Map.Get("url")?.Location ?? m.Map.Location, "mirrors.url",
                    "write the mirror's full address, for example https://mirror.example.net/");
                continue;
            }
            mirrors.Add(new Mirror(url, note));
        }
        var press = PressKitReader.Read(f.Nested("press"), ordered, markdown, diagnostics);
        var socialImage = f.Text("social_image")?.TrimStart('/');
        if (socialImage is not null && (socialImage.Split('/').Contains("..") || !File.Exists(Path.Combine(inputDir, "assets", socialImage))))
        {
            diagnostics.Error("CMP101", $"There is no file assets/{socialImage} for social_image.", map.Get("social_image")?.Location, "social_image",
                "put a PNG or JPEG of about 1200×630 pixels in input/assets/ and give its path under assets/");
            socialImage = null;
        }
        var identity = f.Nested("identity") is { } id ? IdentityReader.Read(id, inputDir, diagnostics) : null;
        SigningConfig? signing = null;
        if (f.Nested("signing") is { } sign)
        {
            if (sign.Text("minisign_key", required: true) is { } keyPath && sign.Map.Get("minisign_key") is { } keyNode)
                signing = new SigningConfig(keyPath, keyNode.Location, keyNode.Field);
            sign.WarnUnknown();
        }
        f.WarnUnknown();

        if (title is null) return null;
        return new SiteConfig(title, tagline, baseUrl, defaultLanguage, languages.ToImmutable(), licence, organisation,
            contacts.ToImmutable(), ask, figures.ToImmutable(), mirrors.ToImmutable(), socialImage, identity, press) { Signing = signing };
    }
}
