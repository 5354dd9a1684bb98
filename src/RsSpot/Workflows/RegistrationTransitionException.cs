namespace RsSpot.Workflows;

/// <summary>A registration mark was refused because the VM's current status does not allow it.</summary>
public class RegistrationTransitionException : SpotConflictException
{
    /// <summary>Creates the exception for the move of <paramref name="key"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="from">Status the VM is in.</param>
    /// <param name="to">Status that was asked for.</param>
    /// <param name="reason">Why it is refused, one line.</param>
    public RegistrationTransitionException(string key, RegistrationStatus from, RegistrationStatus to, string reason)
        : base($"cannot mark '{key}' {to.ToText()}: {reason}", statusCode: null, reason: null, requestId: null)
    {
        Key = key;
        From = from;
        To = to;
    }

    /// <summary>Registration key.</summary>
    public string Key { get; }

    /// <summary>Status the VM is in.</summary>
    public RegistrationStatus From { get; }

    /// <summary>Status that was asked for.</summary>
    public RegistrationStatus To { get; }
}
