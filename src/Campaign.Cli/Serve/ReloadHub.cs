using System.Threading.Channels;

namespace Campaign.Cli.Serve;

/// <summary>The open pages listening for server-sent events; each finished build is announced to all of them.</summary>
public sealed class ReloadHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<int>> _clients = [];

    public int Clients
    {
        get { lock (_gate) return _clients.Count; }
    }

    public Channel<int> Join()
    {
        var channel = Channel.CreateUnbounded<int>();
        lock (_gate) _clients.Add(channel);
        return channel;
    }

    public void Leave(Channel<int> channel)
    {
        lock (_gate) _clients.Remove(channel);
        channel.Writer.TryComplete();
    }

    /// <summary>Tells every open page that build <paramref name="build"/> finished (well or with errors).</summary>
    public void Announce(int build)
    {
        lock (_gate)
            foreach (var c in _clients) c.Writer.TryWrite(build);
    }

    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var c in _clients) c.Writer.TryComplete();
            _clients.Clear();
        }
    }
}
