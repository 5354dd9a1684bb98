using System.Collections;
using System.Globalization;
using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;

// Usage: RsSpot.CliLoop <runs> <rsspot arguments...>
// Runs the command line <runs> times, each as a fresh rsspot invocation (own context, client and state.db handle),
// discards stdout, prints every failing run's stderr, and ends with "runs: N, failed: K". Exit 0 when none failed.
if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var runs))
{
    Console.Error.WriteLine("usage: RsSpot.CliLoop <runs> <rsspot arguments...>");
    return 2;
}

var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string);
var failed = 0;
for (var run = 0; run < runs; run++)
{
    using var error = new StringWriter();
    var exitCode = await CliApp.RunAsync(args[1..], new CliEnvironment
    {
        Out = TextWriter.Null,
        Error = error,
        In = TextReader.Null,
        Variables = variables,
        HomeDirectory = Environment.GetEnvironmentVariable("HOME")!,
    });
    if (exitCode != 0)
    {
        failed++;
        Console.Error.WriteLine($"run {run}: exit {exitCode}: {error.ToString().Trim()}");
    }
}

Console.WriteLine($"runs: {runs}, failed: {failed}");
return failed == 0 ? 0 : 1;
