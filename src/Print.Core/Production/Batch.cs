using Print.Core.Campaigns;

namespace Print.Core.Production;

/// <summary>
/// Pieces of one kind (the same documents), paper, envelope and mail class, in presort order, produced and
/// posted together. Its files are split at <see cref="Limits"/> when rendered.
/// </summary>
public sealed class Batch
{
    /// <summary><c>B{yyyyMMdd}-{nn}</c>, e.g. <c>B20261125-01</c>.</summary>
    public required string Id { get; init; }
    public required string WorkOrderId { get; init; }
    public required DateOnly CreatedOn { get; init; }
    /// <summary>The documents of every piece, e.g. <c>thank-you</c>, <c>survey</c>.</summary>
    public required IReadOnlyList<string> Documents { get; init; }
    /// <summary>The greeting-card variant when the batch holds one occasion's cards; null otherwise.</summary>
    public string? Variant { get; init; }
    public required string Paper { get; init; }
    public required string Envelope { get; init; }
    public required MailClass MailClass { get; init; }
    public required SplitLimits Limits { get; init; }
    public required int PieceCount { get; init; }
    public required BatchHistory History { get; init; }
    /// <summary>SHA-256 of the templates the files were rendered from (proof sign-off checks it).</summary>
    public string? TemplateHash { get; set; }
    /// <summary>The files of the last complete rendering, in order; empty before.</summary>
    public IReadOnlyList<BatchOutputFile> Files { get; set; } = [];
    /// <summary>Pieces rendered so far in the current rendering (progress; a restart resumes after the last whole file).</summary>
    public int RenderedPieces { get; set; }

    /// <summary>"thank-you+survey": the kind as operators read it.</summary>
    public string Kind => string.Join("+", Documents) + (Variant is { } v ? $" ({v})" : "");
}

/// <summary>One file of a rendered batch, with its SHA-256 (hex, lower case) as in SHA256SUMS.</summary>
public sealed record BatchOutputFile(string Name, string Sha256, long Bytes, int Pages, int Pieces);

/// <summary>A work order: the due mail communications gathered on a day, split into batches.</summary>
public sealed record WorkOrder(string Id, DateOnly CreatedOn, string CreatedBy, IReadOnlyList<string> BatchIds, int Pieces);
