using System.Runtime.InteropServices;

namespace Campaign.Site.Emit;

/// <summary>
/// Puts a finished build in the output folder's place so that there is never a moment without a complete output:
/// on Linux both folders trade places in one system call (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>); elsewhere,
/// or on a file system without it, the old folder is first moved aside under a fixed name, which the next build
/// puts back (<see cref="Repair"/>) when a kill came between the two renames.
/// </summary>
internal static class OutputSwap
{
    /// <summary>Where the two-step swap keeps the previous output while the new one is moved in.</summary>
    public static string AsideOf(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.old");

    /// <summary>Moves <paramref name="built"/> to <paramref name="target"/>; returns the folder now holding the previous output, to delete, or null.</summary>
    /// <param name="exchange">False swaps in two steps even where one would do (for the tests of the fallback).</param>
    public static string? Commit(string built, string target, bool exchange = true)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(built, target);
            return null;
        }
        if (exchange && OperatingSystem.IsLinux() && Exchange(built, target)) return built;
        var aside = AsideOf(target);
        if (Directory.Exists(aside)) Directory.Delete(aside, recursive: true);
        Directory.Move(target, aside);
        Directory.Move(built, target); // a kill here leaves no target, and the aside copy the next build restores
        return aside;
    }

    /// <summary>
    /// When a build was killed between the two renames (the aside copy is there, the output is not), moves the aside
    /// copy back; true when it did. Runs under the output's lock, before anything stale is deleted.
    /// </summary>
    public static bool Repair(string target)
    {
        if (Directory.Exists(target) || File.Exists(target)) return false;
        var aside = AsideOf(target);
        if (!Directory.Exists(aside)) return false;
        Directory.Move(aside, target);
        return true;
    }

    /// <summary>Swaps two folders atomically; false when the platform or file system cannot, so the caller swaps in two steps.</summary>
    private static bool Exchange(string a, string b)
    {
        try
        {
            if (RenameAt2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0) return true;
        }
        catch (EntryPointNotFoundException) { return false; } // a C library older than glibc 2.28
        catch (DllNotFoundException) { return false; }
        var errno = Marshal.GetLastPInvokeError();
        if (errno is EInvalid or ENotSupported or ENoSystemCall) return false; // the file system does not exchange (some network and FUSE ones)
        throw new IOException($"cannot swap {a} into {b}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;
    private const int EInvalid = 22;
    private const int ENotSupported = 95;
    private const int ENoSystemCall = 38;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
