using System.Threading.RateLimiting;

namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>The rate-limit policies endpoints name, and their wiring into ASP.NET Core's rate limiter.</summary>
public static class RateLimitPolicies
{
    public const string WorkerLogin = "worker-login";
    public const string Nearby = "nearby";
    public const string StaffLogin = "staff-login";
    public const string WorkerWrites = "worker-writes";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(options => options.All().All(limit => limit.Limit.IsValid),
                "Every RateLimits entry needs PermitLimit >= 1 and a Window of 1 second to 7 days.")
            .ValidateOnStart();
        services.AddSingleton<LimitStore>();
        services.AddKnownProxies(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter
                    : TimeSpan.FromSeconds(1);
                var problem = RateLimitedProblem.Create(rejected.HttpContext, wait);
                return new ValueTask(problem.ExecuteAsync(rejected.HttpContext));
            };
            limiter.AddPolicy(WorkerLogin, PerAddress(WorkerLogin, o => o.WorkerLoginPerAddress, shared: false));
            limiter.AddPolicy(Nearby, PerAddress(Nearby, o => o.NearbyPerAddress, shared: false));
            limiter.AddPolicy(StaffLogin, PerAddress(StaffLogin, o => o.StaffLoginPerAddress, shared: true));
            limiter.AddPolicy(WorkerWrites, PerWorkerAccount);
        });
        return services;
    }

    /// <summary>A policy that counts by client address, in this node's memory or (shared) in Redis.</summary>
    private static Func<HttpContext, RateLimitPartition<string>> PerAddress(string policy,
        Func<RateLimitOptions, WindowLimit> limit, bool shared) => context =>
    {
        var address = ClientAddress.Of(context);
        return Partition(context, address,
            store => [new WindowHit($"{store.Prefix}{policy}:{address}", limit(Options(context)))], shared);
    };

    // Runs after authorization, so the caller is a worker with a user id.
    private static RateLimitPartition<string> PerWorkerAccount(HttpContext context) =>
        Partition(context, WorkerAccount(context), store => WorkerWriteHits(context, store), shared: true);

    private static string WorkerAccount(HttpContext context) =>
        context.User.FindFirst(AppClaims.Subject)?.Value ?? ClientAddress.Of(context);

    private static WindowHit[] WorkerWriteHits(HttpContext context, LimitStore store)
    {
        var account = WorkerAccount(context);
        var options = Options(context);
        return
        [
            new WindowHit($"{store.Prefix}{WorkerWrites}:{account}", options.WorkerWritesPerAccount),
            new WindowHit($"{store.Prefix}{WorkerWrites}-daily:{account}", options.WorkerWritesPerAccountDaily),
        ];
    }

    /// <summary>
    /// A worker's write answered 503 (the database, Redis or WeChat down: nothing was done) does not use up the
    /// worker's count: during an outage a worker who taps again, or whose client retries, must not be locked out for
    /// ten minutes after it. Other errors count, so that no error a caller can provoke buys free requests.
    /// </summary>
    internal static ValueTask<object?> RefundServerErrors(EndpointFilterInvocationContext invocation,
        EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        context.Response.OnCompleted(async () =>
        {
            if (context.Response.StatusCode != StatusCodes.Status503ServiceUnavailable) return;
            var store = context.RequestServices.GetRequiredService<LimitStore>();
            await store.RefundAsync(WorkerWriteHits(context, store), shared: true);
        });
        return next(invocation);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string key,
        Func<LimitStore, WindowHit[]> hits, bool shared)
    {
        var services = context.RequestServices;
        return RateLimitPartition.Get(key, _ =>
        {
            var store = services.GetRequiredService<LimitStore>();
            return new WindowRateLimiter(store, hits(store), shared, services.GetRequiredService<TimeProvider>());
        });
    }

    private static RateLimitOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
}
