namespace MiniApp.Api.Enterprises.Formation;

public enum StepMove
{
    Forward,
    Back,
    Same,
    Skip,
    Inactive,
    Unknown,
    Finished,
}

/// <summary>
/// The order of formation steps and the union status it implies, without the database. Steps go forward one active type
/// at a time; an earlier type is a step back; an enterprise whose final step is reached (已建会) takes no further steps.
/// </summary>
public sealed class FormationOrder(IReadOnlyList<StepType> types)
{
    public const string None = EnterpriseCatalog.None;
    public const string Forming = EnterpriseCatalog.Forming;
    public const string Established = EnterpriseCatalog.Established;

    private readonly List<StepType> _types =
        types.OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();

    public StepType? Find(string? code) => code is null ? null : _types.FirstOrDefault(t => t.Code == code);

    /// <summary>
    /// The step that may be recorded next: the first active type after the current one; none once the final type is
    /// reached.
    /// </summary>
    public StepType? Next(string? currentCode)
    {
        var current = Find(currentCode);
        if (current?.IsFinal == true) return null;
        return _types.FirstOrDefault(t => t.Active && (current is null || Position(t) > Position(current)));
    }

    public StepMove Classify(string? currentCode, string requestedCode)
    {
        var requested = Find(requestedCode);
        if (requested is null) return StepMove.Unknown;
        var current = Find(currentCode);
        if (current?.IsFinal == true) return StepMove.Finished;
        if (!requested.Active) return StepMove.Inactive;
        if (current is not null && requested.Code == current.Code) return StepMove.Same;
        if (current is not null && Position(requested) < Position(current)) return StepMove.Back;
        return Next(currentCode)?.Code == requested.Code ? StepMove.Forward : StepMove.Skip;
    }

    /// <summary>
    /// none before the type marked as forming (筹备组成立), forming from it on, established at the final type. A deactivated
    /// marked type still marks the place in the order; with no type marked there is no forming stage.
    /// </summary>
    public string StatusAt(string? currentCode)
    {
        var current = Find(currentCode);
        if (current is null) return None;
        if (current.IsFinal) return Established;
        var marker = _types.FirstOrDefault(t => t.MarksForming && !t.IsFinal);
        return marker is not null && Position(current) >= Position(marker) ? Forming : None;
    }

    private int Position(StepType type) => _types.IndexOf(type);
}
