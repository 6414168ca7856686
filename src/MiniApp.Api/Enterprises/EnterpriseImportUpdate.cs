using MiniApp.Api.Infrastructure.Spreadsheets;

namespace MiniApp.Api.Enterprises;

/// <summary>
/// An import row that matches a registered enterprise by 统一社会信用代码 updates only what it fills in: a blank cell, or a
/// column the file does not have, keeps the stored value, so a file of a few columns (乡镇, 企业名称, 统一社会信用代码,
/// 是否建会) changes only those. Clearing a field is done in the register, not by import. A new enterprise takes the
/// row as read (blanks empty or 0).
/// </summary>
public static class EnterpriseImportUpdate
{
    public static EnterpriseInput KeepStored(SheetRow row, EnterpriseInput input, EnterpriseRow? before)
    {
        if (before is null) return input;
        bool Blank(string field) => string.IsNullOrWhiteSpace(row[field]);
        T Pick<T>(string field, T read, T stored) => Blank(field) ? stored : read;

        var storedFlags = before.Keys.Codes();
        var flags = EnterpriseImportCells.KeyFlagColumns
            .Where(c => Blank(c.Field) ? storedFlags.Contains(c.Code) : input.KeyFlags?.Contains(c.Code) == true)
            .Select(c => c.Code).ToList();
        var kept = input with
        {
            Name = Pick("name", input.Name, before.Name),
            TownshipCode = Pick("township", input.TownshipCode, before.TownshipCode),
            Address = Pick("address", input.Address, before.Address),
            Industry = Pick("industry", input.Industry, before.Industry),
            OwnershipType = Pick("ownershipType", input.OwnershipType, before.OwnershipType),
            InIndustrialPark = Pick("inIndustrialPark", input.InIndustrialPark, before.InIndustrialPark),
            StaffCount = Pick("staffCount", input.StaffCount, before.StaffCount),
            FemaleStaffCount = Pick("femaleStaffCount", input.FemaleStaffCount, before.FemaleStaffCount),
            MigrantStaffCount = Pick("migrantStaffCount", input.MigrantStaffCount, before.MigrantStaffCount),
            LegalRepresentative = Pick("legalRepresentative", input.LegalRepresentative, before.LegalRepresentative),
            ContactName = Pick("contactName", input.ContactName, before.ContactName),
            DepartmentCode = Pick("department", input.DepartmentCode, before.DepartmentCode),
            Liaison = Pick("liaison", input.Liaison, before.Liaison),
            KeyFlags = flags,
            UnionName = Pick("unionName", input.UnionName, before.UnionName),
            UnionChair = Pick("unionChair", input.UnionChair, before.UnionChair),
            MemberCount = Pick("memberCount", input.MemberCount, before.MemberCount),
            NoUnionReason = Pick("noUnionReason", input.NoUnionReason, before.NoUnionReason),
            PlannedOn = Pick("plannedOn", input.PlannedOn, EnterpriseRow.Date(before.PlannedOn)),
            Note = Pick("note", input.Note, before.Note),
        };
        return KeepStatus(kept, before);
    }

    /// <summary>An empty 是否建会 keeps the stored status, and an established enterprise keeps its date.</summary>
    private static EnterpriseInput KeepStatus(EnterpriseInput input, EnterpriseRow before)
    {
        var status = input.UnionStatus ?? before.UnionStatus;
        var established = input.UnionEstablishedOn
            ?? (status == EnterpriseCatalog.Established ? EnterpriseRow.Date(before.UnionEstablishedOn) : null);
        return input with { UnionStatus = status, UnionEstablishedOn = established };
    }
}
