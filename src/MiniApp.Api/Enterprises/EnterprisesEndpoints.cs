namespace MiniApp.Api.Enterprises;

public static class EnterprisesEndpoints
{
    public static IEndpointRouteBuilder MapEnterprisesEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
