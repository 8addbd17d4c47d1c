using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Emit;

/// <summary>Writes what is not a rendered page: the theme's static files and the campaign's assets.</summary>
public static class StaticOutput
{
    public static int Write(SiteModel model, Theme theme, OutputFolder output)
    {
        var count = 0;
        foreach (var file in theme.Static.Values)
        {
            output.Write(file.Url.TrimStart('/'), file.Bytes);
            count++;
        }
        var embargoed = Downloads.EmbargoedAssets.Of(model);
        foreach (var asset in model.Content.Assets.Where(a => !embargoed.Contains(a.Path)))
        {
            output.Copy("assets/" + asset.Path, asset.FullPath, asset.Sha256);
            count++;
        }
        return count;
    }
}
