using System.Buffers.Binary;

namespace MiniApp.WeChat.Tests.Sandbox;

public sealed class QrCodeFacts(SandboxFixture fixture) : SandboxFacts(fixture)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task GetUnlimited_ReturnsPng_WhenSceneIsValid()
    {
        using var response = await RequestAsync(new { scene = "s=1234", page = "pages/station/detail", check_path = false });

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, (await response.Content.ReadAsByteArrayAsync())[..8]);
    }

    [Fact]
    public async Task GetUnlimited_ReturnsDifferentImages_WhenScenesDiffer()
    {
        var first = await ImageAsync(new { scene = "s=1234" });
        var second = await ImageAsync(new { scene = "s=1235" });
        var again = await ImageAsync(new { scene = "s=1234" });

        Assert.NotEqual(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task GetUnlimited_ReturnsWiderImage_WhenWidthIsLarger()
    {
        var small = PngWidth(await ImageAsync(new { scene = "s=1", width = 280 }));
        var large = PngWidth(await ImageAsync(new { scene = "s=1", width = 1280 }));

        Assert.InRange(small, 200, 280);
        Assert.InRange(large, 1000, 1280);
    }

    [Fact]
    public async Task GetUnlimited_AcceptsEveryAllowedCharacter_WhenSceneIs32Characters()
    {
        var scene = "!#$&'()*+,/:;=?@-._~aZ0123456789";
        Assert.Equal(32, scene.Length);

        using var response = await RequestAsync(new { scene });

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task GetUnlimited_Returns40169_WhenSceneLengthIsOutOfRange(int length)
    {
        Assert.Equal(40169, await ErrcodeAsync(new { scene = new string('a', length) }));
    }

    [Theory]
    [InlineData("s=中文")]
    [InlineData("s=%E4%B8%AD")]
    [InlineData("s 1")]
    public async Task GetUnlimited_Returns40129_WhenSceneHasIllegalCharacters(string scene)
    {
        Assert.Equal(40129, await ErrcodeAsync(new { scene }));
    }

    [Fact]
    public async Task GetUnlimited_Returns40169_WhenBodyIsNotJson()
    {
        using var response = await Sandbox.PostRawAsync("/wxa/getwxacodeunlimit", "scene=s%3D1", await Sandbox.TokenAsync());

        Assert.Equal(40169, SandboxHost.Errcode(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task GetUnlimited_Returns41030_WhenPageHasALeadingSlash()
    {
        Assert.Equal(41030, await ErrcodeAsync(new { scene = "s=1", page = "/pages/index/index" }));
    }

    private async Task<HttpResponseMessage> RequestAsync(object body) =>
        await Sandbox.Http.PostAsJsonAsync($"/wxa/getwxacodeunlimit?access_token={await Sandbox.TokenAsync()}", body);

    private async Task<byte[]> ImageAsync(object body)
    {
        using var response = await RequestAsync(body);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> ErrcodeAsync(object body)
    {
        using var response = await RequestAsync(body);
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType);
        return SandboxHost.Errcode(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The width field of the IHDR chunk, right after the signature and the chunk's length and type.</summary>
    private static int PngWidth(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
}
