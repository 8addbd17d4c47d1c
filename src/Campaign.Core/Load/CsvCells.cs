namespace Campaign.Core.Load;

/// <summary>
/// Spreadsheet safety for exported cells. A cell starting with <c>= + - @</c> (or a tab or carriage return)
/// is run as a formula by spreadsheet programs; the export puts an apostrophe in front, which spreadsheets
/// show as text, and the importer takes exactly that apostrophe off again, so a round trip changes nothing.
/// </summary>
public static class CsvCells
{
    private static bool Risky(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Neutralise(string cell) => cell.Length > 0 && Risky(cell[0]) ? "'" + cell : cell;

    /// <summary>Undoes <see cref="Neutralise"/>: an apostrophe followed by a formula character is dropped; any other apostrophe stays.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && Risky(cell[1]) ? cell[1..] : cell;
}
