using System.Net.Http.Headers;

namespace MiniApp.Api.IntegrationTests.Fuzz;

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzStack>
{
    public const string Name = "fuzz";
}

/// <summary>
/// Every operation of the contract, sent its hostile variants (<see cref="FuzzRequests"/>): no answer may be a 5xx, and
/// every error must be problem+json with a code and a detail the mini-program can show. FUZZ_TRACE=file appends one
/// line per answer (operation, variant, status) to that file, to see what the fuzzer reached.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ContractFuzzFacts(FuzzStack stack)
{
    public static TheoryData<string> Operations() => new(ContractOperations.All.Select(operation => operation.ToString()));

    [Fact]
    public void Contract_GivesTheFuzzerAtLeast5000Requests()
    {
        var total = ContractOperations.All.Sum(operation => FuzzRequests.For(operation, FuzzStack.PlaceholderIds).Count);
        Assert.True(total >= 5_000, $"{total} requests");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_AnswersEveryHostileRequestWithinTheContract(string operationKey)
    {
        var operation = ContractOperations.Find(operationKey);
        var (staff, worker) = await stack.TokensAsync();
        var failures = new List<string>();
        foreach (var request in FuzzRequests.For(operation, stack.Ids))
        {
            var token = (request.Auth, operation.Caller) switch
            {
                (FuzzAuth.None, _) => null,
                (FuzzAuth.Forged, _) => "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwia2luZCI6InN0YWZmIn0.c2lnbmF0dXJl",
                (FuzzAuth.OtherKind, Caller.Staff) => worker,
                (FuzzAuth.OtherKind, _) => staff,
                (_, Caller.Staff) => staff,
                (_, Caller.Worker) => worker,
                _ => null,
            };
            using var message = new HttpRequestMessage(request.Method, request.Url) { Content = request.Content() };
            if (token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var (name, value) in request.Headers ?? []) message.Headers.TryAddWithoutValidation(name, value);

            HttpResponseMessage response;
            try
            {
                response = await stack.Client.SendAsync(message);
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{request.Label}: no answer ({exception.Message})");
                continue;
            }
            using (response)
            {
                if (request.KestrelRejects && response.StatusCode == System.Net.HttpStatusCode.BadRequest
                    && response.Content.Headers.ContentLength == 0) continue;
                if (Environment.GetEnvironmentVariable("FUZZ_TRACE") is { } trace)
                    await File.AppendAllTextAsync(trace, $"{operation}\t{request.Label}\t{(int)response.StatusCode}\n");
                if (await CheckAsync(response) is { } failure) failures.Add($"{request.Label}: {failure}");
            }
        }
        Assert.True(failures.Count == 0, $"{operation}: {failures.Count} answers outside the contract\n" + string.Join("\n", failures.Take(40)));
    }

    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400) return null;
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 300 ? body[..300] : body;
        if (status >= 500) return $"{status} {shown}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} not problem+json: {shown}";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.TryGetProperty("code", out var code) is false || code.ValueKind != JsonValueKind.String) return $"{status} without a code: {shown}";
            // A client error must say what was wrong, not that the server failed.
            if (code.GetString() == "internal_error") return $"{status} answered as internal_error: {shown}";
            if (problem.TryGetProperty("detail", out var detail) is false || string.IsNullOrWhiteSpace(detail.GetString()))
                return $"{status} without a detail: {shown}";
        }
        catch (JsonException)
        {
            return $"{status} body is not JSON: {shown}";
        }
        return null;
    }
}
