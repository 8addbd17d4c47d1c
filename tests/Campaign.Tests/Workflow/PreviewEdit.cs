using FsCheck;
using FsCheck.Fluent;
using static Campaign.Tests.Workflow.EditedCampaign;

namespace Campaign.Tests.Workflow;

/// <summary>What a campaigner changes between two preview rebuilds.</summary>
public enum EditKind
{
    FindingText, FindingFacet, FindingShape, AddFinding, DeleteFinding, MoveFinding,
    CompanyName, CompanyEmbargo, AddCompany, DeleteCompany,
    UiString, VocabularyLabel, LayoutEdit, ReportEdit, SecondReport,
    UpdateEdit, AddUpdate, DeleteUpdate, UpdateTranslation, TimePasses, SiteSetting,
}

/// <summary>
/// One edit of an <see cref="EditedCampaign"/>: a kind and two numbers that choose what it touches (taken modulo what
/// there is), so any subsequence of edits still applies, which is what lets FsCheck shrink a failing sequence.
/// </summary>
public sealed record PreviewEdit(EditKind Kind, int A, int B)
{
    public override string ToString() => $"{Kind}({A},{B})";

    /// <summary>Random sequences of 3 to 6 edits; shrinking drops edits one at a time and lowers their numbers.</summary>
    public static Arbitrary<PreviewEdit[]> Sequences
    {
        get
        {
            var edit = from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))))
                       from a in Gen.Choose(0, 20)
                       from b in Gen.Choose(0, 20)
                       select new PreviewEdit(kind, a, b);
            var sequence = Gen.Choose(3, 6).SelectMany(n => Gen.ArrayOf(edit, n));
            return Arb.From(sequence, Shrink);
        }
    }

    // Edits of what many records read (names, labels, strings, embargoes, the clock) weigh more: those are what a memo
    // key can miss. A layout edit renders every page again, so it is rarer.
    private static readonly (int Weight, EditKind Kind)[] Weights =
    [
        (3, EditKind.FindingText), (3, EditKind.FindingFacet), (2, EditKind.FindingShape), (2, EditKind.AddFinding), (2, EditKind.DeleteFinding),
        (2, EditKind.MoveFinding), (3, EditKind.CompanyName), (3, EditKind.CompanyEmbargo), (1, EditKind.AddCompany), (1, EditKind.DeleteCompany),
        (3, EditKind.UiString), (4, EditKind.VocabularyLabel), (1, EditKind.LayoutEdit), (2, EditKind.ReportEdit), (1, EditKind.SecondReport),
        (2, EditKind.UpdateEdit), (1, EditKind.AddUpdate), (1, EditKind.DeleteUpdate), (1, EditKind.UpdateTranslation), (2, EditKind.TimePasses), (1, EditKind.SiteSetting),
    ];

    private static IEnumerable<PreviewEdit[]> Shrink(PreviewEdit[] edits)
    {
        for (var i = 0; i < edits.Length; i++) yield return [.. edits[..i], .. edits[(i + 1)..]];
        for (var i = 0; i < edits.Length; i++)
        {
            if (edits[i].A > 0) yield return [.. edits[..i], edits[i] with { A = 0 }, .. edits[(i + 1)..]];
            if (edits[i].B > 0) yield return [.. edits[..i], edits[i] with { B = 0 }, .. edits[(i + 1)..]];
        }
    }

    /// <summary>Applies this edit to <paramref name="c"/> and says what it did, in words for a failure message.</summary>
    public string Apply(EditedCampaign c)
    {
        var n = c.Next();
        T Pick<T>(IReadOnlyList<T> list, int i) => list[i % list.Count];
        switch (Kind)
        {
            case EditKind.FindingText when c.Findings.Count > 0:
            {
                var f = Pick(c.Findings, A);
                switch (B % 4)
                {
                    case 0: f.TitleEn = $"Edited sale {n}"; return $"{f.Id}: English title";
                    case 1: f.TitleZh = $"编辑过的销售{n}"; return $"{f.Id}: Chinese title";
                    case 2: f.SummaryEn = $"The company sold more equipment, edit {n}."; return $"{f.Id}: English summary";
                    default: f.SummaryZh = $"该公司出售了更多设备，编辑{n}。"; return $"{f.Id}: Chinese summary";
                }
            }
            case EditKind.FindingFacet when c.Findings.Count > 0:
            {
                var f = Pick(c.Findings, A);
                switch (B % 6)
                {
                    case 0: f.Technology = Pick(Technologies, n); return $"{f.Id}: technology {f.Technology}";
                    case 1: f.BuyerType = Pick(BuyerTypes, n); return $"{f.Id}: buyer type {f.BuyerType}";
                    case 2: f.Licence = Pick(Licences, n); return $"{f.Id}: licence {f.Licence}";
                    case 3: f.YearFrom = 2010 + n % 6; f.YearTo = f.YearFrom + n % 3; return $"{f.Id}: years {f.YearFrom}-{f.YearTo}";
                    case 4: f.Company = Pick(c.Companies, n).Slug; return $"{f.Id}: company {f.Company}";
                    default: f.Tags = [Pick(TagPool, n), Pick(TagPool, n + 2)]; return $"{f.Id}: tags";
                }
            }
            case EditKind.FindingShape when c.Findings.Count > 0:
            {
                // fields that add or remove a line in a YAML file, so the records below it move
                var f = Pick(c.Findings, A);
                if (B % 2 == 0) { f.Province = n % Provinces.Length; return $"{f.Id}: province {f.Province}"; }
                f.Section = f.Section is null ? Pick(Sections, n) : null;
                return $"{f.Id}: report section {f.Section ?? "removed"}";
            }
            case EditKind.AddFinding:
            {
                var f = new Finding
                {
                    Id = $"added-{n}", File = Pick(FindingFiles, A), Company = Pick(c.Companies, B).Slug, TitleEn = $"Added sale {n}", TitleZh = $"新增销售{n}",
                    SummaryEn = $"An added finding {n}.", SummaryZh = $"新增发现{n}。", Technology = Pick(Technologies, n), YearFrom = 2013, YearTo = 2013, Tags = ["tenders"],
                };
                c.Findings.Insert(B % (c.Findings.Count + 1), f);
                return $"added {f.Id} to {f.File}";
            }
            case EditKind.DeleteFinding when c.Findings.Count > 1:
            {
                var f = Pick(c.Findings, A);
                c.Findings.Remove(f);
                return $"deleted {f.Id}";
            }
            case EditKind.MoveFinding when c.Findings.Count > 0:
            {
                var f = Pick(c.Findings, A);
                f.File = Pick(FindingFiles, B);
                return $"moved {f.Id} to {f.File}";
            }
            case EditKind.CompanyName:
            {
                var company = Pick(c.Companies, A);
                if (B % 2 == 0) company.NameEn = $"Renamed Company {n}"; else company.NameZh = $"改名公司{n}";
                return $"{company.Slug}: name";
            }
            case EditKind.CompanyEmbargo:
            {
                // an embargo from two days before now to three days after, or none
                var company = Pick(c.Companies, A);
                company.EmbargoDay = B % 7 == 6 ? null : c.Day + B % 7 - 2;
                return $"{company.Slug}: embargo day {company.EmbargoDay?.ToString() ?? "none"} (now day {c.Day})";
            }
            case EditKind.AddCompany:
            {
                var company = new Company { Slug = $"company-{n}", NameEn = $"New Company {n}", NameZh = $"新公司{n}", EmbargoDay = A % 3 == 0 ? c.Day + 1 : null };
                c.Companies.Add(company);
                if (c.Findings.Count > 0) Pick(c.Findings, B).Company = company.Slug;
                return $"added {company.Slug}";
            }
            case EditKind.DeleteCompany when c.Companies.Count > 1:
            {
                // its findings and updates go to the first other company, as a campaigner would have to do
                var company = Pick(c.Companies, A);
                c.Companies.Remove(company);
                var heir = c.Companies[0].Slug;
                foreach (var f in c.Findings.Where(f => f.Company == company.Slug)) f.Company = heir;
                foreach (var u in c.Updates) u.Companies.Remove(company.Slug);
                return $"deleted {company.Slug}";
            }
            case EditKind.UiString:
            {
                var key = Pick(UiStrings, A);
                var lang = B % 2 == 0 ? "en" : "zh";
                c.UiEdits[(lang, key)] = lang == "en" ? $"Edited {n}" : $"编辑{n}";
                return $"i18n/{lang}.yaml: {key}";
            }
            case EditKind.VocabularyLabel:
            {
                var key = Pick(Labels, A);
                c.LabelEdits[key] = ($"Label {n}", $"标签{n}");
                return $"vocabularies.yaml: {key}";
            }
            case EditKind.LayoutEdit:
            {
                var layout = Pick(Layouts, A);
                if (B % 4 == 3) { c.LayoutEdits.Remove(layout); return $"theme/layouts/{layout}: reverted"; }
                if (!c.LayoutEdits.TryGetValue(layout, out var edits)) c.LayoutEdits[layout] = edits = [];
                edits.Add(n);
                return $"theme/layouts/{layout}: edited";
            }
            case EditKind.ReportEdit:
            {
                var section = B % 3;
                if (section == 2) { c.ReportSummaryEn = $"What we found, edit {n}."; return "probe: summary"; }
                if (A % 2 == 0) c.SectionTitlesEn[section] = $"Section {n}"; else c.SectionTitlesZh[section] = $"章节{n}";
                return $"probe: heading of {Sections[section]}";
            }
            case EditKind.SecondReport:
            {
                c.SecondReport = A % 3 != 0;
                c.SecondReportEmbargoDay = B % 3 == 0 ? c.Day + 1 : null;
                return c.SecondReport ? $"dossier report, embargo day {c.SecondReportEmbargoDay?.ToString() ?? "none"}" : "dossier report deleted";
            }
            case EditKind.UpdateEdit when c.Updates.Count > 0:
            {
                var u = Pick(c.Updates, A);
                switch (B % 5)
                {
                    case 0: u.TitleEn = $"Edited update {n}"; return $"{u.Slug}: English title";
                    case 1: u.BodyZh = $"编辑过的正文{n}。"; return $"{u.Slug}: Chinese body";
                    case 2: u.Day = 1 + n % 28; return $"{u.Slug}: date";
                    case 3: u.Kind = Pick(new[] { "news", "press-release", "statement" }, n); return $"{u.Slug}: kind {u.Kind}";
                    default: u.Companies = [Pick(c.Companies, n).Slug]; return $"{u.Slug}: companies {u.Companies[0]}";
                }
            }
            case EditKind.AddUpdate:
            {
                var u = new Update { Slug = $"update-{n}", TitleEn = $"Update {n}", TitleZh = $"动态{n}", BodyEn = $"News {n}.", BodyZh = $"新闻{n}。", Day = 1 + A % 28, Translated = B % 2 == 0 };
                c.Updates.Add(u);
                return $"added {u.Slug}";
            }
            case EditKind.DeleteUpdate when c.Updates.Count > 0:
            {
                var u = Pick(c.Updates, A);
                c.Updates.Remove(u);
                return $"deleted {u.Slug}";
            }
            case EditKind.UpdateTranslation when c.Updates.Count > 0:
            {
                var u = Pick(c.Updates, A);
                u.Translated = !u.Translated;
                return $"{u.Slug}: translation {(u.Translated ? "added" : "deleted")}";
            }
            case EditKind.TimePasses:
                c.Day += 1 + A % 2;
                return $"time passes: day {c.Day}";
            case EditKind.SiteSetting:
                // the site's title is in every page and citation, its base URL in every record, feed and the sitemap
                if (A % 2 == 0) { c.SiteTitleEn = $"Test Campaign {n}"; return "site.yaml: title"; }
                c.BaseUrl = B % 3 == 0 ? null : $"https://example.org/campaign-{n}/";
                return $"site.yaml: base_url {c.BaseUrl ?? "removed"}";
            default:
                return $"{Kind}: nothing to edit";
        }
    }
}
