namespace MiniApp.Api.ReferenceData;

public static class ReferenceDataEndpoints
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reference", GetReference.Handle)
            .WithTags("Reference")
            .WithSummary("Every choice list of the application form: worker groups, townships, 民族, 学历, 政治面貌 …")
            .WithDescription("Codes are stable: store and send the code, show the name. The answer carries an ETag and "
                + $"Cache-Control: public, max-age={GetReference.MaxAgeSeconds}; send If-None-Match to get 304 Not "
                + $"Modified when nothing changed.")
            .Produces(StatusCodes.Status304NotModified)
            .WithResponseExample(ReferenceDataExamples.Reference)
            .AllowAnonymous();
        return app;
    }
}
