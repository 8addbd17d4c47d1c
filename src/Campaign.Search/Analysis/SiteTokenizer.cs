using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Campaign.Search.Analysis;

/// <summary>
/// Splits text into runs of letters and digits (one token each) and single Han characters (one token each,
/// typed <c>&lt;IDEOGRAPHIC&gt;</c> as <see cref="StandardTokenizer"/> types them, so <c>CJKBigramFilter</c> pairs them).
/// Simpler than UAX #29 on purpose: the browser client has to reproduce it exactly, in a few lines.
/// </summary>
internal sealed class SiteTokenizer : Tokenizer
{
    public static readonly string IdeographicType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    public static readonly string WordType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;
    private string _text = "";
    private int _at;

    public SiteTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd() ?? ""; // Lucene's reusable string reader gives null for an empty string
        _at = 0;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_at < _text.Length)
        {
            var rune = Rune.GetRuneAt(_text, _at);
            var start = _at;
            if (SearchText.IsHan(rune.Value))
            {
                _at += rune.Utf16SequenceLength;
                return Emit(start, IdeographicType);
            }
            if (!SearchText.IsWord(rune))
            {
                _at += rune.Utf16SequenceLength;
                continue;
            }
            while (_at < _text.Length)
            {
                var next = Rune.GetRuneAt(_text, _at);
                if (SearchText.IsHan(next.Value) || !SearchText.IsWord(next)) break;
                _at += next.Utf16SequenceLength;
            }
            return Emit(start, WordType);
        }
        return false;
    }

    private bool Emit(int start, string type)
    {
        _term.SetEmpty().Append(_text, start, _at - start);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(_at));
        _type.Type = type;
        _increment.PositionIncrement = 1;
        return true;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_text.Length);
        _offset.SetOffset(end, end);
    }
}
