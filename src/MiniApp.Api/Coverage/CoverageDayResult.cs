namespace MiniApp.Api.Coverage;

/// <summary>incremental: from the previous day's frozen figures and the day's journal. full: from the source
/// tables.</summary>
public enum CoverageMode { Incremental, Full }

/// <summary>
/// What computing one day did: DeltasRead are the journal rows read, RowsRead everything else (previous-day cells,
/// survey rows, register rows or carried enterprise rows; in full mode the applications and active members).
/// AlreadyFrozen: nothing was read or written. Enterprises: where the day's enterprise figures came from.
/// </summary>
public sealed record CoverageDayResult(
    DateOnly Day, CoverageMode Mode, int DeltasRead, int RowsRead, int RowsWritten, bool Frozen, TimeSpan Elapsed,
    bool AlreadyFrozen = false, CoverageEnterpriseSource Enterprises = CoverageEnterpriseSource.Register)
{
    public string ModeName => CoverageDays.Name(Mode);

    public string EnterprisesName => Enterprises switch
    {
        CoverageEnterpriseSource.Kept => "kept",
        CoverageEnterpriseSource.Carried => "carried",
        _ => "register",
    };
}
