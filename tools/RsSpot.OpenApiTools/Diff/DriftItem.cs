namespace RsSpot.OpenApiTools.Diff;

/// <summary>What part of the documents an item is about.</summary>
public enum DriftArea
{
    /// <summary>A whole operation (method + path).</summary>
    Operation,

    /// <summary>A parameter of an operation.</summary>
    Parameter,

    /// <summary>The request body of an operation.</summary>
    RequestBody,

    /// <summary>The success response body of an operation.</summary>
    Response,

    /// <summary>A whole component schema.</summary>
    Schema,

    /// <summary>A property of a component schema.</summary>
    Property,
}

/// <summary>How our document differs from upstream.</summary>
public enum DriftChange
{
    /// <summary>Upstream has it and we do not.</summary>
    Missing,

    /// <summary>We have it and upstream does not (our deliberate extensions, e.g. PUT or labelSelector).</summary>
    OursOnly,

    /// <summary>Both have it, with a different type, format, requiredness or schema.</summary>
    Changed,
}

/// <summary>Whether an item can break users of the client generated from our document.</summary>
public enum DriftSeverity
{
    /// <summary>Missing operations, parameters, schemas or properties, type changes, newly required inputs.</summary>
    Breaking,

    /// <summary>Our extensions, relaxed requirements, format or schema-name differences of the same type.</summary>
    Additive,
}

/// <summary>One difference between our document and the upstream snapshot.</summary>
/// <param name="Area">What the item is about.</param>
/// <param name="Change">How we differ.</param>
/// <param name="Severity">Breaking or additive.</param>
/// <param name="Subject">What differs, e.g. <c>GET /apis/ngpc.rxt.io/v1/regions</c> or <c>CloudSpace.spec.region (type)</c>.</param>
/// <param name="Detail">A one-line explanation.</param>
public sealed record DriftItem(DriftArea Area, DriftChange Change, DriftSeverity Severity, string Subject, string Detail)
{
    /// <summary>Stable identity used by baselines: area, change and subject.</summary>
    public string Id => $"{Area}|{Change}|{Subject}";

    /// <summary>True when a baseline lists this item as reviewed and accepted.</summary>
    public bool Accepted { get; init; }
}
