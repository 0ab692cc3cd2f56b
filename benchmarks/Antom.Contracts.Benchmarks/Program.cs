using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Antom.Contracts.Benchmarks.ReadBenchmarks).Assembly).Run(args);
