using Campaign.Core.Diagnostics;

namespace Campaign.Core.Model;

/// <summary><c>signing:</c> in <c>site.yaml</c>: the minisign secret key file that signs <c>SHA256SUMS</c>, as written there.</summary>
/// <param name="MinisignKey">The key file's path, relative to the input folder (best outside it and outside any repository).</param>
/// <param name="At">Where the path is written, for diagnostics.</param>
public sealed record SigningConfig(string MinisignKey, SourceLocation At, string Field);

/// <summary>
/// A minisign (Ed25519) secret key, read at load from the file <see cref="SigningConfig"/> names. Only the signature and
/// the public half are ever written out; the secret never reaches a page model.
/// </summary>
/// <param name="KeyId">The 8-byte key number minisign stores in the key, the public key and every signature.</param>
/// <param name="Seed">The 32-byte Ed25519 secret seed.</param>
/// <param name="PublicKey">The 32-byte Ed25519 public key.</param>
public sealed record SigningKey(byte[] KeyId, byte[] Seed, byte[] PublicKey)
{
    /// <summary>The key ID as minisign prints it (<c>4467B748A08C2AC6</c>: the stored bytes in reverse, in hex).</summary>
    public string KeyIdText => Convert.ToHexString([.. KeyId.Reverse()]);

    /// <summary>The public key as one line (<c>RW…</c>), which <c>minisign -P</c> takes and <c>minisign.pub</c> holds.</summary>
    public string PublicKeyText => Convert.ToBase64String([(byte)'E', (byte)'d', .. KeyId, .. PublicKey]);

    /// <summary>What <c>minisign -G</c> writes to a public key file.</summary>
    public string PublicKeyFile => $"untrusted comment: minisign public key {KeyIdText}\n{PublicKeyText}\n";

    /// <summary>Never the secret, in a log or a debugger.</summary>
    public override string ToString() => $"minisign key {KeyIdText}";
}
