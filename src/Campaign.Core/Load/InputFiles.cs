using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>What a path turned out to be once every symbolic link on the way was followed, seen without opening it.</summary>
/// <param name="RealPath">The path with every link resolved (null when it leads nowhere or in a loop).</param>
/// <param name="Inside">Whether <paramref name="RealPath"/> lies inside the folder it was looked up from.</param>
public sealed record InputEntry(InputEntryKind Kind, string? RealPath, bool Inside);

/// <summary>The kinds of thing a path can be, as far as the build cares.</summary>
public enum InputEntryKind { Missing, File, Directory, Special, Loop }

/// <summary>
/// The one gate for reading the input and theme folders: only regular files whose real path lies inside the folder
/// are read. A symbolic link inside the folder is followed when its target is inside too (a shared image linked from
/// two places); one that leads outside would publish a file of the build machine (CI secrets), and a device or FIFO
/// would make the build read forever or hang on opening, so both are refused by what they are, before anything is opened.
/// </summary>
public static class InputFiles
{
    /// <summary>Real paths of the folders files are looked up from; they are looked up for every file, and rarely move.</summary>
    private static readonly ConcurrentDictionary<string, string> RealRoots = new(StringComparer.Ordinal);

    /// <summary>Links followed before a path counts as a loop (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>Looks up <paramref name="path"/>, which lies under <paramref name="root"/>, following links but opening nothing.</summary>
    public static InputEntry Inspect(string root, string path)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!RealRoots.TryGetValue(fullRoot, out var realRoot))
        {
            realRoot = Walk(Path.GetPathRoot(fullRoot)!, fullRoot[Path.GetPathRoot(fullRoot)!.Length..]).RealPath;
            if (realRoot is null) return new InputEntry(InputEntryKind.Missing, null, false); // not remembered: it may be created yet
            RealRoots[fullRoot] = realRoot;
        }
        var relative = Path.GetRelativePath(fullRoot, Path.GetFullPath(path));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return new InputEntry(InputEntryKind.Missing, null, false);
        var entry = Walk(realRoot, relative == "." ? "" : relative);
        var inside = entry.RealPath is { } real && (real == realRoot || real.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        return entry with { Inside = inside };
    }

    /// <summary>
    /// Why the file at <paramref name="path"/> may not be read, reported as a diagnostic on <paramref name="relative"/>,
    /// or nothing when it is a regular file inside <paramref name="root"/>. Never names the target: the message must not
    /// tell a public build log where the machine keeps its secrets.
    /// </summary>
    public static bool Refuse(string root, string path, string relative, DiagnosticList diagnostics)
    {
        var entry = Inspect(root, path);
        var where = new SourceLocation(relative);
        switch (entry.Kind)
        {
            case InputEntryKind.Loop:
                diagnostics.Error("CMP144", "The file is a symbolic link that leads in a loop; it is not read.", where,
                    hint: "replace the link with the file itself");
                return true;
            case InputEntryKind.Missing:
                diagnostics.Error("CMP144", "The file does not exist, or is a symbolic link that leads to no file; it is not read.", where,
                    hint: "replace the link with the file itself");
                return true;
            case InputEntryKind.Special:
                diagnostics.Error("CMP145", "This is not a regular file (a device, a named pipe or a socket); it is not read.", where,
                    hint: "delete it, or put a real file with the content in its place");
                return true;
            case InputEntryKind.Directory:
                return true; // callers ask about files; a folder where a file was expected is simply not a file to read
        }
        if (entry.Inside) return false;
        diagnostics.Error("CMP144", "The file is a symbolic link to a file outside the folder; it is not read, so nothing outside is published.", where,
            hint: "copy the file into the folder instead of linking to it");
        return true;
    }

    /// <summary>
    /// The bytes of a file that passes <see cref="Refuse"/>, read to at most <paramref name="maxBytes"/>: the size the file
    /// system reports is only a first check, since a file can grow while it is read or report less than it holds. Without a
    /// limit, at most what one array holds (2 GB).
    /// </summary>
    public static byte[]? ReadBytes(string root, string path, string relative, DiagnosticList diagnostics, long maxBytes = 0x7FFFFFC7)
    {
        if (Refuse(root, path, relative, diagnostics)) return null;
        try
        {
            var reported = new FileInfo(path).Length;
            if (reported > maxBytes)
            {
                TooLarge(reported, relative, maxBytes, diagnostics);
                return null;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            // One buffer of the reported size, as File.ReadAllBytes; then whatever the file holds beyond it, up to the limit.
            var bytes = new byte[reported];
            var filled = 0;
            int read;
            while (filled < bytes.Length && (read = stream.Read(bytes, filled, bytes.Length - filled)) > 0) filled += read;
            if (filled < bytes.Length) return bytes[..filled];
            var chunk = new byte[81920];
            if ((read = stream.Read(chunk, 0, chunk.Length)) == 0) return bytes;
            using var more = new MemoryStream();
            more.Write(bytes, 0, filled);
            do
            {
                if (more.Length + read > maxBytes)
                {
                    TooLarge(null, relative, maxBytes, diagnostics);
                    return null;
                }
                more.Write(chunk, 0, read);
            }
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0);
            return more.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error("CMP145", "The file cannot be read.", new SourceLocation(relative), hint: "check that it exists and can be read by the user running the build");
            return null;
        }
    }

    private static void TooLarge(long? size, string relative, long maxBytes, DiagnosticList diagnostics)
    {
        var mb = maxBytes / (1024 * 1024);
        var message = size is { } s ? $"The file is {s / (1024 * 1024)} MB; content files may be at most {mb} MB." : $"The file is larger than {mb} MB; content files may be at most {mb} MB.";
        diagnostics.Error("CMP010", message, new SourceLocation(relative), hint: "split it into smaller files");
    }

    /// <summary>
    /// The files under <paramref name="dir"/> (a folder under <paramref name="root"/>) that may be read, in ordinal order:
    /// links to folders are followed only when they stay inside <paramref name="root"/>, and never into themselves. Links that leave,
    /// loops and special files are reported on their path relative to <paramref name="root"/> prefixed by
    /// <paramref name="shownRoot"/> (<c>theme/</c> for the theme) and left out.
    /// </summary>
    public static IEnumerable<string> Enumerate(string root, string dir, DiagnosticList diagnostics, bool recursive, string shownRoot = "")
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var top = Inspect(root, dir);
        if (top.Kind != InputEntryKind.Directory) return files;
        if (!top.Inside)
        {
            Report(InputEntryKind.Directory, dir);
            return files;
        }
        Visit(dir, top.RealPath!);
        files.Sort(StringComparer.Ordinal);
        return files;

        // A folder linked into itself (or an ancestor) is a loop: it is entered once on each path down, not again below itself.
        void Visit(string folder, string real)
        {
            if (!seen.Add(real)) return;
            foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                var entry = Inspect(root, path);
                if (entry.Kind == InputEntryKind.Directory && entry.Inside) { if (recursive) Visit(path, entry.RealPath!); }
                else if (entry.Kind == InputEntryKind.File && entry.Inside) files.Add(path);
                else if (entry.Kind != InputEntryKind.Directory || recursive) Report(entry.Kind, path);
            }
            seen.Remove(real);
        }

        void Report(InputEntryKind kind, string path)
        {
            var shown = shownRoot + Path.GetRelativePath(root, path).Replace('\\', '/');
            if (kind == InputEntryKind.Directory)
                diagnostics.Error("CMP144", "The folder is a symbolic link to a folder outside; it is not read, so nothing outside is published.", new SourceLocation(shown),
                    hint: "copy the files into the folder instead of linking to them");
            else
                Refuse(root, path, shown, diagnostics);
        }
    }

    /// <summary>Follows <paramref name="relative"/> from the real folder <paramref name="start"/>, one part at a time, as the kernel would.</summary>
    private static InputEntry Walk(string start, string relative)
    {
        var pending = new Stack<string>();
        Push(pending, relative);
        var current = start;
        var kind = InputEntryKind.Directory;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".") continue;
            if (kind != InputEntryKind.Directory) return new InputEntry(InputEntryKind.Missing, null, false);
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            var type = FileTypeOf.Get(next);
            if (type == FileType.Link)
            {
                if (++links > MaxLinks) return new InputEntry(InputEntryKind.Loop, null, false);
                var target = new FileInfo(next).LinkTarget;
                if (target is null) return new InputEntry(InputEntryKind.Missing, null, false);
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target[current.Length..];
                }
                Push(pending, target);
                continue;
            }
            kind = type switch
            {
                FileType.Missing => InputEntryKind.Missing,
                FileType.Directory => InputEntryKind.Directory,
                FileType.Regular => InputEntryKind.File,
                _ => InputEntryKind.Special,
            };
            if (kind == InputEntryKind.Missing) return new InputEntry(kind, null, false);
            current = next;
        }
        return new InputEntry(kind, current, false);
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    /// <summary>
    /// The type of a directory entry without following it. .NET has no public API for it (its attributes do not tell a
    /// FIFO from a file), so on Unix this asks the runtime's own native library, whose status layout puts the mode,
    /// already in the portable S_IF* values, right after a flags word.
    /// </summary>
    private enum FileType { Missing, Regular, Directory, Link, Other }

    private static class FileTypeNative
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }

    private static class FileTypeOf
    {
        public static FileType Get(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                var info = new FileInfo(path);
                if (!info.Exists && !Directory.Exists(path)) return info.LinkTarget is not null ? FileType.Link : FileType.Missing;
                if (info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return FileType.Link;
                return info.Attributes.HasFlag(FileAttributes.Directory) ? FileType.Directory
                    : info.Attributes.HasFlag(FileAttributes.Device) ? FileType.Other : FileType.Regular;
            }
            var status = new byte[256]; // larger than the runtime's status record in any version
            if (FileTypeNative.LStat(path, status) != 0) return FileType.Missing;
            return (BitConverter.ToInt32(status, 4) & 0xF000) switch
            {
                0x8000 => FileType.Regular,
                0x4000 => FileType.Directory,
                0xA000 => FileType.Link,
                _ => FileType.Other, // FIFO, character or block device, socket
            };
        }
    }
}
