namespace Print.Core.Production;

/// <summary>
/// A state change that is not allowed: backwards, skipping a step, out of a final state, or missing what it
/// needs (a return reason, a new address, a current approval). The message names the piece or batch, the
/// states, and what would be allowed.
/// </summary>
public sealed class InvalidTransitionException(string subject, string from, string to, string message)
    : InvalidOperationException(message)
{
    /// <summary>"piece P000123 (copy 1)" or "batch B2026-11-18-01".</summary>
    public string Subject { get; } = subject;
    public string From { get; } = from;
    public string To { get; } = to;
}
