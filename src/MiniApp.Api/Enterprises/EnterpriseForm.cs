namespace MiniApp.Api.Enterprises;

/// <summary>
/// One of the campaign's forms as an .xlsx: the enterprises in the caller's scope that <see cref="Condition"/> picks
/// (narrowed by township and department, at most <see cref="MaxRows"/>, in the forms' order), one row each, and a file
/// name with the township when one was asked for and the China date.
/// </summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Title">The file name before the township and the date.</param>
/// <param name="Condition">
/// SQL over enterprises aliased e; @Hundred is <see cref="EnterpriseCatalog.HundredStaff"/>.
/// </param>
/// <param name="Headers">The header row.</param>
/// <param name="Cells">A row's cells in the order of the headers, given the row and its serial number (from 1).</param>
public sealed record EnterpriseForm(string Sheet, string Title, string Condition, IEnumerable<string> Headers,
    Func<EnterpriseRow, int, object?[]> Cells)
{
    public const int MaxRows = 20_000;

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string? township,
        string? department, EnterpriseScope scope, EnterpriseServices services)
    {
        var filter = new EnterpriseFilter(EnterpriseFilter.Blank(township), EnterpriseFilter.Blank(department));
        if (filter.Validate() is { } invalid) return invalid;
        await using var connection = await services.OpenAsync();
        var (where, parameters) = filter.ToSql(scope);
        parameters.Add("Hundred", EnterpriseCatalog.HundredStaff);
        parameters.Add("Limit", MaxRows);
        var sql = EnterpriseRow.SelectSql + where + " AND " + Condition + EnterpriseFilter.OrderBy + " LIMIT @Limit";
        var rows = (await connection.Db(services.Cancellation).QueryAsync<EnterpriseRow>(sql, parameters)).ToList();
        var table = EnterpriseSheets.Table(Headers, rows.Select((row, index) => Cells(row, index + 1)));
        var place = rows.Count > 0 && filter.Township is not null ? "_" + rows[0].TownshipName : "";
        return await EnterpriseSheets.FileAsync(table, Sheet, $"{Title}{place}_{services.Today():yyyyMMdd}.xlsx",
            services.Cancellation);
    }
}
