using Newtonsoft.Json.Linq;
using RsSpot.Cli.Output;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests.Output;

/// <summary><c>-o csv</c>: RFC 4180 rows for spreadsheets and finance tools, from the same flattening as tables.</summary>
public class CsvOutputTests : CliTestBase
{
    [Test]
    public void A_list_becomes_a_header_and_one_row_per_item_with_nested_fields_dotted()
    {
        var rows = JArray.Parse("""
            [
              { "name": "a", "price": 0.0125, "spec": { "region": "dfw", "tags": ["x", "y"] }, "ok": true },
              { "name": "b", "price": 1, "extra": null }
            ]
            """);

        Assert.That(CsvFormatter.Format(rows), Is.EqualTo("name,price,spec.region,spec.tags,ok,extra\na,0.0125,dfw,\"x, y\",true,\nb,1,,,,"));
    }

    [Test]
    public void Commas_and_quotes_are_quoted_line_breaks_flattened_and_formulas_made_inert()
    {
        var rows = JArray.Parse("""[{ "text": "a, \"b\"\nc", "formula": "=SUM(A1)", "negative": -2.5, "dash": "-x" }]""");

        Assert.That(CsvFormatter.Format(rows), Is.EqualTo("text,formula,negative,dash\n\"a, \"\"b\"\" c\",'=SUM(A1),-2.5,'-x"));
    }

    [Test]
    public void A_single_object_is_one_row_and_an_empty_list_prints_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CsvFormatter.Format(JObject.Parse("""{ "count": 3 }""")), Is.EqualTo("count\n3"));
            Assert.That(CsvFormatter.Format(new JArray()), Is.Empty);
        });
    }

    [Test]
    public async Task Any_command_prints_csv_with_o_csv()
    {
        var run = await Sandbox("-o", "csv", "regions", "list");
        var lines = run.Out.TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(lines[0], Does.StartWith("name,"));
            Assert.That(lines.Skip(1), Has.Some.StartWith("us-central-dfw-1,"));
            Assert.That(lines.Skip(1).Select(l => l.Split(',').Length), Is.All.GreaterThanOrEqualTo(lines[0].Split(',').Length));
        });
    }
}
