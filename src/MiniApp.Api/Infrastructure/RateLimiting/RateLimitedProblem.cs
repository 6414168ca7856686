namespace MiniApp.Api.Infrastructure.RateLimiting;

/// <summary>429 rate_limited with Retry-After in whole seconds (at least one) and a detail that says how long to
/// wait.</summary>
public static class RateLimitedProblem
{
    public static ProblemHttpResult Create(HttpContext context, TimeSpan retryAfter, string? detail = null)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemCodes.RateLimited.Problem(detail ?? $"操作过于频繁，请{Wait(seconds)}后再试");
    }

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>"30 秒", "15 分钟", "3 小时": how a wait reads to a worker.</summary>
    public static string Wait(int seconds) => seconds switch
    {
        < 60 => $" {seconds} 秒",
        < 3600 => $" {(seconds + 59) / 60} 分钟",
        _ => $" {(seconds + 3599) / 3600} 小时",
    };
}
