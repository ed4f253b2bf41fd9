using System.Globalization;

namespace Print.Core.Text;

/// <summary>Amounts in yuan as Chinese business text writes them: ¥6,200.00.</summary>
public static class Yuan
{
    public static string Format(decimal amount)
    {
        amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return (amount < 0 ? "-" : "") + "¥" + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
