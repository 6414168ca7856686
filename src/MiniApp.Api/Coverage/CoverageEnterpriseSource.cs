namespace MiniApp.Api.Coverage;

/// <summary>
/// Where a day's enterprise figures came from. Register: the register as it stands (today, or yesterday at the nightly
/// freeze; an older day only when it and the day before have no enterprise rows). Kept: the day's rows of its last
/// refresh. Carried: the previous day's rows.
/// </summary>
public enum CoverageEnterpriseSource { Register, Kept, Carried }
