using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Campaign.Benchmarks.Micro;

/// <summary>
/// Short runs in this process (no generated project to build, so all of them finish in a few minutes), with
/// allocations reported by the memory diagnoser.
/// </summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        Add(DefaultConfig.Instance); // loggers, exporters and columns; a bare ManualConfig prints nothing
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
