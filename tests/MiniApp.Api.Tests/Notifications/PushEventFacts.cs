using MiniApp.Api.Notifications.Push;

namespace MiniApp.Api.Tests.Notifications;

public sealed class PushEventFacts
{
    [Fact]
    public void Parse_ReadsAnXmlPopupEvent_WithSeveralTemplates()
    {
        var pushEvent = PushEvent.Parse("""
            <xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[o-user]]></FromUserName>
            <CreateTime>1610969440</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event>
            <SubscribeMsgPopupEvent>
              <List><TemplateId><![CDATA[t1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List>
              <List><TemplateId><![CDATA[t2]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List>
            </SubscribeMsgPopupEvent></xml>
            """);

        Assert.Equal("o-user", pushEvent.FromUserName);
        Assert.Equal("1610969440", pushEvent.CreateTime);
        Assert.Equal("subscribe_msg_popup_event", pushEvent.Event);
        Assert.Equal([new PushItem("t1", "accept", null), new PushItem("t2", "reject", null)], pushEvent.Items);
    }

    [Fact]
    public void Parse_ReadsJson_WithListAsAnObjectOrAnArray()
    {
        var array = PushEvent.Parse("""
            {"ToUserName":"gh_123","FromUserName":"o-user","CreateTime":1620963428,"MsgType":"event","Event":"subscribe_msg_change_event",
             "List":[{"TemplateId":"t1","SubscribeStatusString":"reject"}]}
            """);
        var single = PushEvent.Parse("""
            {"FromUserName":"o-user","CreateTime":"1620963428","MsgType":"event","Event":"subscribe_msg_sent_event",
             "List":{"TemplateId":"t1","MsgID":"1700827132819554304","ErrorCode":"0","ErrorStatus":"success"}}
            """);

        Assert.Equal("1620963428", array.CreateTime);
        Assert.Equal([new PushItem("t1", "reject", null)], array.Items);
        Assert.Equal([new PushItem("t1", "success", "0")], single.Items);
    }

    [Fact]
    public void ParseEncrypt_FindsTheEnvelope_InBothFormats()
    {
        Assert.Equal("abc", PushEvent.ParseEncrypt("<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[abc]]></Encrypt></xml>"));
        Assert.Equal("abc", PushEvent.ParseEncrypt("""{"ToUserName":"gh","Encrypt":"abc"}"""));
        Assert.Null(PushEvent.ParseEncrypt("""{"FromUserName":"o"}"""));
    }

    [Fact]
    public void Parse_RefusesADocumentType() =>
        Assert.ThrowsAny<System.Xml.XmlException>(() => PushEvent.Parse("""<!DOCTYPE x [<!ENTITY e "x">]><xml><Event>&e;</Event></xml>"""));
}
