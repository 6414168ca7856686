using System.Text.RegularExpressions;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>
/// Keeps spreadsheets from evaluating text a user typed (OWASP's rule against CSV injection): every writer of .xlsx and
/// .csv passes its cells through <see cref="ForCell"/>, which puts a single quote before text starting with = + - @, a
/// tab or a carriage return. Numbers are left as numbers, and text that is only a number ("-3.20%", "+1.20") as it is,
/// since nothing evaluates it. The imports take the quote back with <see cref="FromCell"/>, so an exported file imports
/// as entered; a quote before such text is itself quoted on the way out, so the pair gives back any text unchanged.
/// </summary>
public static partial class SpreadsheetText
{
    public static object? ForCell(object? value) => value is string text && NeedsQuote(text) ? "'" + text : value;

    public static string FromCell(string text) =>
        text.Length > 1 && text[0] == '\'' && NeedsQuote(text[1..]) ? text[1..] : text;

    private static bool NeedsQuote(string text)
    {
        var start = 0;
        while (start < text.Length && text[start] == '\'') start++;
        return start < text.Length && text[start] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !PlainNumber().IsMatch(text[start..]);
    }

    [GeneratedRegex(@"^[+-]?([0-9][0-9,]*(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?%?$")]
    private static partial Regex PlainNumber();
}
