using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using MiniApp.Api.Auth;
using MiniApp.WeChat;
using Moq;

namespace MiniApp.Api.Tests.Auth;

/// <summary>How the login use case answers WeChat's refusals; these paths end before the database is touched.</summary>
public sealed class WeChatLoginFacts
{
    // Only WeChat is reached on these paths: the database, the protector and the token issuer stay unset.
    private static WeChatLogin.Services ServicesWith(IWeChatClient wechat) =>
        new(wechat, null!, null!, null!, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

    private static async Task<ProblemHttpResult> LoginFailingWith(Exception exception)
    {
        var wechat = new Mock<IWeChatClient>(MockBehavior.Strict);
        wechat.Setup(c => c.Code2SessionAsync("the-code", It.IsAny<CancellationToken>())).ThrowsAsync(exception);

        var result = await WeChatLogin.Handle(new WeChatLogin.Request(" the-code "), ServicesWith(wechat.Object));

        wechat.Verify(c => c.Code2SessionAsync("the-code", It.IsAny<CancellationToken>()), Times.Once);
        return Assert.IsType<ProblemHttpResult>(result.Result);
    }

    [Theory]
    [InlineData(WeChatErrorCodes.InvalidCode)]
    [InlineData(WeChatErrorCodes.CodeBeenUsed)]
    public async Task Handle_Answers400WeChatCodeInvalid_WhenWeChatRejectsTheCode(int errcode)
    {
        var problem = await LoginFailingWith(new WeChatApiException("jscode2session", errcode, "invalid code, rid: 1"));

        Assert.Equal(400, problem.StatusCode);
        Assert.Equal("wechat_code_invalid", problem.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public async Task Handle_Answers403_WhenWeChatBlocksAHighRiskUser()
    {
        var problem = await LoginFailingWith(new WeChatApiException("jscode2session", WeChatErrorCodes.HighRiskUser, "high risk, rid: 1"));

        Assert.Equal(403, problem.StatusCode);
        Assert.Equal("wechat_login_blocked", problem.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public async Task Handle_LetsUnavailableEscape_ForTheExceptionHandlerToAnswer503()
    {
        var wechat = new Mock<IWeChatClient>();
        wechat.Setup(c => c.Code2SessionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WeChatUnavailableException("jscode2session", "busy"));

        await Assert.ThrowsAsync<WeChatUnavailableException>(() =>
            WeChatLogin.Handle(new WeChatLogin.Request("c"), ServicesWith(wechat.Object)));
    }
}
