namespace Campaign.Generate;

/// <summary>Varied English and Chinese text for synthetic campaigns, drawn from small word lists with a seeded random source.</summary>
public sealed class SyntheticText(Random random)
{
    public static readonly (string En, string Zh)[] CompanyNames =
    [
        ("Example Vision", "示例视觉"), ("Sample Optics", "样本光学"), ("Placeholder Systems", "占位系统"), ("Test Analytics", "测试分析"),
        ("Demo Sensors", "演示传感"), ("Mock Biometrics", "模拟生物识别"),
    ];
    public static readonly string[] Statuses = ["responded", "declined", "no-response"];
    public static readonly string[] Kinds = ["news", "press-release", "statement"];
    public static readonly string[] Technologies = ["facial-recognition", "network-cameras", "emotion-recognition", "behaviour-analysis"];
    public static readonly string[] BuyerTypes = ["police", "ministry", "university", "company"];
    public static readonly string[] Licences = ["not-required", "granted", "denied", "unknown"];
    public static readonly string[] Publishers = ["Example Gazette", "Synthetic Research Centre", "Placeholder News"];

    private static readonly (string En, string Zh)[] Provinces =
    [
        ("Northland", "北境省"), ("Southmere", "南湖省"), ("Eastvale", "东谷省"), ("Westmark", "西疆省"), ("Midfield", "中原省"),
        ("Highridge", "高岭省"), ("Lowbay", "低湾省"), ("Riverside", "河畔省"),
    ];
    private static readonly (string En, string Zh)[] Cities =
    [
        ("Amber City", "琥珀市"), ("Birch Town", "桦树镇"), ("Cedar Port", "雪松港"), ("Delta City", "三角洲市"), ("Elm Falls", "榆树瀑布市"),
        ("Fern Hill", "蕨山市"), ("Granite Bay", "花岗湾市"), ("Harbour View", "港景市"), ("Iron Gate", "铁门市"), ("Jade Lake", "玉湖市"),
    ];
    private static readonly (string En, string Zh)[] Subjects =
    [
        ("the supplier", "供应商"), ("the buyer", "买方"), ("the public security bureau", "公安局"), ("the ministry", "该部委"),
        ("the university", "该大学"), ("a local contractor", "一家本地承包商"), ("the regulator", "监管机构"),
    ];
    private static readonly (string En, string Zh)[] Verbs =
    [
        ("installed", "安装了"), ("purchased", "采购了"), ("tested", "测试了"), ("expanded", "扩建了"), ("upgraded", "升级了"),
        ("documented", "记录了"), ("maintained", "维护了"), ("evaluated", "评估了"),
    ];
    private static readonly (string En, string Zh)[] Objects =
    [
        ("a camera network", "一个摄像头网络"), ("a face matching system", "一套人脸比对系统"), ("an emotion analysis tool", "一套情绪分析工具"),
        ("a behaviour tracking platform", "一个行为追踪平台"), ("a central video archive", "一个中央视频档案库"), ("several control rooms", "若干指挥中心"),
    ];
    private static readonly (string En, string Zh)[] Tails =
    [
        ("in the city centre", "在市中心"), ("across several districts", "在多个区"), ("at a research institute", "在一所研究机构"),
        ("under a public tender", "通过公开招标"), ("without a public tender", "未经公开招标"), ("over several years", "历时数年"),
    ];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    public Bilingual Country() => Pick(new[] { new Bilingual("Exampleland", "示例国"), new Bilingual("Samplestan", "样本国"), new Bilingual("Testonia", "测试国") });

    public Bilingual Sentence()
    {
        var (s, v, o, t) = (Pick(Subjects), Pick(Verbs), Pick(Objects), Pick(Tails));
        var en = $"{char.ToUpperInvariant(s.En[0])}{s.En[1..]} {v.En} {o.En} {t.En}.";
        return new(en, $"{s.Zh}{t.Zh}{v.Zh}{o.Zh}。");
    }

    public Bilingual Paragraph()
    {
        var sentences = Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Sentence()).ToList();
        return new(string.Join(' ', sentences.Select(s => s.En)) + " (Synthetic text generated for benchmarks.)",
            string.Concat(sentences.Select(s => s.Zh)) + "（为基准测试生成的合成文本。）");
    }

    public IReadOnlyList<Bilingual> Paragraphs(int count) => Enumerable.Range(0, count).Select(_ => Paragraph()).ToList();

    public Bilingual Title()
    {
        var (o, t) = (Pick(Objects), Pick(Tails));
        return new($"How {o.En} was built {t.En}", $"{t.Zh}建设{o.Zh}的经过");
    }

    public Bilingual Heading()
    {
        var (s, o) = (Pick(Subjects), Pick(Objects));
        return new($"{char.ToUpperInvariant(s.En[0])}{s.En[1..]} and {o.En}", $"{s.Zh}与{o.Zh}");
    }

    /// <summary>
    /// A buyer's province and city, each as the finding's own field holds it: the site writes a place as its city with
    /// its province (广西桂林, "Guilin, Guangxi"), so the Chinese city is the city alone (琥珀市, not 北境省琥珀市, which
    /// the site wrote 北境省北境省琥珀市). The English city keeps its province in brackets: it is the place's key (the
    /// default language's name), and without it Amber City in every province would be one place.
    /// </summary>
    public (Bilingual? Province, Bilingual? City) Place()
    {
        var p = Pick(Provinces);
        var province = new Bilingual(p.En, p.Zh);
        if (random.Next(4) == 0) return (null, null);
        if (random.Next(2) == 0) return (province, null);
        var c = Pick(Cities);
        return (province, new Bilingual($"{c.En} ({p.En})", c.Zh));
    }

    /// <summary>Where a buyer is, as a title, a buyer's name or the Hugo copy's place writes it: the city in its province (北境省琥珀市), else the province.</summary>
    public static Bilingual? Where(Bilingual? province, Bilingual? city) =>
        city is null ? province : new(city.En, (province?.Zh ?? "") + city.Zh);

    public Bilingual Product(string technology) => technology switch
    {
        "facial-recognition" => new("Face matching servers", "人脸比对服务器"),
        "network-cameras" => new("Dome network cameras", "球形网络摄像头"),
        "emotion-recognition" => new("Expression analysis software", "表情分析软件"),
        _ => new("Behaviour coding software", "行为编码软件"),
    };

    public Bilingual Buyer(Bilingual? place)
    {
        var s = Pick(Subjects);
        return place is null ? new($"{char.ToUpperInvariant(s.En[0])}{s.En[1..]} (national)", $"全国{s.Zh}") : new($"{char.ToUpperInvariant(s.En[0])}{s.En[1..]} of {place.En}", $"{place.Zh}{s.Zh}");
    }

    public Bilingual FindingTitle(Bilingual company, Bilingual? place)
    {
        var (v, o) = (Pick(Verbs), Pick(Objects));
        return place is null
            ? new($"{company.En} {v.En} {o.En}", $"{company.Zh}{v.Zh}{o.Zh}")
            : new($"{company.En} {v.En} {o.En} in {place.En}", $"{company.Zh}在{place.Zh}{v.Zh}{o.Zh}");
    }
}
