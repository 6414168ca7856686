namespace MiniApp.Api.Surveys;

public static class SurveysEndpoints
{
    public static IEndpointRouteBuilder MapSurveysEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
