using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Campaign.Site;
using Campaign.Tests.Support;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Campaign.Tests.Press;

/// <summary>
/// Downloads anyone can verify: with <c>signing: minisign_key:</c> the build signs SHA256SUMS (checked here with the real
/// <c>minisign</c>), and the press and mirrors pages give the public key and the commands; the mirrors page offers the
/// offline zip only when the build writes it.
/// </summary>
public sealed class SignatureTests
{
    private const string KeyPath = "../keys/test.key";

    private static string SignedSite(string keyPath = KeyPath) => PressCampaign.Site + $"\nsigning:\n  minisign_key: {keyPath}\n";

    /// <summary>A minisign secret key without a password, as <c>minisign -G -W</c> writes it, from a fixed seed.</summary>
    private static (byte[] File, string PublicKey, string KeyId) TestKey(string name = "test", bool encrypted = false, bool damaged = false)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes("campaign test key " + name));
        var keyId = SHA256.HashData(Encoding.UTF8.GetBytes("key id " + name))[..8];
        var pk = new byte[32];
        Ed25519.GeneratePublicKey(seed, 0, pk, 0);
        if (damaged) pk[0] ^= 1;
        byte[] key = [(byte)'E', (byte)'d', .. encrypted ? "Sc"u8.ToArray() : [0, 0], (byte)'B', (byte)'2', .. new byte[48], .. keyId, .. seed, .. pk, .. new byte[32]];
        var file = Encoding.UTF8.GetBytes("untrusted comment: minisign encrypted secret key\n" + Convert.ToBase64String(key) + "\n");
        return (file, Convert.ToBase64String([(byte)'E', (byte)'d', .. keyId, .. pk]), Convert.ToHexString([.. keyId.Reverse()]));
    }

    private static TestCampaign Signed(out string publicKey, out string keyId)
    {
        var c = new TestCampaign(SignedSite() + "\n" + PressCampaign.Content);
        var (file, pub, id) = TestKey();
        c.WriteBytes(KeyPath, file);
        publicKey = pub;
        keyId = id;
        return c;
    }

    private static (int Code, string Output) Run(string exe, string dir, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    public void A_configured_key_signs_SHA256SUMS_and_the_press_and_mirrors_pages_show_the_key_and_the_commands_in_both_languages()
    {
        using var c = Signed(out var publicKey, out var keyId);
        c.BuildOk();
        // As the page's HTML writes it (the theme's encoder writes `+` as a character reference; browsers show and copy `+`).
        var shown = publicKey.Replace("+", "&#x2B;", StringComparison.Ordinal);
        c.AssertFile("SHA256SUMS.minisig", $"""
            untrusted comment: signature from minisign secret key {keyId}
            trusted comment: file:SHA256SUMS	site:https://campaign.example.org/
            """);
        Assert.Equal($"untrusted comment: minisign public key {keyId}\n{publicKey}\n", c.Read("minisign.pub"));
        foreach (var page in new[] { "press", "mirrors" })
        {
            c.AssertFile($"en/{page}/index.html", $"""
                <h3 id="signature-title">Signed checksums</h3>
                <code class="hash public-key">{shown}</code> (key ID {keyId})
                <a href="../../SHA256SUMS.minisig" type="text/plain">SHA256SUMS.minisig</a>
                <a href="../../minisign.pub" type="text/plain" download="minisign.pub">minisign.pub</a>
                minisign -Vm SHA256SUMS -P {shown}
                sha256sum -c --ignore-missing SHA256SUMS
                <code>minisign -Vm SHA256SUMS -p minisign.pub</code>
                a mirror can change this page too
                """);
            c.AssertFile($"zh/{page}/index.html", $"""
                <h3 id="signature-title">经签名的校验值</h3>
                (密钥ID：{keyId})
                minisign -Vm SHA256SUMS -P {shown}
                镜像也可能篡改本页面
                """);
        }
        Assert.DoesNotContain(Convert.ToBase64String(TestKey().File), string.Concat(Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    [Fact]
    public void The_signature_is_the_same_bytes_on_every_build()
    {
        using var c = Signed(out _, out _);
        c.BuildOk();
        var first = File.ReadAllBytes(Path.Combine(c.Output, "SHA256SUMS.minisig"));
        c.BuildOk();
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(c.Output, "SHA256SUMS.minisig")));
    }

    [Fact]
    public void Minisign_verifies_the_signature_with_the_key_the_pages_give_and_refuses_altered_sums()
    {
        var minisign = RequiredTools.RequireOnPath("minisign", "minisign");
        using var c = Signed(out var publicKey, out _);
        c.BuildOk();
        var (code, output) = Run(minisign, c.Output, "-Vm", "SHA256SUMS", "-P", publicKey);
        Assert.True(code == 0, output);
        Assert.Contains("Signature and comment signature verified", output);
        Assert.Contains("Trusted comment: file:SHA256SUMS\tsite:https://campaign.example.org/", output);
        (code, output) = Run(minisign, c.Output, "-Vm", "SHA256SUMS", "-p", "minisign.pub");
        Assert.True(code == 0, output);

        // A mirror that swaps a file changes its line in SHA256SUMS too: the signature no longer matches.
        var sums = File.ReadAllText(Path.Combine(c.Output, "SHA256SUMS"));
        File.WriteAllText(Path.Combine(c.Output, "SHA256SUMS"), "0000" + sums[4..]);
        (code, output) = Run(minisign, c.Output, "-Vm", "SHA256SUMS", "-P", publicKey);
        Assert.NotEqual(0, code);
        Assert.Contains("verification failed", output);
    }

    [Fact]
    public void A_key_made_by_minisign_itself_signs_sums_that_minisign_verifies()
    {
        var minisign = RequiredTools.RequireOnPath("minisign", "minisign");
        using var c = new TestCampaign(SignedSite("../keys/real.key") + "\n" + PressCampaign.Content);
        var keys = Path.Combine(c.Root, "keys");
        Directory.CreateDirectory(keys);
        var (code, output) = Run(minisign, keys, "-G", "-W", "-p", "real.pub", "-s", "real.key");
        Assert.True(code == 0, output);
        c.BuildOk();
        (code, output) = Run(minisign, c.Output, "-Vm", "SHA256SUMS", "-p", Path.Combine(keys, "real.pub"));
        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllLines(Path.Combine(keys, "real.pub"))[1], File.ReadAllLines(Path.Combine(c.Output, "minisign.pub"))[1]);
    }

    [Theory]
    [InlineData("missing", "There is no signing key")]
    [InlineData("public", "is a minisign public key")]
    [InlineData("encrypted", "protected by a password")]
    [InlineData("damaged", "is damaged")]
    [InlineData("garbage", "is not a minisign secret key")]
    [InlineData("assets", "inside assets/")]
    public void A_signing_key_that_cannot_be_used_is_an_error_at_its_line_in_site_yaml(string kind, string message)
    {
        var path = kind == "assets" ? "assets/keys/test.key" : KeyPath;
        using var c = new TestCampaign(SignedSite(path) + "\n" + PressCampaign.Content);
        var (file, publicKey, _) = TestKey(encrypted: kind == "encrypted", damaged: kind == "damaged");
        switch (kind)
        {
            case "missing": break;
            case "public": c.Write(path, "untrusted comment: minisign public key\n" + publicKey + "\n"); break;
            case "garbage": c.Write(path, "-----BEGIN PGP PRIVATE KEY BLOCK-----\nnot minisign\n"); break;
            default: c.WriteBytes(path, file); break;
        }
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP193");
        Assert.Contains(message, d.Message);
        Assert.Equal("site.yaml", d.Location!.File);
        var lines = File.ReadAllLines(Path.Combine(c.Input, "site.yaml"));
        Assert.Equal(Array.FindIndex(lines, l => l.Contains("minisign_key:", StringComparison.Ordinal)) + 1, d.Location.Line);
        Assert.Equal("signing.minisign_key", d.Field);
        Assert.False(string.IsNullOrEmpty(d.Hint));
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void Without_a_key_SHA256SUMS_is_published_unsigned_and_no_page_mentions_a_signature()
    {
        using var c = new TestCampaign(PressCampaign.All);
        c.BuildOk();
        Assert.True(c.Exists("SHA256SUMS"));
        Assert.False(c.Exists("SHA256SUMS.minisig"));
        Assert.False(c.Exists("minisign.pub"));
        c.AssertFile("en/press/index.html", "! minisign\n! signature-title");
        c.AssertFile("en/mirrors/index.html", "<h2 id=\"mirrors-check\">Checking a copy</h2>\n../../SHA256SUMS\n! minisign");
    }

    [Fact]
    public void The_mirrors_page_offers_the_offline_zip_only_when_the_build_writes_it()
    {
        using var c = new TestCampaign(PressCampaign.All);
        c.BuildOk();
        c.AssertFile("en/mirrors/index.html", "! .zip\n! whole site is also offered");
        c.AssertFile("zh/mirrors/index.html", "! .zip\n! 整个网站也以单一文件提供");

        var result = SiteBuilder.Build(c.Options() with { Bundle = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        const string zip = "campaign-2026-11-25.zip";
        Assert.True(c.Exists(zip));
        c.AssertFile("en/mirrors/index.html", $"""
            The whole site is also offered as one file
            <a class="bundle-link" href="../../{zip}">{zip}</a>
            <a href="../../{zip}.sha256" type="text/plain">
            """);
        c.AssertFile("zh/mirrors/index.html", $"整个网站也以单一文件提供\nhref=\"../../{zip}\"");
        // The copy inside the zip cannot link to itself.
        using var archive = ZipFile.OpenRead(Path.Combine(c.Output, zip));
        using var reader = new StreamReader(archive.GetEntry("campaign-2026-11-25/en/mirrors/index.html")!.Open());
        var inside = reader.ReadToEnd();
        Assert.DoesNotContain(".zip", inside);
        Assert.Contains("mirrors-check", inside);
    }
}
