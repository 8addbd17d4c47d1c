using BenchmarkDotNet.Running;
using Campaign.Benchmarks;
using Campaign.Benchmarks.Micro;
using Campaign.Benchmarks.Search;

// `macro` (default): whole builds against Hugo, as a table; `micro`: BenchmarkDotNet over the hot stages;
// `search`: our search against Pagefind, query by query; `preview`: only the live preview's rebuilds, stage by stage; `index` (used by the others): only our search index, timed as a process.
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly).Run(args[1..], new MicroConfig());
    return 0;
}
if (args.Length == 5 && args[0] == "index" && args[1] == "--input" && args[3] == "--output")
    return SearchComparison.WriteIndex(args[2], args[4]);
var verb = args.Length > 0 && args[0] is "macro" or "search" or "preview" ? args[0] : "macro";
var rest = args.Length > 0 && args[0] == verb ? args[1..] : args;
try
{
    var options = MacroOptions.Parse(rest);
    return verb switch
    {
        "search" => await SearchBenchmark.Run(options, Console.Out),
        "preview" => MacroRunner.Preview(options, Console.Out),
        _ => await MacroRunner.Run(options, Console.Out),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"benchmarks: {ex.Message}");
    Console.Error.WriteLine(MacroOptions.Usage);
    return 2;
}
