using MiniApp.Api.ReferenceData;

namespace MiniApp.Api.Tests.ReferenceData;

public sealed class ReferenceSnapshotFacts
{
    private static ReferenceSnapshot Snapshot(string townshipName = "者竜乡") =>
        new(new CodeList(("truck_driver", "货车司机"), ("courier", "快递员")),
            new CodeList(("530427001", "桂山街道"), ("530427204", townshipName)));

    [Fact]
    public void ETag_IsAQuotedBase64UrlSha256_AndTheSameForTheSameContent()
    {
        var etag = Snapshot().ETag;

        Assert.Matches("^\"[A-Za-z0-9_-]{43}\"$", etag);
        Assert.Equal(etag, Snapshot().ETag);
    }

    [Fact]
    public void ETag_Changes_WhenANameChanges()
    {
        Assert.NotEqual(Snapshot("者竜乡").ETag, Snapshot("者龙乡").ETag);
    }

    [Fact]
    public void ETag_Changes_WhenTheOrderChanges()
    {
        var reordered = new ReferenceSnapshot(new CodeList(("courier", "快递员"), ("truck_driver", "货车司机")), Snapshot().Townships);
        Assert.NotEqual(Snapshot().ETag, reordered.ETag);
    }

    [Fact]
    public void Lookups_AnswerFromTheDatabaseListsAndTheFixedLists()
    {
        var snapshot = Snapshot();

        Assert.True(snapshot.IsWorkerGroup("courier"));
        Assert.False(snapshot.IsWorkerGroup("530427204"));
        Assert.True(snapshot.IsTownship("530427204"));
        Assert.False(snapshot.IsTownship("530427"));
        Assert.Equal("者竜乡", snapshot.TownshipName("530427204"));
        Assert.Equal("货车司机", snapshot.WorkerGroupName("truck_driver"));
        Assert.Null(snapshot.WorkerGroupName("pilot"));
        Assert.Equal("彝族", snapshot.Ethnicities.NameOf("07"));
        Assert.Same(ReferenceLists.RejectReasons, snapshot.RejectReasons);
    }
}
