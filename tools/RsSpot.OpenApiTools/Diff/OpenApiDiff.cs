using System.Text.Json.Nodes;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>
/// Compares our document with the upstream snapshot. Operations are matched by method and path (path
/// parameter names ignored), parameters by location and name (path parameters by position), schemas by
/// their last name segment. What upstream has and we lack is <see cref="DriftChange.Missing"/> and breaking;
/// what only we have is <see cref="DriftChange.OursOnly"/> and additive.
/// </summary>
public static class OpenApiDiff
{
    /// <summary>Compares <paramref name="ours"/> with <paramref name="upstream"/>.</summary>
    /// <param name="ours">Our document (openapi/rackspace-spot.json).</param>
    /// <param name="upstream">The upstream snapshot.</param>
    /// <param name="oursLabel">How the report names our document.</param>
    /// <param name="upstreamLabel">How the report names the snapshot.</param>
    public static DriftReport Compare(JsonObject ours, JsonObject upstream, string oursLabel = "ours", string upstreamLabel = "upstream")
    {
        var ourModel = OpenApiModel.From(ours);
        var upstreamModel = OpenApiModel.From(upstream);
        var shared = ourModel.Schemas.Keys.Intersect(upstreamModel.Schemas.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var context = new Context(new SchemaShapes(ourModel, shared), new SchemaShapes(upstreamModel, shared));

        CompareOperations(ourModel, upstreamModel, context);
        CompareSchemas(ourModel, upstreamModel, context);

        var items = context.Items
            .OrderBy(i => i.Severity)
            .ThenBy(i => i.Area)
            .ThenBy(i => i.Subject, StringComparer.Ordinal)
            .ThenBy(i => i.Change)
            .ToList();
        return new DriftReport(oursLabel, upstreamLabel, items);
    }

    private static void CompareOperations(OpenApiModel ours, OpenApiModel upstream, Context context)
    {
        var ourOperations = ours.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var upstreamOperations = upstream.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        foreach (var key in ourOperations.Keys.Union(upstreamOperations.Keys, StringComparer.Ordinal))
        {
            var mine = ourOperations.GetValueOrDefault(key);
            var theirs = upstreamOperations.GetValueOrDefault(key);
            if (mine is null)
            {
                context.Add(DriftArea.Operation, DriftChange.Missing, key, $"upstream operation {theirs!.OperationId} is not in our document");
            }
            else if (theirs is null)
            {
                context.Add(DriftArea.Operation, DriftChange.OursOnly, key, $"our extension {mine.OperationId}");
            }
            else
            {
                CompareParameters(mine, theirs, context);
                CompareBody(DriftArea.RequestBody, key, mine.RequestBody, theirs.RequestBody, context);
                CompareBody(DriftArea.Response, key, mine.SuccessResponse, theirs.SuccessResponse, context);
                if (theirs.RequestBodyRequired && !mine.RequestBodyRequired && mine.RequestBody is not null)
                {
                    context.Add(DriftArea.RequestBody, DriftChange.Changed, $"{key} (required)", "upstream requires the body; ours marks it optional");
                }
            }
        }
    }

    private static void CompareParameters(ApiOperation mine, ApiOperation theirs, Context context)
    {
        foreach (var key in mine.Parameters.Keys.Union(theirs.Parameters.Keys, StringComparer.Ordinal))
        {
            var ourParameter = mine.Parameters.GetValueOrDefault(key);
            var upstreamParameter = theirs.Parameters.GetValueOrDefault(key);
            var subject = $"{mine.Key} {(ourParameter ?? upstreamParameter)!.Name} ({key})";
            if (ourParameter is null)
            {
                context.Add(DriftArea.Parameter, DriftChange.Missing, subject, "upstream parameter is not in our document");
            }
            else if (upstreamParameter is null)
            {
                context.Add(DriftArea.Parameter, DriftChange.OursOnly, subject, "our extension");
            }
            else
            {
                var ourType = context.Ours.TypeOf(ourParameter.Schema);
                var upstreamType = context.Upstream.TypeOf(upstreamParameter.Schema);
                context.AddTypeChange(DriftArea.Parameter, subject, ourType, upstreamType);
                context.AddRequiredChange(DriftArea.Parameter, subject, ourParameter.Required, upstreamParameter.Required);
            }
        }
    }

    private static void CompareBody(DriftArea area, string operation, JsonObject? mine, JsonObject? theirs, Context context)
    {
        if (mine is null && theirs is null)
        {
            return;
        }

        if (mine is null)
        {
            context.Add(area, DriftChange.Missing, operation, $"upstream declares a {context.Upstream.LabelOf(theirs)} body; ours declares none");
            return;
        }

        if (theirs is null)
        {
            context.Add(area, DriftChange.OursOnly, operation, $"ours declares a {context.Ours.LabelOf(mine)} body; upstream declares none");
            return;
        }

        var ourType = context.Ours.TypeOf(mine);
        var upstreamType = context.Upstream.TypeOf(theirs);
        if (!TypesCompatible(ourType, upstreamType))
        {
            context.AddTypeChange(area, operation, ourType, upstreamType);
        }
        else if (context.Ours.LabelOf(mine) is var ourLabel && context.Upstream.LabelOf(theirs) is var upstreamLabel && ourLabel != upstreamLabel)
        {
            context.Add(area, DriftChange.Changed, $"{operation} (schema)", $"ours: {ourLabel}, upstream: {upstreamLabel}", DriftSeverity.Additive);
        }
    }

    private static void CompareSchemas(OpenApiModel ours, OpenApiModel upstream, Context context)
    {
        foreach (var name in ours.Schemas.Keys.Union(upstream.Schemas.Keys, StringComparer.Ordinal))
        {
            var mine = ours.Schemas.GetValueOrDefault(name);
            var theirs = upstream.Schemas.GetValueOrDefault(name);
            if (mine is null)
            {
                context.Add(DriftArea.Schema, DriftChange.Missing, name, "upstream schema is not in our document");
                continue;
            }

            if (theirs is null)
            {
                context.Add(DriftArea.Schema, DriftChange.OursOnly, name, "our extension");
                continue;
            }

            context.AddTypeChange(DriftArea.Schema, name, context.Ours.TypeOf(mine), context.Upstream.TypeOf(theirs));
            CompareProperties(name, context.Ours.Flatten(mine), context.Upstream.Flatten(theirs), context);
        }
    }

    private static void CompareProperties(
        string schema, IReadOnlyDictionary<string, PropertyShape> mine, IReadOnlyDictionary<string, PropertyShape> theirs, Context context)
    {
        foreach (var path in mine.Keys.Union(theirs.Keys, StringComparer.Ordinal))
        {
            var subject = $"{schema}.{path}";
            var ourShape = mine.GetValueOrDefault(path);
            var upstreamShape = theirs.GetValueOrDefault(path);
            if (ourShape is null)
            {
                context.Add(DriftArea.Property, DriftChange.Missing, subject, $"upstream property ({upstreamShape!.Type}) is not in our document");
            }
            else if (upstreamShape is null)
            {
                context.Add(DriftArea.Property, DriftChange.OursOnly, subject, $"our extension ({ourShape.Type})");
            }
            else
            {
                if (TypesCompatible(ourShape.Type, upstreamShape.Type))
                {
                    context.AddFormatChange(subject, ourShape.Format, upstreamShape.Format);
                }
                else
                {
                    context.AddTypeChange(DriftArea.Property, subject, ourShape.Type, upstreamShape.Type);
                }

                context.AddRequiredChange(DriftArea.Property, subject, ourShape.Required, upstreamShape.Required);
            }
        }
    }

    // An unstated type ("any") neither confirms nor contradicts a stated one.
    private static bool TypesCompatible(string ours, string upstream) => ours == upstream || ours == "any" || upstream == "any";

    /// <summary>Collects items and applies the severity rules in one place.</summary>
    private sealed class Context(SchemaShapes ours, SchemaShapes upstream)
    {
        public SchemaShapes Ours { get; } = ours;

        public SchemaShapes Upstream { get; } = upstream;

        public List<DriftItem> Items { get; } = [];

        public void Add(DriftArea area, DriftChange change, string subject, string detail, DriftSeverity? severity = null) =>
            Items.Add(new DriftItem(area, change, severity ?? (change == DriftChange.OursOnly ? DriftSeverity.Additive : DriftSeverity.Breaking), subject, detail));

        public void AddTypeChange(DriftArea area, string subject, string ourType, string upstreamType)
        {
            if (!TypesCompatible(ourType, upstreamType))
            {
                Add(area, DriftChange.Changed, $"{subject} (type)", $"ours: {ourType}, upstream: {upstreamType}");
            }
        }

        public void AddFormatChange(string subject, string? ourFormat, string? upstreamFormat)
        {
            if (ourFormat != upstreamFormat)
            {
                Add(DriftArea.Property, DriftChange.Changed, $"{subject} (format)",
                    $"ours: {ourFormat ?? "none"}, upstream: {upstreamFormat ?? "none"}", DriftSeverity.Additive);
            }
        }

        public void AddRequiredChange(DriftArea area, string subject, bool ourRequired, bool upstreamRequired)
        {
            if (ourRequired == upstreamRequired)
            {
                return;
            }

            // Upstream newly requiring something we may omit breaks our requests; the reverse only relaxes.
            Add(area, DriftChange.Changed, $"{subject} (required)",
                upstreamRequired ? "upstream requires it; ours marks it optional" : "ours requires it; upstream marks it optional",
                upstreamRequired ? DriftSeverity.Breaking : DriftSeverity.Additive);
        }
    }
}
