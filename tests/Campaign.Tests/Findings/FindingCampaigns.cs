namespace Campaign.Tests.Findings;

/// <summary>Small campaigns for the findings tests: two companies, a report with sections, and findings in YAML and CSV.</summary>
public static class FindingCampaigns
{
    public const string Base = """
        -- companies/acme.en.md --
        ---
        name: Acme Cameras
        country: Sweden
        summary: Maker of cameras.
        ---
        Acme makes cameras.
        -- companies/acme.zh.md --
        ---
        name: 阿克米摄像
        country: 瑞典
        summary: 摄像头制造商。
        ---
        阿克米制造摄像头。
        -- companies/facely.en.md --
        ---
        name: Facely
        country: France
        summary: Maker of face matching.
        ---
        Facely.
        -- companies/facely.zh.md --
        ---
        name: 费斯利
        country: 法国
        summary: 人脸比对制造商。
        ---
        费斯利。
        -- reports/probe.en.md --
        ---
        title: The Probe
        date: 2020-09-21
        summary: What we found.
        ---
        ## Cameras {#cameras}

        Text.
        -- reports/probe.zh.md --
        ---
        title: 调查
        date: 2020-09-21
        summary: 我们的发现。
        ---
        ## 摄像头 {#cameras}

        文字。

        """;

    public const string Yaml = """
        -- findings/acme.yaml --
        - id: acme-guilin-2015
          title: { en: Acme cameras for the Guilin police, zh: 阿克米为桂林警方提供摄像头 }
          company: acme
          product: { en: Dome cameras, zh: 球形摄像头 }
          technology: network-cameras
          buyer:
            name: { en: Guilin Public Security Bureau, zh: 桂林市公安局 }
            type: police
            province: { en: Guangxi, zh: 广西 }
            city: { en: Guilin, zh: 桂林 }
          country: { en: China, zh: 中国 }
          years: 2015
          summary:
            en: Acme sold **dome cameras** to the Guilin police.
            zh: 阿克米向桂林警方出售了**球形摄像头**。
          licence: not-required
          sources:
            - title: Example article
              publisher: Example Times
              date: 2020-09-21
              url: https://example.org/article
              archived_url: https://archive.example.org/article
              quote: Acme sold cameras.
              language: en
          report_section: probe#cameras
          tags: [cameras, guilin]
          reviewed: 2026-11-01
        - id: acme-ministry-2012-2014
          title: { en: Acme and the ministry, zh: 阿克米与部委 }
          company: acme
          product: { en: Cameras, zh: 摄像头 }
          technology: network-cameras
          buyer:
            name: { en: A ministry, zh: 某部委 }
            type: ministry
          country: { en: China, zh: 中国 }
          years: 2012-2014
          summary: { en: "Acme said it needed no licence.", zh: "阿克米称无需许可证。" }
          summary_form: summary
          licence: unknown
          sources:
            - { title: Second article, url: "https://example.org/second" }
          reviewed: 2026-10-01

        """;

    /// <summary>The same two findings as <see cref="Yaml"/>, as a campaigner's spreadsheet.</summary>
    public const string Csv = """
        -- findings/acme.csv --
        id,title_en,title_zh,company,product_en,product_zh,technology,buyer_name_en,buyer_name_zh,buyer_type,buyer_province_en,buyer_province_zh,buyer_city_en,buyer_city_zh,country_en,country_zh,years,summary_en,summary_zh,summary_form,licence,source1_title,source1_publisher,source1_date,source1_url,source1_archived_url,source1_quote,source1_language,report_section,tags,reviewed
        acme-guilin-2015,Acme cameras for the Guilin police,阿克米为桂林警方提供摄像头,acme,Dome cameras,球形摄像头,network-cameras,Guilin Public Security Bureau,桂林市公安局,police,Guangxi,广西,Guilin,桂林,China,中国,2015,Acme sold **dome cameras** to the Guilin police.,阿克米向桂林警方出售了**球形摄像头**。,,not-required,Example article,Example Times,2020-09-21,https://example.org/article,https://archive.example.org/article,Acme sold cameras.,en,probe#cameras,cameras;guilin,2026-11-01
        acme-ministry-2012-2014,Acme and the ministry,阿克米与部委,acme,Cameras,摄像头,network-cameras,A ministry,某部委,ministry,,,,,China,中国,2012-2014,Acme said it needed no licence.,阿克米称无需许可证。,summary,unknown,Second article,,,https://example.org/second,,,,,,2026-10-01
        """;
}
