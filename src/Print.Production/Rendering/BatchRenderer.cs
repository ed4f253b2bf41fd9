using System.Diagnostics;
using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Core.Threading;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Store;
using Print.Templates;

namespace Print.Production.Rendering;

/// <summary>Where a rendering stands: pieces and pages done (whole files only count once saved), files written.</summary>
public sealed record BatchRenderProgress(string BatchId, int PiecesDone, int PieceCount, int FilesDone, int PagesDone, TimeSpan Elapsed, string Step)
{
    public override string ToString() => $"batch {BatchId}: {Step}: {PiecesDone:N0} of {PieceCount:N0} pieces, {FilesDone} file{(FilesDone == 1 ? "" : "s")}";
}

/// <summary>What a finished rendering wrote: the batch folder, its files (as in SHA256SUMS), and where it resumed.</summary>
public sealed record BatchRenderResult(string BatchId, string Directory, IReadOnlyList<BatchOutputFile> Files, int Pieces, int Pages,
    int ResumedAfterPieces, TimeSpan Elapsed);

/// <summary>
/// Renders a batch into <c>OUT/BATCH-ID/</c>: the print files (<c>print-001.pdf</c>, …, pieces in presort order,
/// cut at the batch's limits, a piece never split), <c>manifest.csv</c>, <c>posting-list.pdf</c> and
/// <c>SHA256SUMS</c>.
/// <para>
/// Crash-safe and resumable: each file is written under a temporary name and moved into place, and after each
/// whole print file the store records, in one transaction, the file, the pieces rendered so far and each of
/// those pieces' pages and state (planned → rendered). A rendering killed at any moment resumes after its last
/// recorded file: no piece is printed twice or left out. The batch goes created → rendering → rendered;
/// <see cref="Batch.TemplateHash"/> records the templates it was rendered from.
/// </para>
/// Memory is bounded by two print files (one being drawn, the one before it being saved; PDFsharp keeps a document
/// until it is saved): the pieces are read from the store a page at a time and only the current files' pieces and
/// pages are held; the posting list is drawn from the pages the print files read, and the manifest written from the
/// pieces of each print file as it is recorded (the pieces of files recorded before a resume read again, a page at a time).
/// </summary>
public sealed class BatchRenderer(IProductionStore production, ICustomerStore customers, TemplateLibrary library, CampaignSettings? campaign = null)
{
    private readonly PieceRenderer renderer = new(library.Engine);
    private readonly PieceComposer composer = new(library, new PieceRenderer(library.Engine), campaign ?? CampaignSettings.Default);

    /// <summary>Held by whichever thread of a rendering uses the store (see <see cref="RenderPrintFiles"/>).</summary>
    private readonly object storeLock = new();

    /// <summary>Who the state changes name.</summary>
    public string Actor { get; init; } = "print";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often progress is reported within a file, in pieces (whole files are always reported).</summary>
    public int ProgressEvery { get; init; } = 250;

    /// <summary>
    /// Pieces read from the store at a time (<see cref="IProductionStore.PiecesOf(string, int, int)"/>): 100 measured a
    /// little better than 250 (100,000 letters, three runs each: 84.6–87.7 % of the engine's sustained two-thread rate
    /// against 81.5–83.9 %, peak 449–485 MB against 476–484 MB); 50 no better. Composed in units of
    /// <see cref="PiecesPerUnit"/>.
    /// </summary>
    public int PiecesPerRead { get; init; } = 100;

