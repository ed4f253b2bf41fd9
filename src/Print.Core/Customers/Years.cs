namespace Print.Core.Customers;

/// <summary>Whole years between two days, as ages and policy ages count them (a birthday on 29 February counts from 1 March).</summary>
public static class Years
{
    public static int Between(DateOnly from, DateOnly to)
    {
        int years = to.Year - from.Year;
        if (to.Month < from.Month || (to.Month == from.Month && to.Day < from.Day)) years--;
        return years;
    }
}
