using System.Diagnostics;

namespace Campaign.Tests.Support;

/// <summary>Runs the real <c>campaign</c> executable as its own process, for what only a process shows (environment, being killed).</summary>
public static class CampaignProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "campaign.dll");

    public static ProcessStartInfo Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return info;
    }

    /// <summary>Runs to the end and returns the exit code and everything printed.</summary>
    public static (int Code, string Output) Run(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(Start(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException("campaign did not finish"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
