namespace Campaign.Site.Timing;

/// <summary>Receives a build's progress: the stage it is in, and one tick per rendered page.</summary>
public interface IBuildProgress
{
    /// <summary>A stage starts; <paramref name="total"/> is its number of steps, or 0 when unknown.</summary>
    void Stage(string name, int total);

    /// <summary>One step of the current stage is done (may be called from several threads).</summary>
    void Advance();
}
