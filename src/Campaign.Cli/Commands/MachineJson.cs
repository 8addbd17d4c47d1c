using System.Text.Encodings.Web;
using System.Text.Json;

namespace Campaign.Cli.Commands;

/// <summary>
/// How commands print JSON for machines (<c>--format json</c>, <c>--json</c>): indented, and with Chinese and
/// other text as itself rather than <c>\uXXXX</c>, since it goes to a terminal or a file, never into HTML.
/// </summary>
public static class MachineJson
{
    /// <summary>For <see cref="JsonSerializer"/>.</summary>
    public static readonly JsonSerializerOptions Serializer = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For a <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
