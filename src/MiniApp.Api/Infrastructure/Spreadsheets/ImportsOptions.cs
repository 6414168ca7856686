using System.ComponentModel.DataAnnotations;

namespace MiniApp.Api.Infrastructure.Spreadsheets;

/// <summary>
/// What an uploaded workbook may cost before its rows are read (README, Configuration). The station import's row limit
/// is Stations:ImportMaxRows.
/// </summary>
public sealed class ImportsOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// The parts of an .xlsx unpacked, together; also the characters of its cells' text with each shared string counted
    /// in every cell that uses it.
    /// </summary>
    [Range(1L << 20, 1L << 30)]
    public long MaxUnpackedBytes { get; set; } = 32L << 20;

    /// <summary>A part that unpacks past 1 MiB may unpack to at most this many times the bytes it takes in the
    /// file.</summary>
    [Range(10, 1_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Parts (files inside the zip) of an .xlsx.</summary>
    [Range(16, 10_000)]
    public int MaxParts { get; set; } = 1_000;

    /// <summary>Columns past this one are not read (a sheet may claim all 16,384); at least the 28 of 附件1.</summary>
    [Range(30, 16_384)]
    public int MaxColumns { get; set; } = 100;

    [Range(1, 50_000)]
    public int EnterpriseMaxRows { get; set; } = 2_000;

    [Range(1, 50_000)]
    public int SurveyMaxRows { get; set; } = 1_000;

    /// <summary>The limits of one import whose sheet may hold maxRows rows.</summary>
    public ImportLimits For(int maxRows) => new(MaxUnpackedBytes, MaxCompressionRatio, MaxParts, MaxColumns, maxRows);
}

/// <summary>The limits a reader works within: those of <see cref="ImportsOptions"/> and the import's own row
/// limit.</summary>
public sealed record ImportLimits(long MaxUnpackedBytes, int MaxCompressionRatio, int MaxParts, int MaxColumns,
    int MaxRows);

public static class ImportsServiceCollectionExtensions
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportsOptions>().BindConfiguration(ImportsOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
