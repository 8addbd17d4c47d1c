using System.Collections.Concurrent;
using System.Reflection;
using Fluid;

namespace Campaign.Site.Rendering;

/// <summary>
/// Puts a page model's properties into a template context as top-level names, in the theme's snake case, so a layout
/// reads <c>{{ report.title }}</c> from <c>ReportPage.Report</c>. A template sees what its model holds, and nothing else.
/// </summary>
public static class PageModels
{
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Properties = new();

    public static void Expose(TemplateContext context, object model)
    {
        foreach (var (name, property) in Properties.GetOrAdd(model.GetType(), Readable))
            context.SetValue(name, property.GetValue(model));
    }

    private static (string, PropertyInfo)[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (MemberNameStrategies.SnakeCase(p), p))];
}
