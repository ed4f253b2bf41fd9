namespace Print.Core.Import;

/// <summary>What a column of the customer file means, whatever its header says.</summary>
public enum ImportColumn
{
    CustomerId, Name, Gender, Birthday, IdNumber, Mobile, Email,
    Province, City, District, Street, Postcode, Occupation,
    PolicyNumber, Plate, CarModel, StartDate, EndDate, Premium, ClaimsCount, ClaimsAmount, Profit, Margin,
    DoNotMail, DoNotSms, DoNotEmail, DoNotCall, PreferredChannel,
}
