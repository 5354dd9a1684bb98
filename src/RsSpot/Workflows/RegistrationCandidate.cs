namespace RsSpot.Workflows;

/// <summary>A VM from the inventory that could be registered into <see cref="Cluster"/>.</summary>
/// <param name="Key">Deterministic registration key (see <see cref="RegistrationWorkflow.RegistrationKey"/>).</param>
/// <param name="VmUid">Stable VM id (the server name).</param>
/// <param name="VmName">Display name, else the server name.</param>
/// <param name="OrgId">Organization id.</param>
/// <param name="VmCloudSpace">VM cloudspace the VM is assigned to.</param>
/// <param name="VmPool">VM pool the VM belongs to.</param>
/// <param name="Cluster">Cluster the VM is to join.</param>
public sealed record RegistrationCandidate(
    string Key, string VmUid, string? VmName, string? OrgId, string? VmCloudSpace, string? VmPool, string? Cluster);
