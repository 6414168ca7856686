using System.Threading.RateLimiting;

namespace MiniApp.Api.Infrastructure.Auth;

/// <summary>
/// At most Auth:PasswordHashConcurrency password hashes at once (default half the cores), with a short queue: a burst
/// of logins waits or is refused instead of taking every core and thread from /health/ready and the rest of the API.
/// </summary>
public sealed class PasswordHashingGate(IOptions<AuthOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.PasswordHashConcurrency > 0
            ? options.Value.PasswordHashConcurrency
            : Math.Max(1, Environment.ProcessorCount / 2),
        QueueLimit = options.Value.PasswordHashQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot to hash in (dispose it when done), or one that is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
