namespace MiniApp.Api.Me;

/// <summary>The OpenAPI examples of binding the worker's phone (made-up data).</summary>
internal static class MeExamples
{
    public static readonly BindPhone.Request BindPhone =
        new("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144", null, null);

    public static readonly BindPhone.Response PhoneBound = new("139****5678");
}
