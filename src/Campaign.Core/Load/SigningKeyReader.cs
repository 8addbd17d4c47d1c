using Campaign.Core.Diagnostics;
using Campaign.Core.Model;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Campaign.Core.Load;

/// <summary>
/// Reads the minisign secret key that <c>signing: minisign_key:</c> names (CMP193 for every way it can be wrong). The key
/// must be one made without a password (<c>minisign -G -W</c>), since a build cannot type one, and it must not lie
/// where the build publishes files (<c>assets/</c>), or the secret would be on the site.
/// </summary>
public static class SigningKeyReader
{
    /// <summary>A minisign secret key's bytes: algorithm, KDF, checksum algorithm, salt, limits, key ID, secret key, checksum.</summary>
    private const int KeyLength = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;

    public static SigningKey? Read(string inputDir, SigningConfig config, DiagnosticList diagnostics)
    {
        void Problem(string message, string hint) => diagnostics.Error("CMP193", message, config.At, config.Field, hint);

        var path = Path.GetFullPath(Path.Combine(inputDir, config.MinisignKey));
        var assets = Path.GetFullPath(Path.Combine(inputDir, "assets")) + Path.DirectorySeparatorChar;
        if (path.StartsWith(assets, StringComparison.Ordinal))
        {
            Problem("The signing key is inside assets/, which the build publishes: the secret key would be on the site.",
                "move the key out of the input folder (for example to ../keys/campaign.key, outside any repository) and write that path");
            return null;
        }
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                Problem($"There is no signing key at {config.MinisignKey} (relative to the input folder).",
                    "make one with `minisign -G -W -s <file> -p <file>.pub` and write its path, or delete `signing:` to publish SHA256SUMS unsigned");
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problem($"The signing key {config.MinisignKey} cannot be read: {ex.Message}", "check that the file is readable by the user who builds the site");
            return null;
        }
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var data = lines.FirstOrDefault(l => !l.StartsWith("untrusted comment:", StringComparison.Ordinal));
        byte[]? key = null;
        try { key = data is null ? null : Convert.FromBase64String(data.Trim()); }
        catch (FormatException) { }
        if (key is { Length: 42 } && key[0] == 'E' && key[1] == 'd')
        {
            Problem($"{config.MinisignKey} is a minisign public key; signing needs the secret key.",
                "write the path of the secret key file (minisign -G writes it with -s; by default ~/.minisign/minisign.key)");
            return null;
        }
        if (key is not { Length: KeyLength } || key[0] != 'E' || key[1] != 'd' || key[4] != 'B' || key[5] != '2')
        {
            Problem($"{config.MinisignKey} is not a minisign secret key.",
                "make one with `minisign -G -W -s <file> -p <file>.pub`; other kinds of key (OpenPGP, SSH) are not read");
            return null;
        }
        if (key[2] != 0 || key[3] != 0)
        {
            Problem($"The signing key {config.MinisignKey} is protected by a password, which a build cannot type.",
                "make a key without a password (`minisign -G -W`), keep it outside the repository, readable only by you, and publish its new public key");
            return null;
        }
        var keyId = key[54..62];
        var seed = key[62..94];
        var publicKey = key[94..126];
        var derived = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(seed, 0, derived, 0);
        if (!derived.AsSpan().SequenceEqual(publicKey))
        {
            Problem($"The signing key {config.MinisignKey} is damaged: its public half does not belong to its secret half.",
                "restore the key file from a backup, or make a new key with `minisign -G -W` and publish its public key");
            return null;
        }
        return new SigningKey(keyId, seed, publicKey);
    }
}
