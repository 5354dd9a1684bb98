namespace RsSpot.Emulator.Validation;

/// <summary>One field-level validation failure (a Kubernetes StatusCause).</summary>
/// <param name="Field">Dotted path such as <c>spec.desired</c> or <c>spec.customTaints[0].effect</c>.</param>
/// <param name="Detail">What is wrong, e.g. <c>expected integer, got string "two"</c>.</param>
/// <param name="Reason">The cause type, e.g. FieldValueInvalid.</param>
internal sealed record FieldError(string Field, string Detail, string Reason = "FieldValueInvalid")
{
    public static FieldError Required(string field) => new(field, "Required value", "FieldValueRequired");

    /// <summary>The errors as one line, <c>field: detail, field: detail</c>, as Kubernetes words its messages.</summary>
    public static string Summary(IEnumerable<FieldError> errors) => string.Join(", ", errors.Select(e => $"{e.Field}: {e.Detail}"));
}
