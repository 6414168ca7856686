using System.Text.RegularExpressions;

namespace MiniApp.Api.Infrastructure.Logging;

/// <summary>
/// What an error log line keeps of an exception: the type and the stack trace of it and of every inner exception
/// (they name our code and the line, never data), and the message only where it cannot quote what a user sent.
/// Messages of the types that echo their input (a parse of a 身份证号 that failed quotes the number; MySQL quotes a
/// duplicate value) are replaced by the type alone (MySQL's by its error code); any other message has whatever looks
/// like a 身份证号 or a mobile number masked.
/// </summary>
internal sealed partial class LoggedException : Exception
{
    private const int MaxDepth = 8;
    private readonly string _typeName;
    private readonly string? _stackTrace;
    private readonly IReadOnlyList<LoggedException> _inner;

    private LoggedException(Exception original, IReadOnlyList<LoggedException> inner)
        : base(MessageOf(original), inner.Count > 0 ? inner[0] : null)
    {
        _typeName = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
        _inner = inner;
    }

    /// <summary>The exception as it may be logged.</summary>
    public static Exception From(Exception exception) => Build(exception, 0);

    /// <summary>The message alone, as it may be logged.</summary>
    public static string MessageOf(Exception exception) => exception switch
    {
        MySqlException mysql => $"MySQL error {mysql.ErrorCode} ({mysql.Number})",
        FormatException or OverflowException or ArgumentException or InvalidCastException or KeyNotFoundException
            or JsonException or BadHttpRequestException => "(message withheld: it may quote the input)",
        _ => Mask(exception.Message),
    };

    public override string? StackTrace => _stackTrace;

    public override string ToString()
    {
        var text = new StringBuilder(_typeName).Append(": ").Append(Message);
        foreach (var inner in _inner)
        {
            text.Append(" ---> ").Append(inner).AppendLine().Append("   --- End of inner exception stack trace ---");
        }
        if (_stackTrace is not null) text.AppendLine().Append(_stackTrace);
        return text.ToString();
    }

    private static LoggedException Build(Exception exception, int depth)
    {
        IEnumerable<Exception> inner = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } single ? [single] : [];
        return new LoggedException(exception,
            depth >= MaxDepth ? [] : inner.Select(child => Build(child, depth + 1)).ToList());
    }

    private static string Mask(string message) => LooksPersonal().Replace(message, "***");

    // An 18-character 身份证号 (or the old 15 digits) and a mainland mobile number, wherever they stand in the text.
    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|(?:\+?86[- ]?)?1[3-9][0-9]{9})(?![0-9])")]
    private static partial Regex LooksPersonal();
}
