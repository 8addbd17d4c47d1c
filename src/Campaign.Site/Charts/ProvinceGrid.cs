namespace Campaign.Site.Charts;

/// <summary>One provincial-level region of China as a square of the tile map: where it sits and how it is named.</summary>
/// <param name="Key">Its value in the <c>province</c> vocabulary (<c>xinjiang</c>): the vocabulary gives its name in each language.</param>
/// <param name="Code">The short label an English tile shows (ISO 3166-2:CN without <c>CN-</c>): full names do not fit a square.</param>
/// <param name="Name">Its English name, matched against a finding's province and shown when the vocabulary has no label.</param>
public sealed record ProvinceTile(string Key, string Code, string Name, int Row, int Column);

/// <summary>
/// The tile map's layout, written by hand: each of the 34 provincial-level regions a square at a fixed place on an
/// 8 × 8 grid, placed so that neighbours stay neighbours (Xinjiang west, Heilongjiang north-east, Hainan south).
/// Exact and small, with no geodata: a region's size says nothing, the shade and the number in it say how many findings.
/// </summary>
public static class ProvinceGrid
{
    public const int Columns = 8;
    public const int Rows = 8;

    public static readonly IReadOnlyList<ProvinceTile> Tiles =
    [
        new("heilongjiang", "HL", "Heilongjiang", 0, 7),
        new("xinjiang", "XJ", "Xinjiang", 1, 0),
        new("inner-mongolia", "NM", "Inner Mongolia", 1, 4),
        new("beijing", "BJ", "Beijing", 1, 5),
        new("tianjin", "TJ", "Tianjin", 1, 6),
        new("jilin", "JL", "Jilin", 1, 7),
        new("qinghai", "QH", "Qinghai", 2, 1),
        new("gansu", "GS", "Gansu", 2, 2),
        new("ningxia", "NX", "Ningxia", 2, 3),
        new("shanxi", "SX", "Shanxi", 2, 4),
        new("hebei", "HE", "Hebei", 2, 5),
        new("shandong", "SD", "Shandong", 2, 6),
        new("liaoning", "LN", "Liaoning", 2, 7),
        new("tibet", "XZ", "Tibet", 3, 1),
        new("sichuan", "SC", "Sichuan", 3, 2),
        new("shaanxi", "SN", "Shaanxi", 3, 3),
        new("henan", "HA", "Henan", 3, 4),
        new("anhui", "AH", "Anhui", 3, 5),
        new("jiangsu", "JS", "Jiangsu", 3, 6),
        new("shanghai", "SH", "Shanghai", 3, 7),
        new("yunnan", "YN", "Yunnan", 4, 2),
        new("chongqing", "CQ", "Chongqing", 4, 3),
        new("hubei", "HB", "Hubei", 4, 4),
        new("jiangxi", "JX", "Jiangxi", 4, 5),
        new("zhejiang", "ZJ", "Zhejiang", 4, 6),
        new("guizhou", "GZ", "Guizhou", 5, 3),
        new("hunan", "HN", "Hunan", 5, 4),
        new("fujian", "FJ", "Fujian", 5, 5),
        new("taiwan", "TW", "Taiwan", 5, 6),
        new("guangxi", "GX", "Guangxi", 6, 3),
        new("guangdong", "GD", "Guangdong", 6, 4),
        new("hainan", "HI", "Hainan", 7, 3),
        new("macao", "MO", "Macao", 7, 4),
        new("hong-kong", "HK", "Hong Kong", 7, 5),
    ];
}
