using System.Globalization;
using System.Text;

namespace Print.Templates.Helpers;

/// <summary>How Chinese business documents write dates, money and personal numbers.</summary>
public static class ChineseFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>2026年11月24日</summary>
    public static string Date(DateTime date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>¥1,234.00 (negative: -¥1,234.00): the one yuan format, shared with logs and reports.</summary>
    public static string Yuan(decimal amount) => Print.Core.Text.Yuan.Format(amount);

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = { "", "拾", "佰", "仟" };
    private static readonly string[] GroupUnits = { "", "万", "亿", "万亿" };

    /// <summary>
    /// An amount in capital numerals as written on insurance documents and cheques (大写金额):
    /// 1234 → 壹仟贰佰叁拾肆元整, 10000.05 → 壹万元零伍分, 0 → 零元整.
    /// </summary>
    public static string YuanInCapitals(decimal amount)
    {
        amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (amount < 0) return "负" + YuanInCapitals(-amount);
        if (amount >= 1_0000_0000_0000m) throw new ArgumentOutOfRangeException(nameof(amount), "amounts from one trillion yuan up are not written in capitals");
        long yuan = (long)Math.Floor(amount);
        int cents = (int)((amount - yuan) * 100);
        int jiao = cents / 10, fen = cents % 10;

        var sb = new StringBuilder();
        if (yuan > 0) sb.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && fen == 0) return (yuan == 0 ? "零元" : sb.ToString()) + "整";
        if (jiao > 0)
        {
            // A zero between yuan and jiao is read out when the yuan end in zero: 10.50 → 壹拾元零伍角.
            if (yuan > 0 && yuan % 10 == 0) sb.Append('零');
            sb.Append(Digits[jiao]).Append('角');
        }
        if (fen > 0)
        {
            if (yuan > 0 || jiao > 0) { if (jiao == 0) sb.Append('零'); }
            sb.Append(Digits[fen]).Append('分');
        }
        return sb.ToString();
    }

    /// <summary>Capital numerals of a whole number: 零 once for any run of skipped places, 万/亿 after non-empty groups.</summary>
    private static string Integer(long value)
    {
        var digits = value.ToString(Invariant);
        var sb = new StringBuilder();
        bool zeroPending = false, groupHasDigit = false;
        for (int k = 0; k < digits.Length; k++)
        {
            int place = digits.Length - 1 - k;
            int d = digits[k] - '0';
            if (d == 0) zeroPending = sb.Length > 0;
            else
            {
                if (zeroPending) sb.Append('零');
                sb.Append(Digits[d]).Append(SmallUnits[place % 4]);
                zeroPending = false;
                groupHasDigit = true;
            }
            if (place % 4 == 0 && place > 0)
            {
                if (groupHasDigit) sb.Append(GroupUnits[place / 4]);
                groupHasDigit = false;
            }
        }
        return sb.ToString();
    }

    /// <summary>138****5678, as everywhere personal data is masked (<see cref="Print.Core.Privacy.Pii"/>).</summary>
    public static string MaskMobile(string? mobile) => Print.Core.Privacy.Pii.MaskMobile(mobile ?? "");

    /// <summary>3601**********1234, as everywhere personal data is masked.</summary>
    public static string MaskId(string? id) => Print.Core.Privacy.Pii.MaskIdNumber(id ?? "");

    /// <summary>先生 for men, 女士 for women, empty when the gender is unknown (the template then writes no honorific).</summary>
    public static string Honorific(string? gender) => (gender ?? "").Trim().ToUpperInvariant() switch
    {
        "男" or "M" or "MALE" => "先生",
        "女" or "F" or "FEMALE" => "女士",
        _ => "",
    };

    /// <summary>Whole years from <paramref name="birthday"/> to <paramref name="on"/>; a 29 February birthday counts on 1 March in common years.</summary>
    public static int Age(DateTime birthday, DateTime on)
    {
        int age = on.Year - birthday.Year;
        var thisYear = birthday.Month == 2 && birthday.Day == 29 && !DateTime.IsLeapYear(on.Year)
            ? new DateTime(on.Year, 3, 1)
            : new DateTime(on.Year, birthday.Month, birthday.Day);
        return on.Date < thisYear ? age - 1 : age;
    }

    private const string Stems = "甲乙丙丁戊己庚辛壬癸";
    private const string Branches = "子丑寅卯辰巳午未申酉戌亥";
    private const string Zodiac = "鼠牛虎兔龙蛇马羊猴鸡狗猪";
    private static readonly string[] MonthNames = { "正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊" };
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The lunar date as printed on greeting cards: 丙午年（马年）十月初六, with 闰 for a leap month.</summary>
    public static string LunarDate(DateTime date)
    {
        var (year, month, day, leap) = LunarParts(date);
        return $"{LunarYear(year)}年（{Zodiac[(year - 4) % 12]}年）{(leap ? "闰" : "")}{MonthNames[month - 1]}月{LunarDay(day)}";
    }

    /// <summary>The stem-branch name of a lunar year: 2026 → 丙午.</summary>
    public static string LunarYear(int year) => $"{Stems[(year - 4) % 10]}{Branches[(year - 4) % 12]}";

    /// <summary>Lunar year, month (1–12), day, and whether the month is a leap month.</summary>
    public static (int Year, int Month, int Day, bool Leap) LunarParts(DateTime date)
    {
        int year = Lunar.GetYear(date);
        int month = Lunar.GetMonth(date);
        int day = Lunar.GetDayOfMonth(date);
        int leapMonth = Lunar.GetLeapMonth(year);
        bool leap = leapMonth > 0 && month == leapMonth;
        // The calendar numbers a leap month as the month after its namesake: fold it back.
        if (leapMonth > 0 && month >= leapMonth) month--;
        return (year, month, day, leap);
    }

    private static string LunarDay(int day) => day switch
    {
        <= 10 => "初" + "一二三四五六七八九十"[day - 1],
        < 20 => "十" + "一二三四五六七八九"[day - 11],
        20 => "二十",
        < 30 => "廿" + "一二三四五六七八九"[day - 21],
        _ => "三十",
    };
}
