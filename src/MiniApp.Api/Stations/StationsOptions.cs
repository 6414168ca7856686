using System.ComponentModel.DataAnnotations;
using MiniApp.Api.Infrastructure.Hangfire;

namespace MiniApp.Api.Stations;

public sealed class StationsOptions
{
    public const string Section = "Stations";

    /// <summary>
    /// The join page a station's mini-program code opens: no leading slash, no query (WeChat's rule).
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*$")]
    public string QrPage { get; set; } = "pages/join/index";

    /// <summary>
    /// release, trial or develop. A code for trial or develop is made with check_path off (the page may be
    /// unpublished).
    /// </summary>
    [Required, RegularExpression("^(release|trial|develop)$")]
    public string QrEnvVersion { get; set; } = "release";

    /// <summary>
    /// Width in pixels WeChat draws the code at (280–1280); a change does not regenerate stored codes.
    /// </summary>
    [Range(280, 1280)]
    public int QrWidth { get; set; } = 430;

    /// <summary>At most this many stations in one qrcodes.zip (missing codes are fetched from WeChat first).</summary>
    [Range(1, 20_000)]
    public int QrZipMaxStations { get; set; } = 2_000;

    [Range(1, 50_000)]
    public int ImportMaxRows { get; set; } = 5_000;

    /// <summary>How often each node asks whether stations changed elsewhere.</summary>
    public TimeSpan IndexRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each node reloads every station (catches rows written around the API).</summary>
    public TimeSpan IndexFullReloadInterval { get; set; } = TimeSpan.FromMinutes(10);
}
