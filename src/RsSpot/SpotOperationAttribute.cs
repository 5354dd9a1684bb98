namespace RsSpot;

/// <summary>
/// Names the operation(s) of openapi/rackspace-spot.json that a facade method or CLI command calls.
/// The operation index (openapi/INDEX.md) and the coverage test are built from these attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
internal sealed class SpotOperationAttribute : Attribute
{
    /// <summary>Marks a method as covering <paramref name="operationId"/>.</summary>
    /// <param name="operationId">An operationId of the OpenAPI document, e.g. <c>CloudSpaces_List</c>.</param>
    public SpotOperationAttribute(string operationId) => OperationId = operationId;

    /// <summary>The operationId covered.</summary>
    public string OperationId { get; }
}
