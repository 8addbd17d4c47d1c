using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Campaign.Core;

/// <summary>
/// The encoder for every JSON file the site publishes: Chinese and other scripts stay readable, but
/// <c>&lt; &gt; &amp; ' "</c> are escaped, so a hostile string in the data can never become markup if a
/// file is served or embedded as HTML by mistake.
/// </summary>
public static class PublishedJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
}
