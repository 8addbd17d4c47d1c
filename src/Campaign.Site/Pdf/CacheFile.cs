namespace Campaign.Site.Pdf;

/// <summary>A file of the build cache (printed PDFs, chart PNGs, social cards), written so that no build ever reads a half-written one.</summary>
internal static class CacheFile
{
    /// <summary>Writes <paramref name="bytes"/> beside <paramref name="path"/> and moves them into place in one step.</summary>
    public static void Write(string path, byte[] bytes)
    {
        // Another build (or another tab of this one) may write the same cache at once: each writes its own temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
