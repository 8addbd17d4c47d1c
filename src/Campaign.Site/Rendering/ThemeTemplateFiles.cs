using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Campaign.Site.Rendering;

/// <summary>
/// The theme's Liquid files read once into memory, for Fluid's <c>{% render %}</c>: Fluid asks its file provider for
/// the partial on every render (to check its cached parse is current), and asking the disk cost a quarter of the
/// rendering time. A theme is loaded again for every build, so an edited partial is still picked up.
/// Anything that is not a <c>.liquid</c> file of the theme falls through to the folder itself.
/// </summary>
internal sealed class ThemeTemplateFiles(string root, IReadOnlyDictionary<string, byte[]> files) : IFileProvider
{
    private readonly PhysicalFileProvider _disk = new(root);
    private readonly DateTimeOffset _loaded = DateTimeOffset.UtcNow;

    /// <summary>Reads every <c>.liquid</c> file under <paramref name="root"/>, keyed by its path with forward slashes.</summary>
    public static ThemeTemplateFiles Read(string root)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        // Only files that pass the input gate (Theme.Load reports the rest); anything else is not served from the disk either.
        var refused = new DiagnosticList();
        foreach (var file in InputFiles.Enumerate(root, root, refused, recursive: true).Where(f => f.EndsWith(".liquid", StringComparison.Ordinal)))
            if (InputFiles.ReadBytes(root, file, file, refused, TextFile.MaxBytes) is { } bytes)
                files[Path.GetRelativePath(root, file).Replace('\\', '/')] = bytes;
        return new ThemeTemplateFiles(root, files);
    }

    /// <summary>The theme's Liquid files by path (<c>layouts/base.liquid</c>), as read.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => files;

    public IFileInfo GetFileInfo(string subpath) =>
        files.TryGetValue(subpath.Replace('\\', '/').TrimStart('/'), out var bytes)
            ? new MemoryFile(Path.GetFileName(subpath), bytes, _loaded)
            : _asked.GetOrAdd(subpath, OnDisk);

    /// <summary>The folder's answer, for a regular file inside the theme only: never a link out of it or a FIFO, which would hang the render.</summary>
    private IFileInfo OnDisk(string subpath) =>
        InputFiles.Inspect(root, Path.Combine(root, subpath.TrimStart('/', '\\'))) is { Kind: InputEntryKind.File, Inside: true } ? _disk.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);

    /// <summary>
    /// What the folder answered, per path: Fluid first asks for a partial by its name without the extension
    /// (<c>partials/header</c>), which is not a theme file, on every render; asking the disk each time was a failed
    /// lstat per include (46,000 in a build of 2,000 findings). Like the files above, the answers last as long as this load.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFileInfo> _asked = new(StringComparer.Ordinal);

    public IDirectoryContents GetDirectoryContents(string subpath) => _disk.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => _disk.Watch(filter);

    /// <summary>One template file's bytes.</summary>
    private sealed class MemoryFile(string name, byte[] bytes, DateTimeOffset modified) : IFileInfo
    {
        public bool Exists => true;
        public long Length => bytes.LongLength;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => modified;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
