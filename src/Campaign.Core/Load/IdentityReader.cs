using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads <c>identity:</c> in site.yaml: the mark (an SVG under <c>assets/</c>) and the accent colour.</summary>
public static class IdentityReader
{
    public static SiteIdentity? Read(FieldReader f, string inputDir, DiagnosticList diagnostics)
    {
        var mark = f.Text("mark")?.TrimStart('/');
        if (mark is not null)
        {
            var at = f.Map.Get("mark")?.Location;
            if (!mark.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error("CMP107", $"The mark assets/{mark} is not an SVG file.", at, "identity.mark",
                    "save the mark as plain SVG (it is drawn at any size, on the page and on the PDF cover) and give its path under assets/");
                mark = null;
            }
            else if (mark.Split('/').Contains("..") || !File.Exists(Path.Combine(inputDir, "assets", mark)))
            {
                diagnostics.Error("CMP107", $"There is no file assets/{mark} for the mark.", at, "identity.mark",
                    "put the SVG in input/assets/ and give its path from there, for example `mark: mark.svg`");
                mark = null;
            }
        }

        string? accent = null;
        var accentText = f.Text("accent");
        if (accentText is null && f.Map.Get("accent") is { } empty)
            // `accent: #b42318` without quotes: YAML reads everything after # as a comment, so the value is empty.
            diagnostics.Error("CMP108", "The accent colour is empty.", empty.Location, "identity.accent",
                "put the colour in quotes, `accent: \"#b42318\"`: without them YAML reads # and what follows as a comment");
        if (accentText is { } text)
        {
            var at = f.Map.Get("accent")?.Location;
            if (AccentColour.Parse(text) is not { } colour)
                diagnostics.Error("CMP108", $"`{Quoted.Short(DocumentReader.Printable(text))}` is not a colour: the accent is written as a hex value.", at, "identity.accent",
                    "write it in quotes as `#` and six hex digits, for example `accent: \"#b42318\"` (without quotes YAML reads # as a comment)");
            else
            {
                accent = colour.Hex;
                var contrast = colour.ContrastWith(AccentColour.LightPage);
                if (contrast < AccentColour.TextContrast)
                    diagnostics.Warning("CMP108", $"The accent {accent} has a contrast of {contrast.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}:1 against the white page; labels written in it are hard to read (WCAG asks for 4.5:1).",
                        at, "identity.accent", "choose a darker shade of the colour");
            }
        }
        f.WarnUnknown();
        return mark is null && accent is null ? null : new SiteIdentity(mark, accent);
    }
}
