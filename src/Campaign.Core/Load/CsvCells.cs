namespace Campaign.Core.Load;

/// <summary>
/// Spreadsheet safety for exported cells. A cell starting with <c>= + - @</c> (or a tab or carriage return)
/// is run as a formula by spreadsheet programs; the export puts an apostrophe in front, which spreadsheets
/// show as text, and the importer takes exactly that apostrophe off again, so a round trip changes nothing.
/// </summary>
public static class CsvCells
{
    private static bool Risky(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Whether the cell gets the apostrophe: it starts with a formula character, or with apostrophes before one. The
    /// second case is what makes the round trip exact: <c>'=x</c> typed as a value would otherwise be exported as it
    /// is and lose its apostrophe on import, so it goes out as <c>''=x</c> and comes back as <c>'=x</c>.
    /// </summary>
    private static bool Marked(string cell)
    {
        var i = 0;
        while (i < cell.Length && cell[i] == '\'') i++;
        return i < cell.Length && Risky(cell[i]);
    }

    public static string Neutralise(string cell) => Marked(cell) ? "'" + cell : cell;

    /// <summary>Undoes <see cref="Neutralise"/>: the apostrophe before a marked value is dropped; any other apostrophe stays.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && Marked(cell[1..]) ? cell[1..] : cell;
}
