using System.ComponentModel.DataAnnotations;

namespace MiniApp.WeChat.Sandbox;

/// <summary>Identity and tuning of the emulated mini-program; bound from the <c>Sandbox</c> configuration
/// section.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    [Required]
    public string AppId { get; set; } = "wxsandbox00000001";

    [Required]
    public string AppSecret { get; set; } = "sandbox-secret-0001";

    [Range(1, 7 * 24 * 3600)]
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>msg_sec_check answers <c>risky</c> (label 20001) for content containing any of these; empty means the
    /// default list.</summary>
    public string[] RiskyWords { get; set; } = [];

    /// <summary>msg_sec_check answers <c>review</c> (label 21000) for content containing any of these; empty means the
    /// default list.</summary>
    public string[] ReviewWords { get; set; } = [];

    // The configuration binder appends to a pre-filled array instead of replacing it, so the defaults live here.
    internal IReadOnlyList<string> EffectiveRiskyWords => RiskyWords is { Length: > 0 } ? RiskyWords : ["违禁词"];

    internal IReadOnlyList<string> EffectiveReviewWords => ReviewWords is { Length: > 0 } ? ReviewWords : ["待审词"];
}
