namespace MiniApp.Api.IntegrationTests.Fuzz;

/// <summary>Values an attacker or a broken client sends instead of the expected ones.</summary>
public static class HostileInputs
{
    /// <summary>Text for any string field or query value (kept as strings; the JSON serializer escapes what it must).</summary>
    public static readonly string[] Strings =
    [
        "",
        " ",
        "' OR '1'='1' -- ",
        "1; DROP TABLE applications; --",
        "\" onmouseover=\"alert(1)",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "%s%s%s%n",
        "../../../../etc/passwd",
        "=HYPERLINK(\"http://x\",\"y\")",
        "\0",
        "a\r\nX-Injected: 1",
        "\u202Eevil\u202C",
        "😀😀😀",
        "张\uD800三",
        "\uFFFF\uFFFE",
        new string('长', 3_000),
        new string('a', 20_000),
        "NaN",
        "-1",
        "99999999999999999999999999",
        "1e309",
        "null",
        "true",
        "[]",
    ];

    /// <summary>Raw query-string values: already encoded, some of them not valid UTF-8 once decoded.</summary>
    public static readonly string[] QueryValues =
    [
        "", "%00", "%0d%0aX-Injected:%201", "%ED%A0%80", "%FF%FE", "%C0%AF", "-1", "0", "-9223372036854775809",
        "9223372036854775808", "1.5", "1e400", "NaN", "Infinity", "true", "abc", "%27%20OR%201%3D1--", "%3Cscript%3E",
        Uri.EscapeDataString(new string('x', 4_000)), "a&a=b&a=c", "%25", "%", "9999-12-31", "0001-01-01", "2026-02-30",
        "2026-13-01", "20261101",
    ];

    /// <summary>Values for a path segment that names an id, a code or a scene.</summary>
    public static readonly string[] PathValues =
    [
        "0", "-1", "1", "9223372036854775807", "9223372036854775808", "99999999999999999999999", "1.5", "abc", "%00", "%2e%2e%2f%2e%2e",
        "%ED%A0%80", Uri.EscapeDataString("' OR 1=1--"), Uri.EscapeDataString("张三"), new string('9', 300),
    ];

    /// <summary>Whole bodies that are not the JSON object an endpoint wants.</summary>
    public static IEnumerable<(string Label, byte[] Body)> Bodies() => TextBodies().Select(b => (b.Label, Encoding.UTF8.GetBytes(b.Json)))
        .Append(("invalid utf-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]))
        .Append(("utf-16", Encoding.Unicode.GetBytes("{\"code\":\"x\"}")));

    private static IEnumerable<(string Label, string Json)> TextBodies()
    {
        yield return ("empty", "");
        yield return ("null", "null");
        yield return ("array", "[]");
        yield return ("number", "42");
        yield return ("string", "\"x\"");
        yield return ("truncated", "{\"a\":");
        yield return ("not json", "name=张三&idNumber=1");
        yield return ("trailing garbage", "{}}}");
        yield return ("comments", "{/* x */}");
        yield return ("deep arrays", new string('[', 5_000) + new string(']', 5_000));
        yield return ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 3_000)) + "1" + new string('}', 3_000));
        yield return ("lone surrogate escape", "{\"name\":\"\\ud800\",\"code\":\"\\udfff\"}");
        yield return ("huge number", "{\"id\":" + new string('9', 400) + "}");
        yield return ("wide object", "{" + string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"f{i}\":{i}")) + "}");
    }
}
