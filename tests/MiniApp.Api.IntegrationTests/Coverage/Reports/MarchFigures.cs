namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

/// <summary>
/// A hand-worked set of figures on days of March 2034 that no other test uses. The report date is 2034-03-10, the
/// period 03-08..03-10; 03-07 carries large flows and slow decisions that must stay outside that period.
///
///   stocks at 03-10          workers units w/union members open appr rej wd
///   桂山 530427001 truck        200    10    4       90      5    95   3   2
///   桂山 530427001 courier      100     5    3       70      2    72   1   0
///   古城 530427002 truck        300    12    6      120      4   125   2   1
///   古城 530427002 care          50     4    1       10      1    10   0   0
///   扬武 530427100 other          0     0    0        5      0     5   0   0   (no survey: no rate)
///
///   flows (submitted/approved/rejected/withdrawn): 03-07 桂山 truck 50/50/0/0 (outside);
///   03-08 桂山 truck 3/2/1/0, 古城 truck 2/1/0/0; 03-09 桂山 courier 4/3/0/1, 古城 care 1/1/0/0;
///   03-10 桂山 truck 1/2/0/0, 古城 truck 3/2/1/0.
///   decision days: 03-07 桂山 truck 30 ×100 (outside); 03-08 桂山 truck 1 ×2, 3 ×1, 古城 truck 2 ×1;
///   03-09 桂山 courier 0 ×3, 古城 care 5 ×1; 03-10 桂山 truck 4 ×2, 古城 truck 2 ×2, 10 ×1.
///
///   enterprises at 03-10 (township, department, category: enterprises/with union/forming/staff/staff in unionised/members there):
///   桂山 transport all 4/2/1/800/500/400; 桂山 '' all 1/0/0/150/0/0; 古城 transport all 2/2/0/300/300/240;
///   古城 industry_technology all 3/1/1/600/200/100; 桂山 transport key_npc_cppcc 2/1; 古城 industry_technology key_yuxi_industrial 2/2.
///   03-09: 桂山 transport all 99/50 (another day).
/// </summary>
internal static class MarchFigures
{
    public const string Date = "2034-03-10";
    public const string From = "2034-03-08";
    public const string Guishan = "530427001";
    public const string Gucheng = "530427002";
    public const string Yangwu = "530427100";

    public static Task SeedAsync(ApiFixture api) => new CoverageSeed(api)
        .Day("2034-03-07").Day("2034-03-08").Day("2034-03-09").Day(Date, frozen: false, computedAt: "2034-03-10 03:05:00")
        .Group("2034-03-07", Guishan, "truck_driver", workers: 200, members: 10, submitted: 50, approved: 50)
        .Group("2034-03-08", Guishan, "truck_driver", workers: 200, members: 86, submitted: 3, approved: 2, rejected: 1)
        .Group("2034-03-08", Guishan, "courier", workers: 100, members: 66)
        .Group("2034-03-08", Gucheng, "truck_driver", workers: 300, members: 117, submitted: 2, approved: 1)
        .Group("2034-03-08", Gucheng, "care_worker", workers: 50, members: 9)
        .Group("2034-03-09", Guishan, "truck_driver", workers: 200, members: 88)
        .Group("2034-03-09", Guishan, "courier", workers: 100, members: 69, submitted: 4, approved: 3, withdrawn: 1)
        .Group("2034-03-09", Gucheng, "truck_driver", workers: 300, members: 118)
        .Group("2034-03-09", Gucheng, "care_worker", workers: 50, members: 10, submitted: 1, approved: 1)
        .Group(Date, Guishan, "truck_driver", 200, 10, 4, 90, 5, 95, 3, 2, submitted: 1, approved: 2)
        .Group(Date, Guishan, "courier", 100, 5, 3, 70, 2, 72, 1, 0)
        .Group(Date, Gucheng, "truck_driver", 300, 12, 6, 120, 4, 125, 2, 1, submitted: 3, approved: 2, rejected: 1)
        .Group(Date, Gucheng, "care_worker", 50, 4, 1, 10, 1, 10, 0, 0)
        .Group(Date, Yangwu, "other", members: 5, approvedTotal: 5)
        .Decisions("2034-03-07", Guishan, "truck_driver", 30, 100)
        .Decisions("2034-03-08", Guishan, "truck_driver", 1, 2).Decisions("2034-03-08", Guishan, "truck_driver", 3, 1)
        .Decisions("2034-03-08", Gucheng, "truck_driver", 2, 1)
        .Decisions("2034-03-09", Guishan, "courier", 0, 3).Decisions("2034-03-09", Gucheng, "care_worker", 5, 1)
        .Decisions(Date, Guishan, "truck_driver", 4, 2).Decisions(Date, Gucheng, "truck_driver", 2, 2).Decisions(Date, Gucheng, "truck_driver", 10, 1)
        .Enterprises(Date, Guishan, "transport", "all_100plus", 4, 2, 1, 800, 500, 400)
        .Enterprises(Date, Guishan, "", "all_100plus", 1, 0, 0, 150, 0, 0)
        .Enterprises(Date, Gucheng, "transport", "all_100plus", 2, 2, 0, 300, 300, 240)
        .Enterprises(Date, Gucheng, "industry_technology", "all_100plus", 3, 1, 1, 600, 200, 100)
        .Enterprises(Date, Guishan, "transport", "key_npc_cppcc", 2, 1)
        .Enterprises(Date, Gucheng, "industry_technology", "key_yuxi_industrial", 2, 2)
        .Enterprises("2034-03-09", Guishan, "transport", "all_100plus", 99, 50)
        .SaveAsync();
}
