namespace Campaign.Tests.Workflow;

/// <summary>A copy of the sample campaign and theme in a temporary folder, for tests that edit files between builds.</summary>
public sealed class CampaignCopy : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "campaign-copy-" + Guid.NewGuid().ToString("N")[..12]);
    public string Input => Path.Combine(Root, "input");
    public string Theme => Path.Combine(Root, "theme");

    public CampaignCopy()
    {
        CopyDir(Support.Repo.Input, Input);
        CopyDir(Support.Repo.Theme, Theme);
    }

    public string InputFile(string relative) => Path.Combine(Input, relative);

    public void Write(string relative, string text)
    {
        var path = InputFile(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Edit(string relative, string from, string to)
    {
        var text = File.ReadAllText(InputFile(relative));
        Assert.Contains(from, text);
        File.WriteAllText(InputFile(relative), text.Replace(from, to, StringComparison.Ordinal));
    }

    public static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
