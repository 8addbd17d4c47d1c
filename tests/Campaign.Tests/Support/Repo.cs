namespace Campaign.Tests.Support;

/// <summary>Paths in the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Theme => Path.Combine(Root, "theme");
    public static string Input => Path.Combine(Root, "input");
    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Campaign.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Campaign.sln not found above " + AppContext.BaseDirectory);
    }
}
