using System.Diagnostics;
using System.Text;

namespace Campaign.Tests.Support;

/// <summary>Debian's poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), to read a PDF back as a reader's tools do.</summary>
public static class Poppler
{
    /// <summary>Runs the tool and returns its output's lines; skips the test when poppler-utils is missing.</summary>
    public static IReadOnlyList<string> Lines(string tool, params string[] args) =>
        Encoding.UTF8.GetString(Run(tool, args)).Split('\n').Select(l => l.TrimEnd('\r', '\f')).SkipWhile(string.IsNullOrWhiteSpace)
            .Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();

    /// <summary>One page as RGB pixels (pdftoppm's PPM output), row by row.</summary>
    public static (int Width, int Height, byte[] Rgb) Render(string pdf, int page, int dpi)
    {
        var ppm = Run("pdftoppm", "-r", $"{dpi}", "-f", $"{page}", "-l", $"{page}", pdf);
        // "P6\n<width> <height>\n255\n" then the pixels.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)ppm[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)ppm[at])) at++;
            fields.Add(Encoding.ASCII.GetString(ppm, start, at - start));
        }
        Assert.Equal("P6", fields[0]);
        return (int.Parse(fields[1]), int.Parse(fields[2]), ppm[(at + 1)..]);
    }

    private static byte[] Run(string tool, params string[] args)
    {
        var exe = RequiredTools.RequireOnPath(tool, "poppler-utils");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        copy.Wait();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {error.Result}");
        return output.ToArray();
    }
}
