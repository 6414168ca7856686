namespace MiniApp.Api.Applications;

/// <summary>
/// An application as the worker and the reviewers see it: 身份证号 and phone always masked. The birth date is left out
/// on purpose: with it, the masked 身份证号 and the township would give the whole number back; the age is enough.
/// Reviewers get it with the flags (Review/ApplicationForReview), which the worker never sees.
/// </summary>
public record ApplicationView(
    long Id,
    string Status,
    int Version,
    string Name,
    string IdNumberMasked,
    string PhoneMasked,
    string Gender,
    int Age,
    string Ethnicity,
    string Education,
    string PoliticalStatus,
    string HukouType,
    bool IsMigrantWorker,
    string Group,
    string EmploymentForm,
    EmployerView? Employer,
    string? Platform,
    string ResidenceTownship,
    StationRef? Station,
    ReceivingUnion ReceivingUnion,
    string? RejectReason,
    string? RejectNote,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt);

public sealed record EmployerView(long? EnterpriseId, string Name, string? CreditCode);

public sealed record StationRef(long Id, string Code, string Name);

/// <summary>
/// The row behind <see cref="ApplicationView"/>, with the path of the receiving union for scope checks.
/// </summary>
public sealed record ApplicationRow(
    long Id, long UserId, string Status, int Version, string Name, string IdNumberMasked, string PhoneMasked,
    string Gender, DateTime BirthDate, string Ethnicity, string Education, string PoliticalStatus, string HukouType,
    bool IsMigrantWorker, string WorkerGroupCode, string EmploymentForm, long? EmployerEnterpriseId,
    string? EmployerName, string? EmployerCreditCode, string? Platform, string ResidenceTownship, long? StationId,
    string? StationCode, string? StationName, long ReceivingUnionId, string ReceivingUnionName,
    string ReceivingUnionPath, string RoutingRule, string? RejectReason, string? RejectNote, DateTime SubmittedAt,
    DateTime? DecidedAt)
{
    /// <summary>Select list and joins shared by every read of applications; callers add WHERE and ORDER BY.</summary>
    public const string SelectSql = """
        SELECT a.id, a.user_id, a.status, a.version, a.name, a.id_number_masked, a.phone_masked, a.gender,
               a.birth_date, a.ethnicity, a.education, a.political_status, a.hukou_type, a.is_migrant_worker,
               a.worker_group_code, a.employment_form, a.employer_enterprise_id, a.employer_name,
               a.employer_credit_code, a.platform, a.residence_township, a.station_id, s.code AS station_code,
               s.name AS station_name, a.receiving_union_id, o.name AS receiving_union_name,
               o.path AS receiving_union_path, a.routing_rule, a.reject_reason, a.reject_note, a.submitted_at,
               a.decided_at
        FROM applications a
        JOIN organizations o ON o.id = a.receiving_union_id
        LEFT JOIN stations s ON s.id = a.station_id
        """;

    private int AgeOn(DateOnly today)
    {
        var birth = DateOnly.FromDateTime(BirthDate);
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>The view of one application, read after a change has committed.</summary>
    public static async Task<ApplicationView> LoadViewAsync(Db db, long id) =>
        (await db.QuerySingleAsync<ApplicationRow>(SelectSql + " WHERE a.id = @id", new { id })).ToView();

    public ApplicationView ToView() => new(
        Id, Status, Version, Name, IdNumberMasked, PhoneMasked, Gender, AgeOn(ChinaTime.Today(TimeProvider.System)),
        Ethnicity, Education, PoliticalStatus, HukouType, IsMigrantWorker, WorkerGroupCode, EmploymentForm,
        EmployerName is null ? null : new EmployerView(EmployerEnterpriseId, EmployerName, EmployerCreditCode),
        Platform, ResidenceTownship,
        StationId is { } stationId ? new StationRef(stationId, StationCode!, StationName!) : null,
        new ReceivingUnion(ReceivingUnionId, ReceivingUnionName, RoutingRule),
        RejectReason, RejectNote, new DateTimeOffset(SubmittedAt, TimeSpan.Zero),
        DecidedAt is { } decided ? new DateTimeOffset(decided, TimeSpan.Zero) : null);
}
