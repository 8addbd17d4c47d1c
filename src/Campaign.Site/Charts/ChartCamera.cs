namespace Campaign.Site.Charts;

/// <summary>
/// Takes a chart's PNG for press with headless Chromium, the browser that prints the reports: the chart drawn by the
/// theme's own stylesheet in its light colours, at twice the pixels of its CSS size, by the shared <see cref="Pdf.PageCamera"/>.
/// </summary>
public sealed class ChartCamera(string executable) : IDisposable
{
    /// <summary>The CSS width a chart is drawn at; the PNG is twice as wide.</summary>
    public const int CssWidth = 720;

    /// <summary>Changes whenever what the camera does changes, so cached PNGs from an older camera are not reused.</summary>
    public const string Version = "chart-camera-1;720;2x;light";

    private readonly Pdf.PageCamera _camera = new(executable);

    /// <summary>The PNG of the element <c>#shot</c> of each page (a page that needs no other file), in the pages' order, a few tabs at a time; <paramref name="done"/> is told of each as it is taken.</summary>
    public IReadOnlyList<byte[]> ShootAll(IReadOnlyList<string> pages, Action<int, byte[]>? done = null) => _camera.ShootAll(pages, Frame, Pdf.PageCamera.Tabs, done);

    private static readonly Pdf.CameraFrame Frame = new(CssWidth + 40, 800, 2);

    public void Dispose() => _camera.Dispose();
}
