namespace MiniApp.WeChat.Sandbox;

/// <summary>How one call fails: a WeChat errcode, a bare HTTP status, and/or a delay before answering.</summary>
internal sealed record Fault(int? Errcode, int? HttpStatus, int DelayMs);

/// <summary>Per-API queues of faults, each armed for a number of calls, used up in the order they were added.</summary>
internal sealed class FaultStore : ISandboxStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<ArmedFault>> _queues = new(StringComparer.Ordinal);

    public void Add(string api, Fault fault, int times)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(api, out var queue))
            {
                _queues[api] = queue = new();
            }

            queue.Enqueue(new ArmedFault(fault) { Remaining = times });
        }
    }

    /// <summary>The fault for this call, if one is armed; each call uses up one of its <c>times</c>.</summary>
    public Fault? TryTake(string api)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(api, out var queue) || !queue.TryPeek(out var head))
            {
                return null;
            }

            if (--head.Remaining == 0)
            {
                queue.Dequeue();
            }

            return head.Fault;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _queues.Clear();
        }
    }

    private sealed class ArmedFault(Fault fault)
    {
        public Fault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
