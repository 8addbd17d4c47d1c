using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>
/// The dates of one right-of-reply exchange must tell a possible story (CMP190): nothing before the company was asked,
/// no reminder after its answer, no rejoinder before it, and no answer date for a company that did not respond. A
/// reader sees the dates as a timeline, so a typo in one of them would otherwise be published as a false sequence.
/// </summary>
public static class ReplyDates
{
    /// <summary>Pairs that must not run backwards: the first's date is on or before the second's.</summary>
    private static readonly (string Before, string After, string Why)[] Order =
    [
        ("asked", "reminder", "a reminder follows the question"),
        ("asked", "deadline", "the deadline is set when the company is asked"),
        ("asked", "answered", "an answer follows the question"),
        ("asked", "rejoinder_date", "the rejoinder follows the question"),
        ("reminder", "answered", "a reminder is sent while an answer is awaited"),
        ("answered", "rejoinder_date", "the rejoinder answers the company's reply"),
    ];

    public static void Check(CompanyResponse response, FieldReader fields, DiagnosticList diagnostics)
    {
        var dates = response.Events.ToDictionary(e => e.Field, e => e.Date, StringComparer.Ordinal);
        foreach (var (before, after, why) in Order)
        {
            if (!dates.TryGetValue(before, out var first) || !dates.TryGetValue(after, out var second) || first <= second) continue;
            var at = fields.Map.Get(after);
            diagnostics.Error("CMP190", $"`{after}: {Iso(second)}` is before `{before}: {Iso(first)}`, but {why}.", at?.Location ?? fields.Map.Location,
                at?.Field ?? after, $"correct whichever of the two dates is wrong (the timeline shows them in date order), or delete the one that is not known");
        }
        if (response.Status is "no-response" && response.Answered is { } answered)
        {
            var at = fields.Map.Get("answered");
            diagnostics.Error("CMP190", $"The company is marked `status: no-response` but has `answered: {Iso(answered)}`.", at?.Location ?? fields.Map.Location,
                at?.Field ?? "answered", "if the company answered, write `status: responded` (or `declined`); if it did not, delete `answered:`");
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
