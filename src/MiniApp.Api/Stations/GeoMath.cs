namespace MiniApp.Api.Stations;

/// <summary>
/// Great-circle distances on GCJ-02 pairs (haversine straight on GCJ-02 pairs: the GCJ-02 and WGS84 distances of
/// the same pair differ by at most about 0.4% up to 50 km, and the sphere errs by at most about 0.5%; both are fine for
/// ranking nearby stations).
/// Searches compare squared chord lengths between unit vectors, which order exactly as haversine distances do but cost
/// no trigonometry per station.
/// </summary>
public static class GeoMath
{
    /// <summary>Mean earth radius (IUGG), 6371.0088 km.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double HaversineMeters(double lat1, double lng1, double lat2, double lng2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLng = ToRadians(lng2 - lng1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static (double X, double Y, double Z) UnitVector(double lat, double lng)
    {
        var phi = ToRadians(lat);
        var lambda = ToRadians(lng);
        var cosPhi = Math.Cos(phi);
        return (cosPhi * Math.Cos(lambda), cosPhi * Math.Sin(lambda), Math.Sin(phi));
    }

    public static double ChordSquaredFor(double meters)
    {
        var chord = 2 * Math.Sin(Math.Min(Math.PI, meters / EarthRadiusMeters) / 2);
        return chord * chord;
    }

    public static double MetersFor(double chordSquared) =>
        2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(chordSquared) / 2));

    public static double ToRadians(double degrees) => degrees * (Math.PI / 180);

    public static double ToDegrees(double radians) => radians * (180 / Math.PI);
}

/// <summary>
/// What "inside China" means for a coordinate we accept: a generous box around the mainland and its islands.
/// </summary>
public static class ChinaBounds
{
    public const double MinLatitude = 3.0;
    public const double MaxLatitude = 54.0;
    public const double MinLongitude = 73.0;
    public const double MaxLongitude = 136.0;

    public static bool ContainsLatitude(double value) => value is >= MinLatitude and <= MaxLatitude;

    public static bool ContainsLongitude(double value) => value is >= MinLongitude and <= MaxLongitude;
}
