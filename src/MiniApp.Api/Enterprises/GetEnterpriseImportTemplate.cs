namespace MiniApp.Api.Enterprises;

/// <summary>
/// GET /api/staff/enterprises/import-template: an .xlsx with the header row of the import (the columns of 附件1).
/// </summary>
public static class GetEnterpriseImportTemplate
{
    public static Task<FileContentHttpResult> Handle(CancellationToken cancellationToken) =>
        EnterpriseSheets.FileAsync(EnterpriseSheets.Table(EnterpriseImportColumns.All.Select(c => c.Header), []),
            "企业名录", "企业名录导入模板.xlsx", cancellationToken);
}
