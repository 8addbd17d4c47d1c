namespace Campaign.Cli.Commands;

/// <summary>A verb of the <c>campaign</c> command.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The full usage text printed by <c>campaign &lt;verb&gt; --help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the exit code (0 success, 1 content errors, 2 usage errors).</summary>
    int Run(IReadOnlyList<string> args, Console console);
}
