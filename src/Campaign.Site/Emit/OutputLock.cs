using System.Runtime.InteropServices;
using System.Text;

namespace Campaign.Site.Emit;

/// <summary>
/// One build or preview at a time per output folder: an exclusive lock on <c>.&lt;name&gt;.lock</c> beside the folder
/// (not inside it: the folder itself is swapped on commit). A second build fails at once rather than waiting, because
/// the usual holder is a live preview that runs for hours, and a build that hangs silently is worse than one that
/// says who holds the folder.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _file;
    private readonly bool _deleteOnRelease;

    /// <summary>The lock file's path.</summary>
    public string Path { get; }

    private OutputLock(FileStream file, string path, bool deleteOnRelease)
    {
        _file = file;
        Path = path;
        _deleteOnRelease = deleteOnRelease;
    }

    /// <summary>The lock file for <paramref name="outputDir"/>.</summary>
    public static string FileFor(string outputDir)
    {
        var target = System.IO.Path.GetFullPath(outputDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, $".{System.IO.Path.GetFileName(target)}.lock");
    }

    /// <summary>
    /// Takes the lock, or returns null with what the lock file says about its holder (its process id) when another
    /// build holds it. Creates the folder the output goes in when it is missing.
    /// </summary>
    public static OutputLock? TryAcquire(string outputDir, out string holder)
    {
        var path = FileFor(outputDir);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        // A build that releases the lock deletes its file; one that locked that file just before the deletion holds a
        // lock on a file no longer there, and tries again with the new one.
        for (var attempt = 0; ; attempt++)
        {
            var held = TryAcquireOnce(path, out holder, out var current);
            if (held is null || current || attempt == 10) return held;
            held._file.Dispose();
        }
    }

    private static OutputLock? TryAcquireOnce(string path, out string holder, out bool current)
    {
        holder = "";
        current = true;
        FileStream file;
        try
        {
            // On Windows the share mode is the lock; elsewhere flock below is (the CLI turns .NET's own advisory locking off).
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException ex) when (OperatingSystem.IsWindows() || (ex.HResult & 0xFFFF) is EWouldBlock or EWouldBlockBsd)
        {
            // Where .NET's own advisory locking is on (the tests, a host of the library), it refuses the open itself
            // while another build has the flock; the holder's id cannot then be read.
            return null;
        }
        if (!OperatingSystem.IsWindows() && Flock(file.SafeFileHandle.DangerousGetHandle().ToInt32(), LockExclusive | LockNonBlocking) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            holder = ReadHolder(file);
            file.Dispose();
            if (errno is EWouldBlock or EWouldBlockBsd) return null;
            throw new IOException($"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
        var same = SameFile(file, path);
        current = same != false;
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
        file.Flush();
        // Deleted on release only where it can be told whether the lock is on the file still at the path (Linux), so
        // a build leaves nothing beside its output but the output.
        return new OutputLock(file, path, deleteOnRelease: same is not null);
    }

    /// <summary>Whether the open file is the one now at <paramref name="path"/> (same device and inode); null where that cannot be told.</summary>
    private static bool? SameFile(FileStream file, string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            // struct stat on Linux (x86-64 and the generic layout of arm64) starts with st_dev and st_ino, 8 bytes each.
            var open = new byte[256];
            var named = new byte[256];
            if (FileStat(file.SafeFileHandle.DangerousGetHandle().ToInt32(), open) != 0) return null;
            if (PathStat(path, named) != 0) return false; // deleted by the holder that just released it
            return open.AsSpan(0, 16).SequenceEqual(named.AsSpan(0, 16));
        }
        catch (EntryPointNotFoundException) { return null; } // a C library before glibc 2.33 exports no stat
    }

    private static string ReadHolder(FileStream file)
    {
        try
        {
            var bytes = new byte[32];
            var n = file.Read(bytes);
            return Encoding.ASCII.GetString(bytes, 0, n).Trim();
        }
        catch (IOException) { return ""; }
    }

    /// <summary>Releases the lock (closing the file does), deleting the file first where <see cref="SameFile"/> can tell a stale one.</summary>
    public void Dispose()
    {
        if (_deleteOnRelease)
            try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { } // still locked: no one can take it in between
        _file.Dispose();
    }

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EWouldBlock = 11; // EAGAIN on Linux; flock reports a held lock with it
    private const int EWouldBlockBsd = 35; // the same on macOS

    [DllImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static extern int FileStat(int fd, [Out] byte[] stat);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int PathStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] stat);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);
}
