namespace Campaign.Tests.Findings;

/// <summary>
/// Findings whose values a CSV or JSON writer could get wrong: commas, double quotes, line breaks and paragraphs,
/// Chinese with full-width and ASCII punctuation, a query string in a URL, a value a spreadsheet would run as a
/// formula, one that already starts with the apostrophe the export puts before such values, a second source, and a
/// finding without the optional fields. Goes with <see cref="FindingCampaigns.Base"/>.
/// </summary>
public static class FindingDownloadCampaign
{
    public const string Findings = """
        -- findings/tricky.yaml --
        - id: acme-guilin-2015
          title: { en: "Acme, \"Vision\" cameras, for the Guilin police", zh: "阿克米，“视觉”摄像头, 供桂林警方" }
          company: acme
          product: { en: "Dome cameras, 4K", zh: "球形摄像头，4K" }
          technology: network-cameras
          buyer:
            name: { en: "Guilin \"Public Security\" Bureau", zh: 桂林市公安局 }
            type: police
            province: { en: Guangxi, zh: 广西 }
            city: { en: Guilin, zh: 桂林 }
          country: { en: China, zh: 中国 }
          years: 2015
          summary:
            en: |-
              Acme sold **dome cameras**, "the best", to the police.

              A second paragraph; with a semicolon, and a comma.
            zh: |-
              阿克米向桂林警方出售了**球形摄像头**，“最好的”。

              第二段, with an ASCII comma "and quotes".
          licence: not-required
          sources:
            - title: "Example article, part \"one\""
              publisher: Example Times, Guilin
              date: 2020-09-21
              url: https://example.org/article?a=1&b=2
              archived_url: https://archive.example.org/article
              quote: "Acme sold cameras,\nand \"said so\"."
              language: en
            - title: 中文来源，第二篇
              publisher: 示例日报
              url: https://example.org/zh/来源
          report_section: probe#cameras
          tags: [cameras, guilin, 监控]
          reviewed: 2026-11-01
        - id: facely-ministry-2012-2014
          title: { en: "=HYPERLINK(1) and the ministry", zh: "'=公式 与部委" }
          company: facely
          product: { en: "@face, matching", zh: "+人脸比对" }
          technology: facial-recognition
          buyer:
            name: { en: A ministry, zh: 某部委 }
            type: ministry
          country: { en: China, zh: 中国 }
          years: 2012-2014
          summary: { en: "- Facely said it needed no licence.\n- It said so twice.", zh: "-费斯利称无需许可证。" }
          summary_form: summary
          licence: unknown
          sources:
            - { title: "-Second article", url: "https://example.org/second" }
          reviewed: 2026-10-01

        """;
}
