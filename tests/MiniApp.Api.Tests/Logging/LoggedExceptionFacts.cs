using System.Runtime.CompilerServices;
using MiniApp.Api.Infrastructure.Logging;

namespace MiniApp.Api.Tests.Logging;

public sealed class LoggedExceptionFacts
{
    private const string IdNumber = "53042719880101001X";
    private const string Phone = "13912345678";

    [Fact]
    public void From_KeepsTheTypeAndTheStackTrace_OfTheExceptionAndItsInnerOnes()
    {
        var caught = Catch(() => Outer());

        var text = LoggedException.From(caught).ToString();

        Assert.StartsWith("System.InvalidOperationException: the outer one", text);
        Assert.Contains("---> System.TimeoutException: the inner one", text);
        Assert.Contains($"{nameof(LoggedExceptionFacts)}.{nameof(Inner)}()", text);
        Assert.Contains($"{nameof(LoggedExceptionFacts)}.{nameof(Outer)}()", text);
    }

    [Fact]
    public void From_WithholdsTheMessage_OfATypeThatQuotesItsInput()
    {
        var caught = Catch(() => long.Parse(IdNumber, System.Globalization.CultureInfo.InvariantCulture));

        var text = LoggedException.From(caught).ToString();

        Assert.Contains(IdNumber, caught.Message);
        Assert.StartsWith("System.FormatException: (message withheld", text);
        Assert.DoesNotContain(IdNumber, text);
        Assert.Contains("Int64.Parse", text);
    }

    [Theory]
    [InlineData(IdNumber)]
    [InlineData("530427198801010019")]
    [InlineData("530427880101001")]
    [InlineData(Phone)]
    [InlineData("+86 " + Phone)]
    [InlineData("+86-" + Phone)]
    public void MessageOf_MasksWhatLooksLikeAnIdNumberOrAMobileNumber(string value)
    {
        var message = LoggedException.MessageOf(new InvalidOperationException($"no match for {value}, try again"));

        Assert.Equal("no match for ***, try again", message);
    }

    [Fact]
    public void MessageOf_KeepsOtherNumbers()
    {
        var exception = new InvalidOperationException("row 1234567 of 20 stations at version 42");

        var message = LoggedException.MessageOf(exception);

        Assert.Equal("row 1234567 of 20 stations at version 42", message);
    }

    [Fact]
    public void From_ListsEveryInnerException_OfAnAggregate()
    {
        var aggregate = new AggregateException(new TimeoutException("first"),
            new InvalidOperationException($"for {Phone}"));

        var text = LoggedException.From(aggregate).ToString();

        Assert.Contains("---> System.TimeoutException: first", text);
        Assert.Contains("---> System.InvalidOperationException: for ***", text);
        Assert.DoesNotContain(Phone, text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Inner() => throw new TimeoutException("the inner one");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Outer()
    {
        try
        {
            Inner();
        }
        catch (TimeoutException inner)
        {
            throw new InvalidOperationException("the outer one", inner);
        }
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }
        throw new InvalidOperationException("nothing was thrown");
    }

    private static Exception Catch(Func<long> action) => Catch(() => { _ = action(); });
}
