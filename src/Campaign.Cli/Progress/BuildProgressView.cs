using Campaign.Site.Timing;
using Spectre.Console;

namespace Campaign.Cli.Progress;

/// <summary>
/// Shows a build's progress: a Spectre.Console progress bar per stage when a person watches an interactive
/// terminal, one plain line per stage when the output goes to a file or a CI log, nothing with --quiet.
/// </summary>
public static class BuildProgressView
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["load"] = "Reading and checking the content",
        ["plan"] = "Planning the pages",
        ["render"] = "Rendering pages",
        ["write"] = "Writing downloads, feeds and indexes",
    };

    public static string Label(string stage) => Labels.TryGetValue(stage, out var l) ? l : stage;

    /// <summary>Runs <paramref name="work"/> with the progress display that suits <paramref name="console"/>.</summary>
    public static T Run<T>(Console console, Func<IBuildProgress?, T> work)
    {
        if (console.Quiet) return work(null);
        if (!console.Interactive) return work(new PlainLines(console));
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(ctx => work(new Bars(ctx)));
    }

    /// <summary>One line per stage, with the number of steps when known.</summary>
    private sealed class PlainLines(Console console) : IBuildProgress
    {
        public void Stage(string name, int total) =>
            console.Line(total > 0 ? $"{Label(name)} ({total})…" : $"{Label(name)}…");

        public void Advance()
        {
        }
    }

    /// <summary>A progress bar per stage; the previous stage is completed when the next one starts.</summary>
    private sealed class Bars(ProgressContext context) : IBuildProgress
    {
        private ProgressTask? _current;

        public void Stage(string name, int total)
        {
            if (_current is { } done)
            {
                done.Value = done.MaxValue;
                done.StopTask();
            }
            _current = context.AddTask(Markup.Escape(Label(name)), maxValue: Math.Max(1, total));
            if (total == 0) _current.IsIndeterminate = true;
        }

        public void Advance() => _current?.Increment(1);
    }
}
