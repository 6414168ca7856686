namespace MiniApp.Api.Applications;

/// <summary>
/// A worker's form as a new or a corrected application writes it: checked against the rules (a blank phone is the one
/// bound through WeChat), the 身份证号 and phone sealed, hashed and masked, stamped with the time. Submitting and
/// resubmitting share every step here; they differ in the row they write and in what a retry answers.
/// </summary>
public sealed record ApplicationSubmission(long UserId, ValidForm Form, ProtectedValue IdNumber, ProtectedValue Phone,
    DateTime Now)
{
    /// <summary>The unique key over the account of an open application (V11).</summary>
    public const string OpenApplicationKey = "ux_applications_open_user";

    /// <summary>The submission, or the messages per field when the form breaks a rule.</summary>
    public static async Task<(ApplicationSubmission? Submission, Dictionary<string, string[]> Errors)> CheckAsync(
        Db db, ApplicationServices services, long userId, ApplicationForm form, DateTimeOffset now)
    {
        var boundPhone = await WorkerPhone.LoadAsync(db, services.Protector, userId);
        var reference = await services.Catalog.GetAsync(db.Cancellation);
        var (valid, errors) = await ApplicationFormRules.ValidateAsync(form, boundPhone, reference, db, now);
        if (valid is null) return (null, errors);
        var idNumber = ProtectedValue.IdNumber(services.Protector, valid.Id.Normalized);
        var phone = ProtectedValue.Phone(services.Protector, valid.Phone);
        return (new ApplicationSubmission(userId, valid, idNumber, phone, now.UtcDateTime), errors);
    }

    /// <summary>Whether the caller is the active member the 身份证号 names (<see cref="MemberMatch"/>).</summary>
    public Task<bool> IsCallersMembershipAsync(Db tx) => MemberMatch.IsCallerAsync(tx, UserId, IdNumber.Hash);

    public Task<ReceivingUnion> RouteAsync(Db tx) => ReceivingUnionRouter.RouteAsync(tx, Form);

    /// <summary>The values of the application's row (its id when it exists), routed to the union given.</summary>
    public object Parameters(ReceivingUnion union, long applicationId = 0) => new
    {
        ApplicationId = applicationId, UserId, Form.Name,
        IdSealed = IdNumber.Sealed, IdHash = IdNumber.Hash, IdMasked = IdNumber.Masked,
        PhoneSealed = Phone.Sealed, PhoneHash = Phone.Hash, PhoneMasked = Phone.Masked,
        Form.Id.Gender, BirthDate = Form.Id.BirthDate.ToDateTime(TimeOnly.MinValue),
        Form.Ethnicity, Form.Education, Form.PoliticalStatus, Form.HukouType, Form.IsMigrantWorker, Form.Group,
        Form.EmploymentForm, Form.EnterpriseId, Form.EmployerName, Form.EmployerCreditCode, Form.Platform,
        Form.ResidenceTownship, Form.StationId, UnionId = union.Id, union.Rule, Form.ConsentVersion,
        Form.ConsentAgreedAt, Now,
    };

    public Task AuditAsync(Db tx, string action, long applicationId, ReceivingUnion union) =>
        AuditLog.WriteAsync(tx, AuditEntry.ByWorker(UserId, action, "application", applicationId,
            new { receivingUnionId = union.Id, rule = union.Rule }), Now);

    /// <summary>
    /// 409 application_exists after <see cref="OpenApplicationKey"/> refused a write: it names the caller's own open
    /// application, the only one it may name.
    /// </summary>
    public static async Task<ProblemHttpResult> ApplicationExistsAsync(Db db, long userId) =>
        ApplicationProblems.ApplicationExists(await db.ExecuteScalarAsync<long?>(
            "SELECT id FROM applications WHERE open_user_id = @userId", new { userId }));
}
