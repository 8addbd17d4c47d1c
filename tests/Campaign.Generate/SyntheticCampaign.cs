using System.Globalization;

namespace Campaign.Generate;

/// <summary>A text in English and Chinese.</summary>
public sealed record Bilingual(string En, string Zh);

/// <summary>A synthetic company with its right-of-reply record.</summary>
public sealed record SyntheticCompany(string Slug, Bilingual Name, Bilingual Country, Bilingual Summary, IReadOnlyList<Bilingual> Body,
    string Status, DateOnly Asked, DateOnly Deadline, DateOnly? Answered, Bilingual? Answer);

/// <summary>A synthetic report: sections with stable ids, each with paragraphs in both languages.</summary>
public sealed record SyntheticReport(string Slug, Bilingual Title, DateOnly Date, Bilingual Summary, IReadOnlyList<SyntheticSection> Sections);

/// <summary>A section of a synthetic report.</summary>
public sealed record SyntheticSection(string Id, Bilingual Heading, IReadOnlyList<Bilingual> Paragraphs);

/// <summary>A synthetic campaign update.</summary>
public sealed record SyntheticUpdate(string Slug, Bilingual Title, DateOnly Date, string Kind, Bilingual Summary, IReadOnlyList<Bilingual> Body);

/// <summary>A synthetic finding, with the fields of the findings schema.</summary>
public sealed record SyntheticFinding(string Id, Bilingual Title, string Company, Bilingual Product, string Technology,
    Bilingual BuyerName, string BuyerType, Bilingual? Province, Bilingual? City, int From, int To, Bilingual Summary, string Licence,
    IReadOnlyList<SyntheticSource> Sources, string ReportSection, IReadOnlyList<string> Tags, DateOnly Reviewed);

/// <summary>A source of a synthetic finding.</summary>
public sealed record SyntheticSource(string Title, string Publisher, DateOnly Date, string Url, string ArchivedUrl);

/// <summary>
/// A large, realistic-looking and obviously synthetic campaign for benchmarks and scale tests: what it holds,
/// not how it is written (see <see cref="CampaignWriter"/>), so other writers (a Hugo copy) can reuse it.
/// The same size and seed always give the same campaign.
/// </summary>
public sealed record SyntheticCampaign(IReadOnlyList<SyntheticCompany> Companies, IReadOnlyList<SyntheticReport> Reports,
    IReadOnlyList<SyntheticUpdate> Updates, IReadOnlyList<SyntheticFinding> Findings)
{
    public static SyntheticCampaign Create(int findings, int seed = 1, int companies = 20, int reports = 5, int updates = 200)
    {
        var random = new Random(seed);
        var w = new SyntheticText(random);
        var start = new DateOnly(2020, 1, 1);

        var companyList = Enumerable.Range(1, companies).Select(i =>
        {
            var (en, zh) = SyntheticText.CompanyNames[(i - 1) % SyntheticText.CompanyNames.Length];
            var slug = $"{en.ToLowerInvariant().Replace(' ', '-')}-{i.ToString(CultureInfo.InvariantCulture)}";
            var status = SyntheticText.Statuses[random.Next(SyntheticText.Statuses.Length)];
            var asked = start.AddDays(random.Next(0, 200));
            var answered = status == "responded" ? asked.AddDays(random.Next(5, 40)) : (DateOnly?)null;
            return new SyntheticCompany(slug, new($"{en} {i}", $"{zh}{i}"), w.Country(), w.Sentence(), w.Paragraphs(4), status, asked, asked.AddDays(30),
                answered, status == "responded" ? w.Paragraph() : null);
        }).ToList();

        var reportList = Enumerable.Range(1, reports).Select(i => new SyntheticReport(
            $"report-{i.ToString(CultureInfo.InvariantCulture)}", w.Title(), start.AddDays(30 * i), w.Paragraph(),
            Enumerable.Range(1, 24).Select(s => new SyntheticSection($"section-{s.ToString(CultureInfo.InvariantCulture)}", w.Heading(), w.Paragraphs(6))).ToList()))
            .ToList();

        var updateList = Enumerable.Range(1, updates).Select(i => new SyntheticUpdate(
            $"update-{i.ToString("D4", CultureInfo.InvariantCulture)}", w.Title(), start.AddDays(i * 3), SyntheticText.Kinds[i % SyntheticText.Kinds.Length],
            w.Sentence(), w.Paragraphs(3))).ToList();

        var findingList = new List<SyntheticFinding>(findings);
        for (var i = 1; i <= findings; i++)
        {
            var company = companyList[random.Next(companyList.Count)];
            var report = reportList[random.Next(reportList.Count)];
            var section = report.Sections[random.Next(report.Sections.Count)];
            var from = 1995 + random.Next(0, 26);
            var to = random.Next(3) == 0 ? Math.Min(2025, from + random.Next(1, 6)) : from;
            var (province, city) = w.Place();
            var where = SyntheticText.Where(province, city);
            var technology = SyntheticText.Technologies[random.Next(SyntheticText.Technologies.Length)];
            var buyerType = SyntheticText.BuyerTypes[random.Next(SyntheticText.BuyerTypes.Length)];
            var sources = Enumerable.Range(1, 1 + random.Next(3)).Select(n => new SyntheticSource(
                $"Synthetic source {n.ToString(CultureInfo.InvariantCulture)} for finding {i.ToString(CultureInfo.InvariantCulture)}",
                SyntheticText.Publishers[random.Next(SyntheticText.Publishers.Length)], start.AddDays(random.Next(0, 1500)),
                $"https://example.org/sources/{i.ToString(CultureInfo.InvariantCulture)}/{n.ToString(CultureInfo.InvariantCulture)}",
                $"https://archive.example.org/{i.ToString(CultureInfo.InvariantCulture)}/{n.ToString(CultureInfo.InvariantCulture)}")).ToList();
            findingList.Add(new SyntheticFinding($"finding-{i.ToString("D6", CultureInfo.InvariantCulture)}", w.FindingTitle(company.Name, where),
                company.Slug, w.Product(technology), technology, w.Buyer(where), buyerType, province, city, from, to, w.Paragraph(),
                SyntheticText.Licences[random.Next(SyntheticText.Licences.Length)], sources, $"{report.Slug}#{section.Id}",
                [technology, buyerType], start.AddDays(random.Next(0, 1800))));
        }
        return new SyntheticCampaign(companyList, reportList, updateList, findingList);
    }
}
