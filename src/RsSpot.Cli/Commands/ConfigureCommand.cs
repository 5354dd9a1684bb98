using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot configure</c>: creates or updates the profile named by -p, or without -p the profile in effect (the one
/// every other command would use), and says which. Only the options given change; everything else keeps its stored
/// value, so <c>configure --region X</c> keeps the token. A profile is never created empty. <c>--read-only[=false]</c>
/// stores the profile's <c>read_only</c> setting.
/// </summary>
internal sealed class ConfigureCommand(CliContext context)
{
    [PrimaryCommand]
    [Command("configure", Description = "Create or update a profile: -p NAME, else the profile in effect (only the options given change)")]
    public void Configure(
        [Option("org", Description = "Organization name")] string? org = null,
        [Option("org-id", Description = "Organization id (org_...)")] string? orgId = null,
        [Option("region", Description = "Default region, e.g. us-central-dfw-1")] string? region = null,
        [Option("refresh-token", Description = "Refresh token from the Spot console (stored in the file, mode 0600)")] string? refreshToken = null,
        [Option("access-token", Description = "Seed id token (used until it expires)")] string? accessToken = null,
        [Option("client-id", Description = "OAuth client id")] string? clientId = null,
        [Option("base-url", Description = "API endpoint")] string? baseUrl = null,
        [Option("oauth-url", Description = "Identity provider")] string? oauthUrl = null,
        [Option("activate", Description = "Make the profile active and default (the default)")] bool activate = false,
        [Option("no-activate", Description = "Leave the active profile as it is")] bool noActivate = false)
    {
        if (activate && noActivate)
        {
            throw new UsageException("--activate and --no-activate exclude each other");
        }

        var loaded = context.LoadConfig(allowMissingFile: true);
        var manager = ConfigurationSupport.ManagerOf(loaded);
        var (name, selectedBy) = ConfigResolver.SelectProfile(loaded, context.Options.Profile, context.State.Preferences, context.ConfigEnvironment);
        name = ConfigurationSupport.RequireValue(name, "profile name");
        var exists = loaded.Config.Profiles.TryGetValue(name, out var stored);
        var update = new ProfileUpdate
        {
            Org = Optional(org, "--org"),
            OrgId = Optional(orgId, "--org-id"),
            Region = Optional(region, "--region"),
            ClientId = Optional(clientId, "--client-id"),
            RefreshToken = Secret(refreshToken, "--refresh-token") ?? PromptForRefreshToken(stored, accessToken),
            AccessToken = Secret(accessToken, "--access-token"),
            BaseUrl = Url(baseUrl, "--base-url"),
            OAuthUrl = Url(oauthUrl, "--oauth-url"),
            // The global --read-only means "this run" elsewhere; here the run changes nothing remote, so it is the profile's.
            ReadOnly = context.Options.ReadOnly,
        };
        if (!exists && update.IsEmpty)
        {
            throw new UsageException($"profile '{name}' (selected by {selectedBy}) does not exist and no setting was given; pass at least one, e.g. --refresh-token");
        }

        // Activating also clears a state.db default_profile naming another profile, which would silently outrank the file (W10).
        var saved = manager.Upsert(name, update, activate: !noActivate, context.State.Preferences);

        context.Output.Note($"{(exists ? "updated" : "created")} profile '{name}' (selected by {selectedBy}) in {manager.Path}");
        if ((saved.Profiles[name].RefreshToken ?? saved.Profiles[name].AccessToken) is null)
        {
            context.Output.Note($"profile '{name}' has no refresh token yet: commands that call the API fail until you add one with --refresh-token");
        }

        context.Output.Write(ConfigurationSupport.ProfileView(saved, manager.Path, name));
    }

    /// <summary>On a terminal, a profile without any credential is worth one question; an empty answer skips it.</summary>
    private string? PromptForRefreshToken(ProfileConfig? stored, string? accessToken)
    {
        if (accessToken is not null || !context.Environment.IsInteractive || (stored?.RefreshToken ?? stored?.AccessToken) is not null)
        {
            return null;
        }

        context.Environment.Error.Write("Refresh token (from the Spot console; empty to skip): ");
        var answer = context.Environment.In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? null : Secret(answer, "the refresh token");
    }

    private static string? Optional(string? value, string option) =>
        value is null ? null : ConfigurationSupport.RequireValue(value, option);

    /// <summary>Checks a token's shape without ever echoing it.</summary>
    private static string? Secret(string? value, string option)
    {
        var token = Optional(value, option);
        return token is not null && token.Any(char.IsWhiteSpace)
            ? throw new UsageException($"{option} must be a single token without spaces (value not shown)")
            : token;
    }

    private static string? Url(string? value, string option)
    {
        var url = Optional(value, option);
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new UsageException($"{option} '{url}' is not an absolute http(s) URL");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"{option} must not embed credentials; use --refresh-token");
        }

        return url;
    }
}
