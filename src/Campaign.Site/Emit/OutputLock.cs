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

    /// <summary>The lock file's path.</summary>
    public string Path { get; }

    private OutputLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
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
        holder = "";
        var path = FileFor(outputDir);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
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
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
        file.Flush();
        return new OutputLock(file, path);
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

    /// <summary>Releases the lock (closing the file does); the file stays, as deleting it would race the next build's lock.</summary>
    public void Dispose() => _file.Dispose();

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EWouldBlock = 11; // EAGAIN on Linux; flock reports a held lock with it
    private const int EWouldBlockBsd = 35; // the same on macOS

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);
}
