using System.Text.Json;
using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Documents;

public class DocumentReadingTests
{
    [Test]
    public void Raw_newlines_inside_strings_are_escaped_and_layout_newlines_kept()
    {
        var text = "{\n  \"a\": \"line1\nline2\",\n  \"b\": \"quote \\\" then\ttab\"\n}";

        var escaped = LenientJsonReader.EscapeControlCharactersInStrings(text);

        Assert.That(escaped, Is.EqualTo("{\n  \"a\": \"line1\\nline2\",\n  \"b\": \"quote \\\" then\\ttab\"\n}"));
        Assert.That(LenientJsonReader.Parse(text)["a"]!.GetValue<string>(), Is.EqualTo("line1\nline2"));
    }

    [Test]
    public void Lenient_reader_still_rejects_broken_json()
    {
        Assert.That(() => LenientJsonReader.Parse("{\"a\": }"), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void Published_style_document_with_raw_newlines_is_read_although_strict_json_rejects_it()
    {
        var text = Fixtures.Read("raw-newlines.json");
        Assert.That(() => JsonNode.Parse(text), Throws.InstanceOf<JsonException>(), "the fixture must exercise the lenient path");

        var document = OpenApiDocumentReader.Read(text);

        Assert.That(document["info"]!["description"]!.GetValue<string>(), Is.EqualTo("first line\nsecond line\twith a tab"));
        Assert.That(OpenApiDocumentReader.OpenApiVersion(document), Is.EqualTo("3.0.2"));
    }

    [Test]
    public void Yaml_scalars_follow_the_core_schema_and_quoted_values_stay_strings()
    {
        var document = OpenApiDocumentReader.Read(Fixtures.Read("crafted.yaml"));
        var widget = document["components"]!["schemas"]!["Widget"]!["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(document["info"]!["version"]!.GetValue<string>(), Is.EqualTo("2"), "quoted '2' is a string");
            Assert.That(widget["enabled"]!["default"]!.GetValue<bool>(), Is.True);
            Assert.That(widget["note"]!["nullable"]!.GetValue<bool>(), Is.True);
            Assert.That(widget["note"]!.AsObject().ContainsKey("example") && widget["note"]!["example"] is null, Is.True, "plain null is JSON null");
            Assert.That(widget["code"]!["example"]!.GetValue<string>(), Is.EqualTo("007"));
            Assert.That(document["paths"]!["/widgets"]!["get"]!["parameters"]![0]!["required"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public void Yaml_numbers_become_json_numbers()
    {
        var node = YamlToJson.Convert("count: 42\nratio: 0.5\nneg: -3\nversion: 1.2.3\nword: yes\n")!;

        Assert.Multiple(() =>
        {
            Assert.That(node["count"]!.GetValue<long>(), Is.EqualTo(42));
            Assert.That(node["ratio"]!.GetValue<double>(), Is.EqualTo(0.5));
            Assert.That(node["neg"]!.GetValue<long>(), Is.EqualTo(-3));
            Assert.That(node["version"]!.GetValue<string>(), Is.EqualTo("1.2.3"));
            Assert.That(node["word"]!.GetValue<string>(), Is.EqualTo("yes"), "YAML 1.2: 'yes' is not a boolean");
        });
    }

    [Test]
    public void A_json_object_that_is_not_openapi_is_rejected_with_a_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenApiDocumentReader.Read("{\"hello\": \"world\"}"));
        Assert.That(error!.Message, Does.Contain("not an OpenAPI document"));
    }

    [Test]
    public void Html_error_page_is_rejected_as_not_openapi()
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenApiDocumentReader.Read("<html><body>Not here</body></html>"));
        Assert.That(error!.Message, Does.StartWith("not an OpenAPI document"));
    }

    [Test]
    public void Canonical_form_sorts_keys_at_every_level_and_keeps_array_order()
    {
        var a = JsonNode.Parse("""{"b":{"z":1,"a":[3,{"y":1,"x":2}]},"a":"é <tag>"}""");
        var b = JsonNode.Parse("""{"a":"é <tag>","b":{"a":[3,{"x":2,"y":1}],"z":1}}""");

        var text = JsonCanonicalizer.Serialize(a);

        Assert.That(text, Is.EqualTo(JsonCanonicalizer.Serialize(b)));
        Assert.That(text, Is.EqualTo("{\n  \"a\": \"é <tag>\",\n  \"b\": {\n    \"a\": [\n      3,\n      {\n        \"x\": 2,\n        \"y\": 1\n      }\n    ],\n    \"z\": 1\n  }\n}\n"));
    }
}
