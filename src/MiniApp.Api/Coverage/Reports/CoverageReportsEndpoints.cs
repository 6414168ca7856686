namespace MiniApp.Api.Coverage.Reports;

public static class CoverageReportsEndpoints
{
    public static IEndpointRouteBuilder MapCoverageReportsEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
