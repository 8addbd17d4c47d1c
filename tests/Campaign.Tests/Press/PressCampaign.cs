namespace Campaign.Tests.Press;

/// <summary>A small bilingual campaign with a report, press releases, a press page and downloads, shared by the press tests.</summary>
public static class PressCampaign
{
    public const string Site = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        base_url: https://campaign.example.org/
        social_image: card.png
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        licence: CC BY 4.0
        organisation: { en: Test Organisation, zh: 测试组织 }
        contacts:
          - name: { en: Press desk, zh: 新闻台 }
            email: press@example.org
            phone: "+44 20 0000 0000"
        mirrors:
          - url: https://mirror.example.net/
            note: { en: Mirror note, zh: 镜像说明 }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
          figures:
            - value: "42"
              label: { en: cameras counted, zh: 统计的摄像头 }
        """;

    public const string Content = """
        -- reports/watch.en.md --
        ---
        title: "Watching the Watchers"
        date: 2020-09-21
        summary: A report about cameras.
        authors: [Test Organisation]
        index_number: TST 01/2020
        licence: CC BY 4.0
        ---
        ## Overview of cameras {#overview}

        Cameras were sold.[^1]

        ## Export rules {#rules}

        The rules failed.

        [^1]: A source.
        -- reports/watch.zh.md --
        ---
        title: 监视监视者
        date: 2020-09-21
        summary: 关于摄像头的报告。
        authors: [测试组织]
        index_number: TST 01/2020
        ---
        ## 人脸识别概述 {#overview}

        摄像头被出售了。

        ## 出口规则 {#rules}

        规则失效了。
        -- updates/launch.en.md --
        ---
        title: Report launched today
        date: 2020-09-21
        kind: press-release
        summary: The report is out.
        ---
        Read [the report](/reports/watch/).
        -- updates/launch.zh.md --
        ---
        title: 报告今日发布
        date: 2020-09-21
        kind: press-release
        ---
        阅读[报告](/reports/watch/)。
        -- updates/news-item.en.md --
        ---
        title: A news item
        date: 2020-09-01
        kind: news
        ---
        News.
        -- pages/press.en.md --
        ---
        title: Press
        layout: press
        ---
        Welcome, journalists.
        -- pages/press.zh.md --
        ---
        title: 媒体
        layout: press
        ---
        欢迎记者。
        -- assets/letters/reply.pdf --
        %PDF-1.4 a company's reply letter
        -- assets/card.png --
        not really a png
        """;

    public const string All = Site + "\n" + Content;
}
