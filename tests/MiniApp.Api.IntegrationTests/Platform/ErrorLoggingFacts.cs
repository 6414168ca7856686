using System.Diagnostics;
using System.Net.Http.Headers;
using MiniApp.Api.Applications;

namespace MiniApp.Api.IntegrationTests.Platform;

/// <summary>
/// A fault of ours answers 500 and leaves an error line with the stack trace and the request id the response carried,
/// and no personal data from the request, even when the exception quotes it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorLoggingFacts(ApiFixture api)
{
    [Theory]
    [InlineData("format")]
    [InlineData("state")]
    public async Task UnhandledException_LogsItsStackTraceAndRequestId_AndNoPersonalData(string kind)
    {
        var worker = await api.LoginWorkerAsync();
        var (idNumber, phone) = (TestPeople.NewIdNumber(), TestPeople.NewPhone());
        // The kind of message a parse of the input would have; the second is one our own code could write.
        Exception Fault() => kind == "format"
            ? new FormatException($"The input string '{idNumber}' was not in a correct format.")
            : new InvalidOperationException($"No member matches {idNumber} / +86 {phone}.");
        await using var factory = api.CreateFactory(builder => builder.ConfigureServices(services =>
            services.AddSingleton<TimeProvider>(new FaultingClock(typeof(SubmitApplication), Fault))));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker.Token);

        var response = await client.PostJsonAsync("/api/applications", TestPeople.Form(idNumber, phone));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Equal(requestId, problem.GetProperty("requestId").GetString());
        var error = Assert.Single(api.Logs.Lines, line => line.StartsWith("Error") && line.Contains(requestId));
        Assert.Contains("POST /api/applications", error);
        Assert.Contains($"at {typeof(FaultingClock).FullName!.Replace('+', '.')}.GetUtcNow()", error);
        Assert.Contains(typeof(SubmitApplication).FullName!, error);
        Assert.Contains(api.Logs.Lines,
            line => line.Contains("answered 500") && line.Contains($"RequestId={requestId}"));
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(idNumber) || line.Contains(phone));
    }

    /// <summary>The real clock, except that a call from inside <paramref name="handler"/> throws.</summary>
    private sealed class FaultingClock(Type handler, Func<Exception> fault) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            if (new StackTrace().GetFrames().Any(frame => IsIn(frame.GetMethod()?.DeclaringType))) throw fault();
            return base.GetUtcNow();
        }

        // A handler's async body runs in a state machine nested in the handler's class.
        private bool IsIn(Type? type) => type is not null && (type == handler || IsIn(type.DeclaringType));
    }
}
