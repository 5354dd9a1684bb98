namespace RsSpot.Emulator.Routing;

/// <summary>Handles one route; returns the response.</summary>
internal delegate EmulatorResponse RouteHandler(RequestContext context);

/// <summary>A route: method, template with <c>{value}</c> segments, whether a bearer token is required.</summary>
internal sealed record Route(string Method, string Template, bool Authenticated, RouteHandler Handler)
{
    private readonly string[] _segments = Template.Trim('/').Split('/');

    /// <summary>Matches decoded path segments against the template; returns the route values or null.</summary>
    public Dictionary<string, string>? Match(string[] segments)
    {
        if (segments.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var template = _segments[i];
            if (template.StartsWith('{'))
            {
                values[template.Trim('{', '}')] = segments[i];
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>Whether an OpenAPI path template (any parameter names) names this route's path.</summary>
    public bool HasPath(string pathTemplate)
    {
        var other = pathTemplate.Trim('/').Split('/');
        return other.Length == _segments.Length
            && other.Zip(_segments).All(pair => pair.First.StartsWith('{') ? pair.Second.StartsWith('{') : pair.First == pair.Second);
    }
}

/// <summary>Finds the route of a request by path, then by method (405 when only the method differs).</summary>
internal sealed class Router(IReadOnlyList<Route> routes)
{
    /// <summary>Every route, in matching order.</summary>
    public IReadOnlyList<Route> Routes => routes;

    public (Route? Route, Dictionary<string, string>? Values, bool PathKnown) Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var pathKnown = false;
        foreach (var route in routes)
        {
            var values = route.Match(segments);
            if (values is null)
            {
                continue;
            }

            pathKnown = true;
            if (route.Method == method)
            {
                return (route, values, true);
            }
        }

        return (null, null, pathKnown);
    }
}