    /// <summary>
    /// Renders <paramref name="batchId"/> (created, or rendering: resumes), or a rendered or approved batch again
    /// when <paramref name="rerenderReason"/> says why (its approval lapses). Throws <see cref="BatchRenderException"/>
    /// with a message for the operator when the batch cannot be rendered; nothing half-written is left behind.
    /// </summary>
    public BatchRenderResult Render(string batchId, string outputRoot, IProgress<BatchRenderProgress>? progress = null,
        CancellationToken ct = default, string? rerenderReason = null)
    {
        var clock = Stopwatch.StartNew();
        var batch = production.FindBatch(batchId) ?? throw new BatchRenderException($"no batch {batchId} in the store");
        var templates = Templates(batch);
        var hash = Hash(batch, templates);
        var directory = Path.Combine(Path.GetFullPath(outputRoot), batch.Id);

        bool restart = true;
        switch (batch.History.State)
        {
            case BatchState.Created:
                batch.History.Transition(BatchState.Rendering, Clock.GetUtcNow(), Actor);
                break;
            case BatchState.Rendering:
                // A rendering that stopped. Its recorded files must still be there as recorded, and from the same
                // templates; otherwise it starts over (the pieces keep their state, their pages are rewritten).
                restart = batch.TemplateHash != hash || !RecordedFilesIntact(batch, directory);
                break;
            case BatchState.Rendered or BatchState.Approved when rerenderReason is not null:
                batch.History.Rerender(Clock.GetUtcNow(), Actor, rerenderReason);
                break;
            case BatchState.Rendered or BatchState.Approved:
                throw new BatchRenderException($"batch {batch.Id} is already {StateNames.Of(batch.History.State)} " +
                    $"({batch.Files.Count} files); to render it again, say why (its approval lapses)");
            default:
                throw new BatchRenderException($"batch {batch.Id} is {StateNames.Of(batch.History.State)}: it can no longer be rendered");
        }
        if (restart)
        {
            batch.TemplateHash = hash;
            batch.RenderedPieces = 0;
            batch.Files = [];
            production.RestartRendering(batch);
        }
        else production.Update(batch, []);

        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory, "*.tmp")) File.Delete(stale);

        CheckPieceCount(batch);
        int resumedAfter = batch.RenderedPieces;
        var report = (string step) => progress?.Report(new BatchRenderProgress(batch.Id, batch.RenderedPieces, batch.PieceCount,
            batch.Files.Count, batch.Files.Sum(f => f.Pages), clock.Elapsed, step));
        report(resumedAfter > 0 ? $"resuming after {resumedAfter:N0} pieces in {batch.Files.Count} files" : "started");

        // The posting list needs nothing the print files decide, only the pieces and their addressees: it is drawn
        // meanwhile, on a thread of its own, in the gaps the print files leave on the cores, from the pages of pieces
        // the print files read (and, after a resume, its own read of the pieces already in files).
        var postingPath = Path.Combine(directory, BatchOutput.PostingList);
        // Finished before the print files are, so it waits under a temporary name until they are: a rendering that
        // fails leaves no posting list behind (the next one deletes the *.tmp files).
        var postingPending = postingPath + ".pending.tmp";
        using var stopList = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var drawn = new HandOff<IReadOnlyList<MailPiece>>(Math.Max(1, ListBacklog / UnitSize));
        var postingList = Task.Factory.StartNew(() =>
            {
                try
                {
                    return new PostingList(library.Engine, PostingList.LoadTemplate(library.Root), library.DefaultSender)
                        .Write(batch, string.Join(" + ", templates.Select(t => t.Metadata.Title)), batch.PieceCount,
                            ListedPieces(batch, resumedAfter, drawn, stopList.Token), postingPending, stopList.Token);
                }
                catch
                {
                    stopList.Cancel(); // the print files stop handing it pages
                    throw;
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        List<BatchOutputFile> printFiles, all;
        // Written as each print file is recorded, after the lines of the files recorded before a resume.
        var manifestPath = Path.Combine(directory, BatchOutput.Manifest);
        using var manifest = new BatchOutput.ManifestWriter(manifestPath);
        try
        {
            foreach (var page in FirstPages(batch, resumedAfter)) manifest.Add(page);
            try
            {
                RenderPrintFiles(batch, directory, report, ct, page => drawn.Add(page, stopList.Token), manifest.Add);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                postingList.GetAwaiter().GetResult(); // the posting list failed: its error, not the cancellation it caused
                throw;
            }
            drawn.CompleteAdding();

            // Print files of an earlier, longer rendering would otherwise linger beside the new ones.
            printFiles = batch.Files.Where(f => BatchOutput.IsPrintFileName(f.Name, out _)).ToList();
            foreach (var file in Directory.EnumerateFiles(directory, "print-*.pdf"))
                if (!printFiles.Any(f => f.Name == Path.GetFileName(file))) File.Delete(file);

            ct.ThrowIfCancellationRequested();
            report("writing the proof, the manifest and the posting list");
            var proofPath = Path.Combine(directory, BatchOutput.Proof);
            var (proofPages, proofPieces) = WriteProof(batch, templates, proofPath);
            if (manifest.Lines != batch.PieceCount)
                throw new InvalidOperationException($"the manifest of batch {batch.Id} has {manifest.Lines} lines for {batch.PieceCount} pieces");
            int listPages = postingList.GetAwaiter().GetResult();
            manifest.Complete(); // only with the posting list: a rendering that fails leaves neither
            File.Move(postingPending, postingPath, overwrite: true);
            all =
            [
                .. printFiles, Output(proofPath, proofPages, proofPieces), Output(manifestPath, 0, batch.PieceCount),
                Output(postingPath, listPages, batch.PieceCount),
            ];
        }
        finally
        {
            // A rendering that stops leaves no work running behind it.
            drawn.CompleteAdding();
            stopList.Cancel();
            try { postingList.Wait(); } catch (AggregateException) { }
            if (File.Exists(postingPending)) File.Delete(postingPending);
        }
        BatchOutput.WriteChecksums(Path.Combine(directory, BatchOutput.Checksums), all);

        batch.Files = all;
        batch.History.Transition(BatchState.Rendered, Clock.GetUtcNow(), Actor);
        production.Update(batch, []);
        report("rendered");
        return new BatchRenderResult(batch.Id, directory, all, batch.PieceCount, printFiles.Sum(f => f.Pages), resumedAfter, clock.Elapsed);
    }

    /// <summary>
    /// The store holds the batch's pieces numbered 1 to <see cref="Batch.PieceCount"/>: checked at the end before
    /// anything is written (the last is there, none beyond it), and on the way by <see cref="Pages"/> (no gap).
    /// </summary>
    private void CheckPieceCount(Batch batch)
    {
        var tail = production.PiecesOf(batch.Id, batch.PieceCount, 2);
        bool whole = batch.PieceCount == 0 ? tail.Count == 0 : tail is [{ } last] && last.Sequence == batch.PieceCount;
        if (!whole)
            throw new BatchRenderException($"batch {batch.Id} has {batch.PieceCount} pieces but the store holds " +
                (tail.Count == 0 || tail[0].Sequence < batch.PieceCount ? "fewer" : "more") + " of them");
    }

    /// <summary>The batch's first <paramref name="count"/> pieces from the store in presort order, a page at a time.</summary>
    private IEnumerable<IReadOnlyList<MailPiece>> FirstPages(Batch batch, int count)
    {
        for (int done = 0; done < count; done += PiecesPerRead)
            yield return Page(batch, done, Math.Min(PiecesPerRead, count - done));
    }

    /// <summary>Pieces <paramref name="done"/> + 1 to <paramref name="done"/> + <paramref name="count"/>, all of them, in presort order.</summary>
    private IReadOnlyList<MailPiece> Page(Batch batch, int done, int count)
    {
        IReadOnlyList<MailPiece> page;
        lock (storeLock) page = production.PiecesOf(batch.Id, done + 1, count);
        for (int k = 0; k < page.Count; k++)
            if (page[k].Sequence != done + k + 1)
                throw new BatchRenderException($"batch {batch.Id} has {batch.PieceCount} pieces but the store holds no piece {done + k + 1} of it");
        if (page.Count < count)
            throw new BatchRenderException($"batch {batch.Id} has {batch.PieceCount} pieces but the store holds only {done + page.Count} of them");
        return page;
    }

    /// <summary>Pieces the print files have drawn and the posting list has not yet taken, at most.</summary>
    private const int ListBacklog = 1600;

    /// <summary>
    /// The posting list's pieces in presort order: the first <paramref name="resumedAfter"/> (already in files)
    /// read from the store, then the pages the print files read, as they are drawn.
    /// </summary>
    private IEnumerable<MailPiece> ListedPieces(Batch batch, int resumedAfter, HandOff<IReadOnlyList<MailPiece>> drawn, CancellationToken ct)
    {
        foreach (var page in FirstPages(batch, resumedAfter))
            foreach (var piece in page) yield return piece;
        foreach (var page in drawn.Taken(ct))
            foreach (var piece in page) yield return piece;
    }

    /// <summary>
    /// Pieces merged and laid out together on the thread pool, and handed to the drawing thread together. Few: every
    /// laid-out letter not yet drawn is marked and copied by each young collection, and the collector stops both cores.
    /// 20,000 letters: units of 100 two ahead promoted 1.8 MB a collection; of 20 four ahead 1.6 MB (marked from the
    /// threads' stacks and queues: 604 KB), pausing 151 µs a page; of 5 three ahead 1.0–1.1 MB (308 KB), 112–127 µs —
    /// less than the plain two-thread run's 120–142 µs.
    /// </summary>
    private const int PiecesPerUnit = 5;

    /// <summary>A unit never reaches beyond a page read.</summary>
    private int UnitSize => Math.Min(PiecesPerUnit, PiecesPerRead);

    /// <summary>
    /// Composers: by default one core draws and each of the others composes units one after another (units are dealt
    /// to them in turn). On two cores a single composer and the drawing thread fill both as the engine's own two threads do;
    /// several composers at once there took turns with the drawing thread, which all the others wait on, ran out of
    /// units ahead and left a core idle 15–17 % of the rendering against the engine's 11–12 % (100,000 letters;
    /// <c>cores idle</c> in the bench).
    /// </summary>
    public int Composers
    {
        get => composers;
        init => composers = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Composers), value, "at least one composer");
    }
    private readonly int composers = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Units composed ahead of the one being drawn, per composer. More hold more laid-out letters through each young
    /// collection: on two cores 12 ahead paused the rendering 140–159 µs a page, 24 ahead 175–201 µs.
    /// </summary>
    private const int UnitsAhead = 6;

    /// <summary>
    /// Three kinds of work at once, so that both cores stay busy however the work per piece is shared out:
    /// <list type="bullet">
    /// <item>on the thread pool, the next units of <see cref="UnitSize"/> pieces (<see cref="UnitsAhead"/> for each of
    /// the <see cref="Composers"/>) are merged, laid out and marked, each composer's one after another;</item>
    /// <item>this thread reads the pieces from the store a page of <see cref="PiecesPerRead"/> at a time, hands out the
    /// units, and draws the composed pieces, in presort order, into the print file, handing each unit of pieces to
    /// <paramref name="drawing"/> first (the posting list's thread);</item>
    /// <item>a full print file is saved, hashed and recorded on a background task while the next one is drawn (one
    /// file at a time, in order, so the files are recorded as they follow one another), then its pieces handed to
    /// <paramref name="recorded"/> (the manifest's lines).</item>
    /// </list>
    /// The store is used by one thread at a time (<see cref="storeLock"/>): LiteDB 5.0.21 broke when one thread read while
    /// another saved. At most <see cref="UnitsAhead"/> × <see cref="Composers"/> + 1 units of laid-out pieces and two print files are held.
    /// </summary>
    private void RenderPrintFiles(Batch batch, string directory, Action<string> report, CancellationToken ct, Action<IReadOnlyList<MailPiece>> drawing,
        Action<IReadOnlyList<MailPiece>> recorded)
    {
        var limits = batch.Limits;
        int skip = batch.RenderedPieces;
        int unitSize = UnitSize;
        int unitCount = (batch.PieceCount - skip + unitSize - 1) / unitSize;
        int fileNumber = batch.Files.Count;

        var composing = new Queue<Task<List<ComposedPiece>>>();
        // Each composer's units one after another; after a unit that failed, that composer's later units are cancelled
        // (the drawing thread meets the failure first: it takes the units in order).
        int ahead = UnitsAhead * composers;
        var lastComposed = Enumerable.Repeat(Task.CompletedTask, composers).ToArray();
        Task finishing = Task.CompletedTask;
        PdfBatchWriter? writer = null;
        var inFile = new List<MailPiece>();
        int sheets = 0;
        IReadOnlyList<MailPiece> read = [];
        int readFrom = skip;
        try
        {
            for (int next = 0, unit = 0; unit < unitCount; unit++)
            {
                for (; next < unitCount && next <= unit + ahead; next++)
                {
                    var pieces = Unit(skip + next * unitSize);
                    var unitComposed = lastComposed[next % composers].ContinueWith(_ => Compose(pieces), CancellationToken.None,
                        TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                    composing.Enqueue(unitComposed);
                    lastComposed[next % composers] = unitComposed;
                }
                Write(composing.Dequeue().GetAwaiter().GetResult());
            }
            if (inFile.Count > 0) FinishInBackground();
            finishing.GetAwaiter().GetResult();
        }
        finally
        {
            // A failure must not leave work running into a dead rendering; a file being recorded is completed.
            foreach (var task in composing.Append(finishing)) try { task.Wait(); } catch (AggregateException) { }
            writer?.Dispose();
        }

        // Pieces done + 1 on, a unit's worth, from the page read last or the next page read.
        List<MailPiece> Unit(int done)
        {
            int count = Math.Min(unitSize, batch.PieceCount - done);
            if (done < readFrom || done + count > readFrom + read.Count)
            {
                read = Page(batch, done, Math.Min(PiecesPerRead, batch.PieceCount - done));
                readFrom = done;
            }
            var unit = new List<MailPiece>(count);
            for (int i = done - readFrom; i < done - readFrom + count; i++) unit.Add(read[i]);
            return unit;
        }

        List<ComposedPiece> Compose(List<MailPiece> pieces)
        {
            var letters = Letters(pieces);
            var composed = new List<ComposedPiece>(pieces.Count);
            foreach (var piece in pieces)
            {
                ct.ThrowIfCancellationRequested();
                composed.Add(composer.Compose(piece, letters(piece), batch.CreatedOn));
            }
            return composed;
        }

        void Write(List<ComposedPiece> page)
        {
            drawing(page.ConvertAll(c => c.Piece));
            foreach (var composed in page)
            {
                ct.ThrowIfCancellationRequested();
                var piece = composed.Piece;
                if (composed.Sheets > limits.MaxSheets)
                    throw new BatchRenderException(piece, $"{composed.Sheets} sheets, more than a whole print file may hold ({limits.MaxSheets}); raise the batch's sheet limit");

                bool full = inFile.Count == limits.MaxPieces || sheets + composed.Sheets > limits.MaxSheets;
                if (full && inFile.Count > 0) FinishInBackground();
                if (writer is null)
                {
                    fileNumber++;
                    writer = new PdfBatchWriter(Info(batch, fileNumber));
                }
                int first = writer.PageCount + 1;
                writer.Append(new LaidOutDocument(Info(batch, fileNumber), composed.Pages));
                piece.Pages = new PiecePages(BatchOutput.PrintFileName(fileNumber), first, writer.PageCount, composed.Sheets);
                inFile.Add(piece);
                sheets += composed.Sheets;
                if (inFile.Count % ProgressEvery == 0) report($"rendering {BatchOutput.PrintFileName(fileNumber)}");
            }
        }

        void FinishInBackground()
        {
            // The previous file first: files are recorded in order, and no more than two are held. A rendering
            // cancelled meanwhile saves no further file.
            finishing.GetAwaiter().GetResult();
            ct.ThrowIfCancellationRequested();
            var (full, pieces, number) = (writer!, inFile, fileNumber);
            finishing = Task.Run(() =>
            {
                using (full) Finish(batch, full, pieces, directory, number);
                recorded(pieces);
                report($"wrote {batch.Files[^1].Name}");
            });
            writer = null;
            inFile = [];
            sheets = 0;
        }
    }

    /// <summary>
    /// What each piece's documents print about its customer: kept by the piece since pieces keep it; for pieces
    /// stored before, the customer as the store holds them now (one look-up for the page). Null for a seed piece,
    /// and for a customer no longer in the store (the composer stops at that piece).
    /// </summary>
    private Func<MailPiece, LetterFacts?> Letters(IReadOnlyList<MailPiece> page)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in page) if (piece.Letter is null && !piece.IsSeed) ids.Add(piece.CustomerId);
        if (ids.Count == 0) return piece => piece.Letter;
        IReadOnlyDictionary<string, CustomerRecord> records;
        lock (storeLock) records = customers.GetMany(ids);
        return piece => piece.Letter ?? (!piece.IsSeed && records.TryGetValue(piece.CustomerId, out var r) ? Now(piece, r) : null);

        static LetterFacts Now(MailPiece piece, CustomerRecord r)
        {
            try
            {
                return LetterFacts.Of(r.Customer, r.Policies, piece.PolicyNumber);
            }
            catch (InvalidOperationException e)
            {
                throw new BatchRenderException(piece, e.Message, e);
            }
        }
    }

    /// <summary>Customer pieces at the start of the proof.</summary>
    public int ProofPieces { get; init; } = 3;

    /// <summary>
    /// The proof that is signed off before the batch is printed (<c>proof.pdf</c>), every page under the
    /// <see cref="ProofMark"/> banner: the batch's first
    /// <see cref="ProofPieces"/> customer pieces as the print file has them, then each of its documents merged with
    /// the template's adversarial sample (the longest name and address, a rare character, markup characters, empty
    /// optional fields) — the worst a customer record can do to the layout. Returns its pages and pieces.
    /// </summary>
    private (int Pages, int Pieces) WriteProof(Batch batch, IReadOnlyList<PrintTemplate> templates, string path)
    {
        var head = Page(batch, 0, Math.Min(PiecesPerRead, batch.PieceCount));
        var first = head.Where(p => !p.IsSeed).Take(ProofPieces).ToList();
        if (first.Count == 0) first = head.Take(ProofPieces).ToList();
        var letters = Letters(first);
        var info = new DocumentInfo($"{batch.Id} {BatchOutput.Proof}", "Print", $"proof of batch {batch.Id}: {batch.Kind}", "Print");
        using var writer = new PdfBatchWriter(info);
        foreach (var piece in first)
            writer.Append(Marked(new LaidOutDocument(info, composer.Compose(piece, letters(piece), batch.CreatedOn).Pages)));
        foreach (var template in templates)
        {
            var model = library.Adversarial(template);
            if (batch.Variant is { } occasion) model.Campaign.Occasion = occasion;
            try
            {
                writer.Append(Marked(renderer.Render(template, model)));
            }
            catch (TemplateException e)
            {
                throw new BatchRenderException($"batch {batch.Id}: the proof's adversarial sample: {e.Message}", e);
            }
        }
        BatchOutput.WriteAtomically(path, writer.Save);
        return (writer.PageCount, first.Count + templates.Count);

        LaidOutDocument Marked(LaidOutDocument document)
        {
            foreach (var page in document.Pages) ProofMark.Stamp(page, library.Engine.Fonts, batch.Id);
            return document;
        }
    }

    /// <summary>
    /// Saves print file <paramref name="number"/>, then records it, its pieces' pages and states and the progress in
    /// one transaction: as one record of the file's pieces (<see cref="PrintFilePieces"/>), and pieces that had moved
    /// before (rendered by an earlier rendering, a re-printed copy) written one by one. Writing each piece cost LiteDB
    /// ~30 µs and 34 KB of garbage a piece, under the lock the pieces are read through.
    /// </summary>
    private void Finish(Batch batch, PdfBatchWriter writer, List<MailPiece> inFile, string directory, int number)
    {
        if (number != batch.Files.Count + 1) throw new InvalidOperationException($"print file {number} finished after {batch.Files.Count} files");
        var name = BatchOutput.PrintFileName(number);
        var path = Path.Combine(directory, name);
        BatchOutput.WriteAtomically(path, writer.Save);
        var now = Clock.GetUtcNow();
        var record = PrintFilePieces.Of(name, inFile, now, Actor);
        var moved = inFile.Where(p => !PrintFilePieces.AsFirstStored(p)).ToList();
        foreach (var piece in inFile)
            if (piece.History.State == PieceState.Planned) piece.History.Transition(PieceState.Rendered, now, Actor);
        batch.Files = [.. batch.Files, Output(path, writer.PageCount, inFile.Count)];
        batch.RenderedPieces += inFile.Count;
        lock (storeLock) production.RecordPrintFile(batch, record, moved);
    }

    private static BatchOutputFile Output(string path, int pages, int pieces)
    {
        var (sha, bytes) = BatchOutput.Hash(path);
        return new BatchOutputFile(Path.GetFileName(path), sha, bytes, pages, pieces);
    }

    private static DocumentInfo Info(Batch batch, int file) =>
        new($"{batch.Id} {BatchOutput.PrintFileName(file)}", "Print", $"batch {batch.Id}: {batch.Kind}", "Print");

    private static bool RecordedFilesIntact(Batch batch, string directory) =>
        batch.Files.All(f =>
        {
            var path = Path.Combine(directory, f.Name);
            return File.Exists(path) && new FileInfo(path).Length == f.Bytes && BatchOutput.Hash(path).Sha256 == f.Sha256;
        });

    /// <summary>The batch's templates, each checked before use; a template that fails stops the batch before anything is written.</summary>
    private IReadOnlyList<PrintTemplate> Templates(Batch batch)
    {
        try
        {
            return batch.Documents.Select(library.Get).ToList();
        }
        catch (Exception e) when (e is TemplateException or TemplateCheckException)
        {
            throw new BatchRenderException($"batch {batch.Id}: {e.Message}", e);
        }
    }

    /// <summary>
    /// <see cref="TemplateHash"/> of the batch's template folders: of the one folder for a single document, else
    /// over each document's folder hash by name (what proof sign-off compares).
    /// </summary>
    public static string Hash(Batch batch, IReadOnlyList<PrintTemplate> templates) =>
        templates.Count == 1 ? TemplateHash.OfFolder(templates[0].Directory)
            : TemplateHash.Of(templates.Select(t => KeyValuePair.Create(t.Name, TemplateHash.OfFolder(t.Directory))));
}
