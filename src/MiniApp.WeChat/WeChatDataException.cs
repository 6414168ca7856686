namespace MiniApp.WeChat;

/// <summary>Encrypted WeChat data (open data or a pushed message) failed to decrypt or did not belong to our
/// app.</summary>
public class WeChatDataException(int code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="WeChatDataErrorCodes"/>; the numbers follow WeChat's official sample code.</summary>
    public int Code { get; } = code;
}

public static class WeChatDataErrorCodes
{
    // Open data, as in the official WXBizDataCrypt demo.
    public const int IllegalAesKey = -41001;
    public const int IllegalIv = -41002;
    public const int IllegalBuffer = -41003;

    // Message push, as in the official WXBizMsgCrypt.
    public const int PushIllegalAesKey = -40004;
    public const int PushAppIdMismatch = -40005;
    public const int PushDecryptFailed = -40007;
    public const int PushIllegalBuffer = -40008;
    public const int PushIllegalBase64 = -40010;
}
