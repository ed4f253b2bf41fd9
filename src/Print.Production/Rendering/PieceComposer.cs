using System.Security.Cryptography;
using System.Text;
using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Privacy;
using Print.Core.Production;
using Print.Documents.Geometry;
using Print.Documents.Pages;
using Print.Store;
using Print.Templates;
using Print.Templates.Model;
using CorePolicy = Print.Core.Customers.Policy;
using ModelPolicy = Print.Templates.Model.Policy;

namespace Print.Production.Rendering;

/// <summary>One piece laid out: all its documents' pages in order, its sheets, and the front page of each sheet marked.</summary>
public sealed record ComposedPiece(MailPiece Piece, IReadOnlyList<LaidOutPage> Pages, int Sheets);

/// <summary>
/// Lays out one mail piece: each of its documents merged, one after another, with the piece's model — the
/// addressee and the customer's and policy's facts as the piece recorded them when the batch was made (the
/// envelope window prints that snapshot, never a newer address), the tracking number, the event of an
/// invitation, the sender — and the inserter's <see cref="SheetMark"/> on the front of every sheet.
/// </summary>
public sealed class PieceComposer(TemplateLibrary library, PieceRenderer renderer, CampaignSettings campaign)
{
    /// <summary>Throws <see cref="BatchRenderException"/> naming the piece and customer for anything that stops it.</summary>
    public ComposedPiece Compose(MailPiece piece, LetterFacts? letter, DateOnly productionDate)
    {
        try
        {
            var pages = new List<LaidOutPage>();
            var fronts = new List<(LaidOutPage Page, Rect? Window)>();
            foreach (var name in piece.Documents)
            {
                var template = library.Get(name);
                var model = library.Prepare(template, Model(piece, name, template, letter, productionDate));
                var document = renderer.Render(template, model);
                int perSheet = PagesPerSheet(template.Metadata);
                for (int i = 0; i < document.Pages.Count; i++)
                {
                    var page = document.Pages[i];
                    if (i % perSheet == 0) fronts.Add((page, Window(template.Metadata, page)));
                    pages.Add(page);
                }
            }
            for (int s = 0; s < fronts.Count; s++) SheetMark.Stamp(fronts[s].Page, piece.Id, s + 1, fronts.Count, fronts[s].Window);
            return new ComposedPiece(piece, pages, fronts.Count);
        }
        catch (TemplateException e)
        {
            throw new BatchRenderException(piece, e.Message, e);
        }
        catch (TemplateCheckException e)
        {
            throw new BatchRenderException(piece, e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or Print.Documents.DocumentException or Print.Documents.Barcodes.BarcodeException)
        {
            throw new BatchRenderException(piece, e.Message, e);
        }
    }

    /// <summary>
    /// A template printed on both sides of its sheets: template.json gives twice as many pages as sheets (a
    /// two-sided card). Letters are printed on one side, a page per sheet.
    /// </summary>
    public static int PagesPerSheet(TemplateMetadata metadata) =>
        metadata.Pages is { } pages && pages == 2 * metadata.Sheets ? 2 : 1;

    private static Rect? Window(TemplateMetadata metadata, LaidOutPage page)
    {
        if (metadata.Envelope?.Window is not { } w) return null;
        double Pt(string text) => Length.TryParse(text, 10, out var v) ? v : 0;
        return new Rect(page.TrimBox.X + Pt(w.X), page.TrimBox.Y + Pt(w.Y), Pt(w.Width), Pt(w.Height));
    }

    /// <summary>The model one document of the piece is merged with; <paramref name="letter"/> is null for a seed piece only.</summary>
    public TemplateModel Model(MailPiece piece, string document, PrintTemplate template, LetterFacts? letter, DateOnly productionDate)
    {
        if (letter is null && !piece.IsSeed)
            throw new InvalidOperationException($"customer {piece.CustomerId} is not in the store");
        var a = piece.Address;
        var model = new TemplateModel
        {
            Today = productionDate.ToDateTime(TimeOnly.MinValue),
            Customer = new Templates.Model.Customer
            {
                Id = piece.CustomerId,
                Name = piece.Name,
                Gender = letter?.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => "" },
                Birthday = letter?.Birthday?.ToDateTime(TimeOnly.MinValue),
                Mobile = letter?.Mobile ?? "",
                Email = letter?.Email ?? "",
                Province = a.Province,
                City = a.City,
                District = a.District,
                Street = a.Street,
                Address = a.ToString(),
                Postcode = a.Postcode,
                Segment = piece.Segment,
            },
            Policy = Policy(letter?.Policy),
            Piece = new Piece
            {
                Id = piece.Id,
                Kind = document,
                TrackingNumber = piece.TrackingNumber?.ToString() ?? "",
                MailClass = MailClassName(piece.MailClass),
                ResponseCode = ResponseCode(piece.Id),
                SheetCount = template.Metadata.Sheets,
            },
            Campaign = Campaign(piece, letter, productionDate),
        };
        model.Piece.ResponseUrl = $"https://{library.DefaultSender.Website}/r/{model.Piece.ResponseCode}";
        return model;
    }

