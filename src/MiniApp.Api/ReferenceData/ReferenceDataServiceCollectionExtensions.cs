namespace MiniApp.Api.ReferenceData;

/// <summary>The reference data feature: the catalogue of choice lists, served from memory.</summary>
public static class ReferenceDataServiceCollectionExtensions
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCatalog>();
        return services;
    }
}
