using Print.Core.Customers;
using Print.Core.Validation;

namespace Print.Core.Import;

/// <summary>
/// Turns one row of the customer file into a customer and a policy, or into every reason it cannot be
/// imported. Pure: the store decides what to do with either. Optional cells may be empty; a customer without a
/// postcode is imported but not mailable, while a postcode that is there must be valid.
/// </summary>
public sealed class RowParser(ColumnLayout layout, DateOnly today)
{
    public ParsedRow Parse(int row, IReadOnlyList<string> fields)
    {
        // Spreadsheets leave trailing empty cells; only extra cells with content mean the row is misaligned.
        if (fields.Skip(layout.Width).Any(f => f.Trim().Length > 0))
            return new ParsedRow(row, null, null, [new RowError(row, "", "", $"{fields.Count} fields but the header has {layout.Width} columns")]);

        var cells = new Cells(layout, fields, row);

        cells.Require(ImportColumn.CustomerId, Text, out var customerId);
        cells.Require(ImportColumn.Name, Text, out var name);
        var gender = cells.Get(ImportColumn.Gender, GenderText.Parse, out var g) ? g : Gender.Unknown;
        DateOnly? birthday = cells.Get(ImportColumn.Birthday, Birthday, out var b) ? b : null;
        string? idNumber = null;
        if (cells.Get(ImportColumn.IdNumber, s => ResidentId.Parse(s, today), out var id))
        {
            // The ID number is the more reliable source; a disagreement is a data error someone must look at.
            foreach (var conflict in id.ConflictsWith(birthday, gender)) cells.Fail(ImportColumn.IdNumber, conflict);
            idNumber = id.Number;
            birthday ??= id.Birthday;
            if (gender == Gender.Unknown) gender = id.Gender;
        }
        var mobile = cells.Get(ImportColumn.Mobile, MobileNumber.Normalize, out var m) ? m : "";
        var email = cells.Get(ImportColumn.Email, EmailAddress.Check, out var e) ? e : "";
        var address = new Address
        {
            Province = cells.Text(ImportColumn.Province),
            City = cells.Text(ImportColumn.City),
            District = cells.Text(ImportColumn.District),
            Street = cells.Text(ImportColumn.Street),
            Postcode = cells.Get(ImportColumn.Postcode, Postcode.Check, out var p) ? p : "",
        };
        var contact = new ContactPreferences
        {
            DoNotMail = cells.Get(ImportColumn.DoNotMail, YesNo.Parse, out var noMail) && noMail,
            DoNotSms = cells.Get(ImportColumn.DoNotSms, YesNo.Parse, out var noSms) && noSms,
            DoNotEmail = cells.Get(ImportColumn.DoNotEmail, YesNo.Parse, out var noEmail) && noEmail,
            DoNotCall = cells.Get(ImportColumn.DoNotCall, YesNo.Parse, out var noCall) && noCall,
            PreferredChannel = cells.Get(ImportColumn.PreferredChannel, ChannelText.Parse, out var channel) ? channel : null,
        };
        if (contact.PreferredChannel is { } preferred && Unreachable(preferred, contact, mobile, email) is { } why)
            cells.Fail(ImportColumn.PreferredChannel, why);

        cells.Require(ImportColumn.PolicyNumber, Text, out var policyNumber);
        cells.Require(ImportColumn.StartDate, DateText.Parse, out var start);
        cells.Require(ImportColumn.EndDate, DateText.Parse, out var end);
        if (cells.IsValid(ImportColumn.StartDate) && cells.IsValid(ImportColumn.EndDate) && end < start)
            cells.Fail(ImportColumn.EndDate, "the policy ends before it starts");
        cells.Require(ImportColumn.Premium, Amount.NonNegative, out var premium);
        var claimsCount = cells.Get(ImportColumn.ClaimsCount, Amount.Count, out var cc) ? cc : 0;
        var claimsAmount = cells.Get(ImportColumn.ClaimsAmount, Amount.NonNegative, out var ca) ? ca : 0m;
        decimal? profit = cells.Get(ImportColumn.Profit, Amount.Parse, out var pr) ? pr
            : cells.Get(ImportColumn.Margin, Amount.Margin, out var margin) ? Math.Round(premium * margin, 2) : null;

        if (cells.Errors.Count > 0) return new ParsedRow(row, null, null, cells.Errors);

        var customer = new Customer
        {
            Id = customerId, Name = name, Gender = gender, Birthday = birthday, IdNumber = idNumber,
            Mobile = mobile, Email = email, Occupation = cells.Text(ImportColumn.Occupation), Contact = contact,
        };
        if (!address.IsEmpty) customer.Addresses.Correct(address, AddressSource.Import, today);
        var policy = new Policy
        {
            Number = policyNumber, CustomerId = customerId,
            Plate = cells.Text(ImportColumn.Plate), CarModel = cells.Text(ImportColumn.CarModel),
            Start = start, End = end, Premium = premium,
            ClaimsCount = claimsCount, ClaimsAmount = claimsAmount, Profit = profit,
        };
        return new ParsedRow(row, customer, policy, []);
    }

    private static Validated<string> Text(string s) => s;

    private Validated<DateOnly> Birthday(string s)
    {
        var date = DateText.Parse(s);
        return date.IsValid && date.Value > today ? Validated.Fail("the birthday is in the future") : date;
    }

    private static string? Unreachable(Channel channel, ContactPreferences contact, string mobile, string email) => channel switch
    {
        _ when !contact.Allows(channel) => "the preferred channel is one the customer refused",
        Channel.Sms or Channel.Phone when mobile.Length == 0 => "the preferred channel needs a mobile number, and there is none",
        Channel.Email when email.Length == 0 => "the preferred channel is e-mail, and there is no e-mail address",
        _ => null,
    };

    /// <summary>The cells of one row, read through validators that collect the row's errors.</summary>
    private sealed class Cells(ColumnLayout layout, IReadOnlyList<string> fields, int row)
    {
        private readonly HashSet<ImportColumn> failed = [];
        public List<RowError> Errors { get; } = [];

        public string Text(ImportColumn column) => layout.Cell(fields, column);

        public bool IsValid(ImportColumn column) => !failed.Contains(column);

        /// <summary>True with the value when the cell is filled and valid; an invalid cell is recorded.</summary>
        public bool Get<T>(ImportColumn column, Func<string, Validated<T>> check, out T value)
        {
            value = default!;
            var text = Text(column);
            if (text.Length == 0) return false;
            var result = check(text);
            if (!result.IsValid) { Fail(column, result.Error!); return false; }
            value = result.Value;
            return true;
        }

        public void Require<T>(ImportColumn column, Func<string, Validated<T>> check, out T value)
        {
            if (!Get(column, check, out value) && Text(column).Length == 0) Fail(column, "required, but empty");
        }

        public void Fail(ImportColumn column, string reason)
        {
            failed.Add(column);
            var text = Text(column);
            var masked = text.Length > 0 && ImportColumns.Of(column).Mask is { } mask ? mask(text) : text;
            Errors.Add(new RowError(row, layout.HeaderOf(column), masked, reason));
        }
    }
}
