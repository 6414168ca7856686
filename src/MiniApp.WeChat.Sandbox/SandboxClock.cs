namespace MiniApp.WeChat.Sandbox;

/// <summary>The injected <see cref="TimeProvider"/> plus an offset that <c>/__sandbox/clock/advance</c> moves
/// forward.</summary>
internal sealed class SandboxClock(TimeProvider time) : ISandboxStore
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => time.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public long UnixSeconds => UtcNow.ToUnixTimeSeconds();

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

/// <summary>Anything holding sandbox state that <c>/__sandbox/reset</c> clears.</summary>
internal interface ISandboxStore
{
    void Reset();
}
