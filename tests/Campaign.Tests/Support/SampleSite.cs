using Campaign.Site;

namespace Campaign.Tests.Support;

/// <summary>
/// The shipped campaign in <c>input/</c>, built once per test class into a temporary folder with a fixed
/// <c>--now</c>: <c>class MyTests(SampleSite site) : IClassFixture&lt;SampleSite&gt;</c>, then read <c>site.Output</c>.
/// </summary>
public sealed class SampleSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public string Output { get; } = Path.Combine(Path.GetTempPath(), "campaign-sample-" + Guid.NewGuid().ToString("N")[..12]);

    public BuildResult Result { get; }

    public SampleSite()
    {
        Result = SiteBuilder.Build(new BuildOptions(Repo.Input, Output, Now, false, Repo.Theme));
        if (!Result.Succeeded)
            throw new InvalidOperationException("the sample campaign does not build:\n" + string.Join("\n", Result.Diagnostics));
    }

    public string Path_(string relative) => Path.Combine(Output, relative);

    public string Read(string relative) => File.ReadAllText(Path_(relative));

    public void Dispose()
    {
        try { Directory.Delete(Output, recursive: true); } catch (IOException) { }
    }
}
