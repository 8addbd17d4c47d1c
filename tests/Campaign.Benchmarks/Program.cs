using BenchmarkDotNet.Running;
using Campaign.Benchmarks;
using Campaign.Benchmarks.Micro;

// `macro` (default): whole builds against Hugo, as a table; `micro`: BenchmarkDotNet over the hot stages.
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly).Run(args[1..], new MicroConfig());
    return 0;
}
var rest = args.Length > 0 && args[0] == "macro" ? args[1..] : args;
try
{
    return MacroRunner.Run(MacroOptions.Parse(rest), Console.Out);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"benchmarks: {ex.Message}");
    Console.Error.WriteLine(MacroOptions.Usage);
    return 2;
}
