namespace RsSpot.Cli.Output.Pricing;

/// <summary>A rendered-to-strings table: the CLI prints it as is (e.g. with ConsoleTables).</summary>
/// <param name="Title">Title line.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Cells, one list per row, as many cells as headers.</param>
internal sealed record TableView(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
