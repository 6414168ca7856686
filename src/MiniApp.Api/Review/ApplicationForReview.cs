using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// An application as a reviewer sees it in the queue and on its own: the worker's view and the flags.
/// </summary>
public sealed record ApplicationForReview : ApplicationView
{
    public ApplicationForReview(ApplicationView view, ReviewFlags flags) : base(view) => Flags = flags;

    public ReviewFlags Flags { get; }

    public static async Task<List<ApplicationForReview>> LoadAsync(Db db, StaffContext staff,
        IReadOnlyList<ApplicationRow> rows)
    {
        var flags = await ReviewFlags.LoadAsync(db, staff, rows);
        return rows.Select(row => new ApplicationForReview(row.ToView(), flags[row.Id])).ToList();
    }
}
