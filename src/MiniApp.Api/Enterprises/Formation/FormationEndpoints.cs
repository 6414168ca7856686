namespace MiniApp.Api.Enterprises.Formation;

public static class FormationEndpoints
{
    public static IEndpointRouteBuilder MapFormationEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
