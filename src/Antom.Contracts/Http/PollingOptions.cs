using System;

namespace Antom.Contracts.Http;

/// <summary>How <see cref="OperationPoller"/> waits: a first delay that doubles up to a ceiling, with jitter, until a deadline.</summary>
/// <param name="FirstDelay">The wait before the first inquiry; at least <see cref="MinimumDelay"/>.</param>
/// <param name="MaxDelay">The longest wait between inquiries (each wait doubles up to it); at least <paramref name="FirstDelay"/>.</param>
/// <param name="Deadline">How long to keep trying in all; positive.</param>
public sealed record PollingOptions(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Deadline)
{
    /// <summary>The shortest wait allowed between two inquiries: polling faster only gets a merchant throttled.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait allowed between two inquiries.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromHours(1);

    /// <summary>The longest deadline allowed.</summary>
    public static readonly TimeSpan MaximumDeadline = TimeSpan.FromDays(8);

    /// <summary>2 s, doubling up to 1 min, for up to 30 min.</summary>
    public static PollingOptions Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

    /// <summary>Throws when a setting would poll too fast, never, or forever.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (FirstDelay < MinimumDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstDelay), FirstDelay, $"PollingOptions.FirstDelay must be at least {MinimumDelay}: a shorter delay hammers inquiryPayment.");
        }

        if (MaxDelay < FirstDelay || MaxDelay > MaximumDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, $"PollingOptions.MaxDelay must be at least FirstDelay and at most {MaximumDelay}.");
        }

        if (Deadline <= TimeSpan.Zero || Deadline > MaximumDeadline)
        {
            throw new ArgumentOutOfRangeException(nameof(Deadline), Deadline, $"PollingOptions.Deadline must be positive and at most {MaximumDeadline} (a capture is possible for 7 days).");
        }
    }

    /// <summary>The next backoff step: doubled, never past <see cref="MaxDelay"/>, never overflowing.</summary>
    internal TimeSpan Next(TimeSpan delay) => delay.Ticks >= MaxDelay.Ticks / 2 ? MaxDelay : TimeSpan.FromTicks(delay.Ticks * 2);

    /// <summary>The actual wait for a step: uniformly between half the step and the step, so instances spread out.</summary>
    /// <param name="step">The backoff step.</param>
    /// <param name="draw">Picks a whole number of ticks in [0, max]: <c>max =&gt; Random.Shared.NextInt64(max + 1)</c>.</param>
    internal static TimeSpan Jittered(TimeSpan step, Func<long, long> draw)
    {
        long half = step.Ticks / 2;
        return TimeSpan.FromTicks(half + draw(step.Ticks - half));
    }
}
