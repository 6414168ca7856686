using System.Xml;
using System.Xml.Linq;

namespace MiniApp.Api.Notifications.Push;

public sealed record PushItem(string? TemplateId, string? Status, string? ErrorCode);

/// <summary>A message-push event, from WeChat's XML or JSON (the format chosen in the admin console).</summary>
public sealed record PushEvent(string? FromUserName, string? CreateTime, string? MsgType, string? Event, string? MsgId,
    IReadOnlyList<PushItem> Items)
{
    /// <summary>Reads the body; for a safe-mode envelope only Encrypt is filled (ParseEncrypt).</summary>
    public static PushEvent Parse(string body) => IsXml(body) ? FromXml(body) : FromJson(body);

    /// <summary>The Encrypt field of a safe-mode body, or null when the body is plain.</summary>
    public static string? ParseEncrypt(string body) =>
        IsXml(body) ? LoadXml(body).Element("Encrypt")?.Value : Text(JsonDocument.Parse(body).RootElement, "Encrypt");

    private static bool IsXml(string body) => body.AsSpan().TrimStart().StartsWith("<");

    private static XElement LoadXml(string body)
    {
        // No DTDs: a push is never allowed to pull in entities.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(body), settings);
        return XElement.Load(reader);
    }

    private static PushEvent FromXml(string body)
    {
        var root = LoadXml(body);
        var items = root.Elements()
            .Where(e => e.Name.LocalName.StartsWith("SubscribeMsg", StringComparison.Ordinal))
            .SelectMany(e => e.Elements("List"))
            .Select(list => new PushItem(list.Element("TemplateId")?.Value,
                list.Element("SubscribeStatusString")?.Value ?? list.Element("ErrorStatus")?.Value,
                list.Element("ErrorCode")?.Value))
            .ToList();
        return new PushEvent(root.Element("FromUserName")?.Value, root.Element("CreateTime")?.Value,
            root.Element("MsgType")?.Value, root.Element("Event")?.Value, root.Element("MsgId")?.Value, items);
    }

    private static PushEvent FromJson(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var items = new List<PushItem>();
        if (root.TryGetProperty("List", out var list))
        {
            // WeChat sends an array, or a single object when there is one item.
            var elements = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [list];
            items.AddRange(elements.Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new PushItem(
                Text(e, "TemplateId"), Text(e, "SubscribeStatusString") ?? Text(e, "ErrorStatus"),
                Text(e, "ErrorCode"))));
        }
        return new PushEvent(Text(root, "FromUserName"), Text(root, "CreateTime"), Text(root, "MsgType"),
            Text(root, "Event"), Text(root, "MsgId"), items);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
