using MiniApp.Api.ReferenceData;
using MiniApp.Api.Stations;

namespace MiniApp.Api.Applications;

/// <summary>
/// The one form a worker fills in to join. Every field is optional in the type so that each gets a Chinese message.
/// </summary>
public sealed record ApplicationForm(
    string? Name,
    string? IdNumber,
    string? Phone,
    string? Ethnicity,
    string? Education,
    string? PoliticalStatus,
    string? HukouType,
    bool? IsMigrantWorker,
    string? Group,
    string? EmploymentForm,
    EmployerInput? Employer,
    string? Platform,
    string? ResidenceTownship,
    string? StationScene,
    ConsentInput? Consent);

/// <summary>An enterprise of the register by id, or a name with an optional 统一社会信用代码.</summary>
public sealed record EmployerInput(long? EnterpriseId, string? Name, string? CreditCode);

/// <summary>
/// The separate consent to process personal information (PIPL), with the version of the text agreed to.
/// </summary>
public sealed record ConsentInput(string? Version, DateTimeOffset? AgreedAt);

/// <summary>A form that passed every rule, normalised.</summary>
public sealed record ValidForm(
    string Name, IdNumberInfo Id, string Phone, string Ethnicity, string Education, string PoliticalStatus,
    string HukouType, bool IsMigrantWorker, string Group, string EmploymentForm, long? EnterpriseId,
    string? EmployerName, string? EmployerCreditCode, string? Platform, string ResidenceTownship, long? StationId,
    string ConsentVersion, DateTime ConsentAgreedAt);

public static class ApplicationFormRules
{
    private static readonly HashSet<string> GroupsWithPlatform = ["courier", "food_delivery_rider"];

