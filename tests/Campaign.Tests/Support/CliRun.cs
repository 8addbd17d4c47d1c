using Campaign.Cli;

namespace Campaign.Tests.Support;

/// <summary>Runs the <c>campaign</c> command in-process and captures what it prints and its exit code.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CampaignCommand.Run(args, new Campaign.Cli.Console(stdout, stderr));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
