namespace Campaign.Site.Downloads;

/// <summary>
/// Downloads as a template reads them (<c>downloads.files</c>): looked up when the page renders, after every
/// feature has registered its files, so a page never lists a file that is not written or misses one that is.
/// </summary>
public sealed class DownloadList(Func<IReadOnlyList<Download>> source)
{
    public IReadOnlyList<Download> Files => source();
}