    /// <summary>
    /// Checks every rule and answers either the normalised form or the messages per field (JSON names).
    /// </summary>
    public static async Task<(ValidForm? Form, Dictionary<string, string[]> Errors)> ValidateAsync(
        ApplicationForm form, string? boundPhone, ReferenceSnapshot reference, Db db, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!PersonName.TryNormalize(form.Name, out var name, out var nameError)) Fail("name", nameError);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).DateTime);
        if (!ChineseIdNumber.TryParse(form.IdNumber, today, out var id, out var idError)) Fail("idNumber", idError);

        var phone = "";
        if (string.IsNullOrWhiteSpace(form.Phone))
        {
            if (boundPhone is null) Fail("phone", "请填写手机号，或先授权绑定微信手机号");
            else phone = boundPhone;
        }
        else if (!MainlandMobile.TryNormalize(form.Phone, out phone, out var phoneError)) Fail("phone", phoneError);

        CheckChoices(errors, form, reference);
        var platform = string.IsNullOrWhiteSpace(form.Platform) ? null : form.Platform.Trim();
        if (platform is null && form.Group is not null && GroupsWithPlatform.Contains(form.Group))
            Fail("platform", "快递员、网约送餐员请填写所在平台或快递品牌，如美团、顺丰");
        else if (platform is { Length: > 64 }) Fail("platform", "平台名称不能超过64个字");

        var (enterpriseId, employerName, creditCode) = await CheckEmployerAsync(errors, form.Employer, db);
        var stationId = await CheckStationAsync(errors, form.StationScene, db);

        var consentVersion = form.Consent?.Version?.Trim();
        if (string.IsNullOrEmpty(consentVersion) || consentVersion.Length > 32 || form.Consent?.AgreedAt is null)
            Fail("consent", "请阅读并同意《个人信息处理规则》后再提交");
        else if (form.Consent.AgreedAt > now.AddMinutes(5))
            Fail("consent", "同意时间不正确，请重新勾选同意");

        if (errors.Count > 0) return (null, errors);
        return (new ValidForm(name, id, phone, form.Ethnicity!, form.Education!, form.PoliticalStatus!,
            form.HukouType!, form.IsMigrantWorker!.Value, form.Group!, form.EmploymentForm!, enterpriseId,
            employerName, creditCode, platform, form.ResidenceTownship!, stationId, consentVersion!,
            form.Consent!.AgreedAt!.Value.UtcDateTime), errors);
    }

    /// <summary>The answers the worker picks: each must be one the lists offer.</summary>
    private static void CheckChoices(Dictionary<string, string[]> errors, ApplicationForm form,
        ReferenceSnapshot reference)
    {
        void Check(string field, string? code, IReadOnlyList<CodeName> list, string message)
        {
            if (string.IsNullOrWhiteSpace(code) || !list.Any(item => item.Code == code)) errors[field] = [message];
        }
        Check("ethnicity", form.Ethnicity, ReferenceLists.Ethnicities, "请选择民族");
        Check("education", form.Education, ReferenceLists.EducationLevels, "请选择学历");
        Check("politicalStatus", form.PoliticalStatus, ReferenceLists.PoliticalStatuses, "请选择政治面貌");
        Check("hukouType", form.HukouType, ReferenceLists.HukouTypes, "请选择户籍类型");
        Check("employmentForm", form.EmploymentForm, ReferenceLists.EmploymentForms, "请选择用工形式");
        if (form.IsMigrantWorker is null) errors["isMigrantWorker"] = ["请选择是否为农民工"];
        if (string.IsNullOrWhiteSpace(form.Group) || !reference.IsWorkerGroup(form.Group))
            errors["group"] = ["请选择所属职业群体"];
        if (string.IsNullOrWhiteSpace(form.ResidenceTownship) || !reference.IsTownship(form.ResidenceTownship))
            errors["residenceTownship"] = ["请选择常住乡镇（街道）"];
    }

    private static async Task<(long? Id, string? Name, string? CreditCode)> CheckEmployerAsync(
        Dictionary<string, string[]> errors, EmployerInput? employer, Db db)
    {
        if (employer is null) return (null, null, null);
        if (employer.EnterpriseId is { } enterpriseId)
        {
            var known = await db.QuerySingleOrDefaultAsync<(long Id, string Name, string? CreditCode)?>(
                "SELECT id, name, credit_code FROM enterprises WHERE id = @enterpriseId", new { enterpriseId });
            if (known is null) errors["employer.enterpriseId"] = ["所选工作单位不存在，请重新选择"];
            return known is { } k ? (k.Id, k.Name, k.CreditCode) : (null, null, null);
        }
        var name = employer.Name?.Trim();
        if (string.IsNullOrEmpty(name) && string.IsNullOrWhiteSpace(employer.CreditCode)) return (null, null, null);
        if (name is null || name.Length is < 2 or > 200) errors["employer.name"] = ["请填写工作单位全称（2至200个字）"];
        string? code = null;
        if (!string.IsNullOrWhiteSpace(employer.CreditCode)
            && !UnifiedSocialCreditCode.TryNormalize(employer.CreditCode, out code, out var codeError))
            errors["employer.creditCode"] = [codeError];
        if (code is null) return (null, name, null);
        // A known credit code links the application to the register, so the employer's own union can receive it.
        var registered = await db.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM enterprises WHERE credit_code = @code", new { code });
        return (registered, name, code);
    }

    private static async Task<long?> CheckStationAsync(Dictionary<string, string[]> errors, string? scene, Db db)
    {
        if (string.IsNullOrWhiteSpace(scene)) return null;
        long? stationId = null;
        if (StationScene.TryParse(scene, out var code))
        {
            // A suspended station still names its union, as GET /api/stations/by-scene shows; only a closed one is
            // gone.
            stationId = await db.QuerySingleOrDefaultAsync<long?>(
                "SELECT id FROM stations WHERE code = @code AND status <> 'closed'", new { code });
        }
        if (stationId is null) errors["stationScene"] = ["扫描的站点二维码无效或站点已关闭"];
        return stationId;
    }
}
