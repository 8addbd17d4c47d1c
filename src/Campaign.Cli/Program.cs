using Campaign.Cli;
using Campaign.Cli.Commands;

return CampaignCommand.Run(args, new Campaign.Cli.Console(System.Console.Out, System.Console.Error)
{
    Interactive = !System.Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive,
});
