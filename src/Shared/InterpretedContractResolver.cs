using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Internal;

/// <summary>
/// Newtonsoft's default contracts without per-member compiled code: values are read and written through reflection
/// and objects made by their parameterless constructor, where Newtonsoft would emit an IL method per member and type
/// and have the JIT compile each one on first use. A command (de)serialises each model a few times, so that
/// compilation costs far more start-up time than it ever saves; names, converters and attributes are Newtonsoft's.
/// Compiled into both the SDK and the emulator (linked source), which share no assembly.
/// </summary>
internal class InterpretedContractResolver : DefaultContractResolver
{
    /// <summary>Shared, so contracts are built once per process (as with Newtonsoft's own default resolver).</summary>
    public static InterpretedContractResolver Instance { get; } = new();

    protected override IValueProvider CreateMemberValueProvider(MemberInfo member) => new ReflectionValueProvider(member);

    protected override JsonContract CreateContract(Type objectType)
    {
        var contract = base.CreateContract(objectType);
        if (contract.DefaultCreator is not null)
        {
            var type = contract.CreatedType;
            contract.DefaultCreator = () => Activator.CreateInstance(type, nonPublic: true)!;
        }

        return contract;
    }
}
