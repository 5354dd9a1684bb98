using Newtonsoft.Json.Linq;
using RsSpot.Reliability.Tests.Support;
using static RsSpot.Reliability.Tests.BadInput.BadInputCase;

namespace RsSpot.Reliability.Tests.BadInput;

/// <summary>Configuration files that are broken, in each of the three formats: every one is exit 2 naming the file (a missing profile: 4).</summary>
public static class ConfigFileCases
{
    private static readonly string[] Formats = ["yml", "toml", "json"];

    public static IEnumerable<BadInputCase> All() => Formats.SelectMany(format => Structural(format).Concat(Syntax(format)));

    /// <summary>Well-formed documents whose content is wrong, rendered in each format by its own library.</summary>
    private static IEnumerable<BadInputCase> Structural(string format)
    {
        (string Name, Action<JObject> Change, int Code)[] changes =
        [
            ("an unknown version", c => c["version"] = "9", Usage),
            ("profiles as a list", c => c["profiles"] = new JArray(1, 2), Usage),
            ("a profile that is a number", c => c["profiles"]!["lab"] = 5, Usage),
            ("verify_ssl as a list", c => c["profiles"]!["lab"]!["verify_ssl"] = new JArray("yes"), Usage),
            ("a negative request timeout", c => c["profiles"]!["lab"]!["request_timeout_seconds"] = -1, Usage),
            ("a base_url that is no URL", c => c["profiles"]!["lab"]!["base_url"] = "not a url", Usage),
            ("an ftp oauth_url", c => c["profiles"]!["lab"]!["oauth_url"] = "ftp://login.example", Usage),
            ("zero retry attempts", c => c["retry"] = new JObject { ["max_attempts"] = 0 }, Usage),
            ("a jitter above 1", c => c["retry"] = new JObject { ["jitter"] = 5 }, Usage),
            ("a retry status that is no HTTP status", c => c["retry"] = new JObject { ["retry_statuses"] = new JArray(503, 99) }, Usage),
            ("an overall timeout of zero", c => c["profiles"]!["lab"]!["retry"] = new JObject { ["overall_timeout"] = 0 }, Usage),
            ("a cache of zero entries", c => c["cache"] = new JObject { ["max_entries"] = 0 }, Usage),
            ("two spellings of the refresh token that disagree", c => c["profiles"]!["lab"]!["refreshToken"] = "other", Usage),
            ("a default profile that does not exist", c => c["default_profile"] = "nowhere", NotFound),
        ];
        return changes.Select(change => new BadInputCase(
            $"config.{format} with {change.Name}", change.Code, ["regions", "list"], lab => Write(lab, format, Render(Changed(lab, change.Change), format))));
    }

    private static IEnumerable<BadInputCase> Syntax(string format)
    {
        var broken = format switch
        {
            "yml" => new[] { "profiles:\n  lab: [\n", "version: \"2\"\nprofiles:\n\tlab: {}\n", "a: 1\na: 2\n", "- just\n- a list\n" },
            "toml" => ["[profiles.lab\nregion = 1", "version = \"2\"\nversion = \"2\"\n", "profiles = \n", "[[profiles]]\nx = 1\n"],
            _ => ["{ \"profiles\": { ", "[1, 2]", "{ \"version\": \"2\", }x", "\"just a string\""],
        };
        return broken.Select((text, index) => new BadInputCase($"config.{format} that does not parse (#{index + 1})", Usage, ["regions", "list"], lab => Write(lab, format, text), $"config.{format}"));
    }

    private static JObject Changed(Lab lab, Action<JObject> change)
    {
        var config = new JObject
        {
            ["version"] = "2",
            ["default_profile"] = "lab",
            ["profiles"] = new JObject
            {
                ["lab"] = new JObject
                {
                    ["org"] = "acme-corp",
                    ["base_url"] = lab.Server.BaseAddress.ToString(),
                    ["oauth_url"] = lab.Server.BaseAddress.ToString(),
                    ["refresh_token"] = Lab.RefreshToken,
                },
            },
        };
        change(config);
        return config;
    }

    private static string Render(JObject config, string format) => format switch
    {
        "yml" => new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(Plain(config)),
        "toml" => Tomlyn.TomlSerializer.Serialize(Toml(config)),
        _ => config.ToString(),
    };

    private static object? Plain(JToken token) => token switch
    {
        JObject map => map.Properties().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JArray list => list.Select(Plain).ToList(),
        JValue value => value.Value,
        _ => null,
    };

    private static Tomlyn.Model.TomlTable Toml(JObject map)
    {
        var table = new Tomlyn.Model.TomlTable();
        foreach (var property in map.Properties())
        {
            table[property.Name] = property.Value switch
            {
                JObject child => Toml(child),
                JArray list => ToArray(list),
                JValue value => value.Value!,
                _ => throw new ArgumentException(property.Name),
            };
        }

        return table;
    }

    private static Tomlyn.Model.TomlArray ToArray(JArray list)
    {
        var array = new Tomlyn.Model.TomlArray();
        foreach (var item in list)
        {
            array.Add(((JValue)item).Value);
        }

        return array;
    }

    private static async Task Write(Lab lab, string format, string text)
    {
        File.Delete(lab.ConfigPath);
        await File.WriteAllTextAsync(Path.Combine(lab.ConfigDirectory, $"config.{format}"), text);
    }
}