    private static ModelPolicy Policy(CorePolicy? policy)
    {
        if (policy is null) return new ModelPolicy();
        return new ModelPolicy
        {
            Number = policy.Number,
            Plate = policy.Plate,
            CarModel = policy.CarModel,
            StartDate = policy.Start.ToDateTime(TimeOnly.MinValue),
            EndDate = policy.End.ToDateTime(TimeOnly.MinValue),
            Premium = policy.Premium,
            ClaimsCount = policy.ClaimsCount,
            ClaimsAmount = policy.ClaimsAmount,
        };
    }

    private Templates.Model.Campaign Campaign(MailPiece piece, LetterFacts? letter, DateOnly productionDate)
    {
        var result = new Templates.Model.Campaign { Occasion = piece.Variant ?? "" };
        if (piece.Variant == "birthday" && letter?.Birthday is { } b)
        {
            var day = new DateOnly(productionDate.Year, b.Month, b.Month == 2 && b.Day == 29 && !DateTime.IsLeapYear(productionDate.Year) ? 28 : b.Day);
            if (day < productionDate) day = day.AddYears(1);
            result.OccasionDate = day.ToDateTime(TimeOnly.MinValue);
        }
        if (piece.EventId is { } eventId)
        {
            var e = campaign.Calendar.InvitationTiming.Events.FirstOrDefault(x => x.Id == eventId)
                ?? throw new InvalidOperationException(
                    $"event '{eventId}' is not in the campaign settings (events: {string.Join(", ", campaign.Calendar.InvitationTiming.Events.Select(x => x.Id).DefaultIfEmpty("none"))})");
            result.Name = e.Title;
            result.Event = new Event
            {
                Name = e.Title,
                Date = e.Date.ToDateTime(TimeOnly.MinValue),
                Place = e.Place,
                RsvpBy = e.InviteUntil.ToDateTime(TimeOnly.MinValue),
            };
        }
        else if (piece.Documents.Contains("invitation"))
            throw new InvalidOperationException("an invitation needs the event it invites to, and the piece names none");
        return result;
    }

    public static string MailClassName(MailClass mailClass) => mailClass switch
    {
        MailClass.Registered => "registered",
        MailClass.RegisteredWithReturnReceipt => "registered-receipt",
        _ => "ordinary",
    };

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read back from paper by people

    /// <summary>
    /// The piece's response code (survey, reply card, QR link): 8 characters derived from the piece id, so the
    /// same piece always prints the same code and a response names its piece without a lookup table.
    /// </summary>
    public static string ResponseCode(string pieceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pieceId));
        var code = new char[8];
        ulong bits = BitConverter.ToUInt64(hash, 0);
        for (int i = 0; i < code.Length; i++)
        {
            code[i] = CodeAlphabet[(int)(bits % (ulong)CodeAlphabet.Length)];
            bits /= (ulong)CodeAlphabet.Length;
        }
        return new string(code);
    }
}

/// <summary>Rendering a batch stopped; the message names the piece and its customer where one is at fault.</summary>
public sealed class BatchRenderException : Exception
{
    public BatchRenderException(string message, Exception? inner = null) : base(message, inner) { }

    public BatchRenderException(MailPiece piece, string reason, Exception? inner = null)
        : base($"piece {piece.Id} (customer {piece.CustomerId}): {Masked(reason, piece)}", inner)
    {
        PieceId = piece.Id;
        CustomerId = piece.CustomerId;
    }

    public string? PieceId { get; }
    public string? CustomerId { get; }

    /// <summary>Messages reach logs: the addressee's name and street, should a layout error quote them, are masked.</summary>
    private static string Masked(string reason, MailPiece piece)
    {
        if (piece.Name.Length > 0) reason = reason.Replace(piece.Name, Pii.MaskName(piece.Name), StringComparison.Ordinal);
        if (piece.Address.Street.Length > 3) reason = reason.Replace(piece.Address.Street, Pii.MaskStreet(piece.Address.Street), StringComparison.Ordinal);
        return Pii.Scrub(reason);
    }
}
