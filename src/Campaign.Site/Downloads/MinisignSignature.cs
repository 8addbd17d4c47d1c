using System.Text;
using Campaign.Core.Model;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Campaign.Site.Downloads;

/// <summary>
/// A detached minisign signature (<c>SHA256SUMS.minisig</c>), as <c>minisign -S</c> writes it and <c>minisign -V</c>
/// checks it: the BLAKE2b-512 of the file signed with Ed25519 (algorithm <c>ED</c>), then that signature and the trusted
/// comment signed again. Ed25519 is deterministic and the comment holds no time, so the same sums and key give the same
/// bytes on every build.
/// </summary>
public static class MinisignSignature
{
    public const string FileName = "SHA256SUMS.minisig";
    public const string PublicKeyName = "minisign.pub";

    /// <param name="trustedComment">Signed with the file, and printed by <c>minisign -V</c>; one line.</param>
    public static byte[] Sign(SigningKey key, byte[] message, string trustedComment)
    {
        var blake = new Blake2bDigest(512);
        blake.BlockUpdate(message, 0, message.Length);
        var hash = new byte[64];
        blake.DoFinal(hash, 0);
        var signature = Ed25519Sign(key, hash);
        var global = Ed25519Sign(key, [.. signature, .. Encoding.UTF8.GetBytes(trustedComment)]);
        var text = $"untrusted comment: signature from minisign secret key {key.KeyIdText}\n"
            + Convert.ToBase64String([(byte)'E', (byte)'D', .. key.KeyId, .. signature]) + "\n"
            + $"trusted comment: {trustedComment}\n"
            + Convert.ToBase64String(global) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The trusted comment of a site's sums: which file, and whose site (the base URL, else the title).</summary>
    public static string TrustedComment(SiteConfig site) =>
        $"file:SHA256SUMS\tsite:{(site.BaseUrl ?? site.Title.Get(site.DefaultLanguage, site.DefaultLanguage)).Replace('\n', ' ').Replace('\t', ' ')}";

    private static byte[] Ed25519Sign(SigningKey key, byte[] message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(key.Seed, 0, message, 0, message.Length, signature, 0);
        return signature;
    }
}
