using System.Globalization;
using Print.Templates.Helpers;
using Print.Templates.Merge;

namespace Print.Templates.Tests.Helpers;

/// <summary>
/// The Chinese helpers templates call (cn_date, yuan, yuan_capitals, mask_mobile, mask_id, honorific, lunar_date),
/// each checked against the rule it implements, not against its own output.
/// </summary>
public class ChineseFormatsTests
{
    private static DateTime D(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- dates --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-24", "2026年11月24日")]
    [InlineData("2026-01-05", "2026年1月5日")] // no leading zeros, as letters are dated
    [InlineData("2000-12-31", "2000年12月31日")]
    public void CnDate_WritesYearMonthDayWithoutLeadingZeros(string date, string expected)
    {
        Assert.Equal(expected, ChineseFormats.Date(D(date)));
        Assert.Equal(expected, TemplateFunctions.CnDate(D(date)));
    }

    [Fact]
    public void CnDate_IgnoresTheTimeOfDayAndIsEmptyForNoDate()
    {
        Assert.Equal("2026年11月24日", TemplateFunctions.CnDate(new DateTime(2026, 11, 24, 23, 59, 59)));
        Assert.Equal("", TemplateFunctions.CnDate(null));
    }

    // ---- ¥ amounts ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("0", "¥0.00")]
    [InlineData("1234", "¥1,234.00")]
    [InlineData("10000.05", "¥10,000.05")]
    [InlineData("4821.36", "¥4,821.36")]
    [InlineData("1234567.8", "¥1,234,567.80")]
    [InlineData("-1234.5", "-¥1,234.50")]
    [InlineData("0.005", "¥0.01")]   // half a fen rounds away from zero (commercial rounding), not to even
    [InlineData("0.015", "¥0.02")]
    [InlineData("2.675", "¥2.68")]   // decimal, so no binary-float surprise (double 2.675 is 2.67499…)
    [InlineData("0.004", "¥0.00")]
    [InlineData("-0.005", "-¥0.01")]
    [InlineData("999.995", "¥1,000.00")]
    public void Yuan_FormatsWithThousandsSeparatorAndTwoDecimals(string amount, string expected)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        Assert.Equal(expected, ChineseFormats.Yuan(value));
        Assert.Equal(expected, TemplateFunctions.Yuan(value));
    }

    [Fact]
    public void Yuan_DoesNotDependOnTheThreadCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // 1.234,00 there
            Assert.Equal("¥1,234.50", ChineseFormats.Yuan(1234.5m));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    // ---- 大写金额 ---------------------------------------------------------------------------------------
    // 《正确填写票据和结算凭证的基本规定》(中国人民银行): 到"元"为止的写"整"; 有"分"的不写"整";
    // 中间一个或连续几个 0 只写一个"零"; 元位是 0 而角位不是 0 时可写可不写"零"; 角位是 0 而分位不是 0 时
    // "元"后必须写"零"; "壹拾…" 的"壹"不能省。Examples from the rules are marked (规定).

    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]                        // 壹 before 拾 is never dropped
    [InlineData("15", "壹拾伍元整")]
    [InlineData("1234", "壹仟贰佰叁拾肆元整")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("10000", "壹万元整")]
    [InlineData("100010", "壹拾万零壹拾元整")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("20050000", "贰仟零伍万元整")]
    [InlineData("10000.05", "壹万元零伍分")]              // 角位 0, 分位不是 0: "零" after 元
    [InlineData("0.05", "伍分")]
    [InlineData("0.5", "伍角")]
    [InlineData("0.55", "伍角伍分")]
    [InlineData("10.5", "壹拾元零伍角")]                  // 元位 0: one 零 (the rules allow it or none)
    [InlineData("105000.3", "壹拾万零伍仟元零叁角")]      // 万位 0 before a 千: 零 (allowed), 元位 0: 零 (allowed)
    [InlineData("1409.5", "壹仟肆佰零玖元伍角")]         // (规定)
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]        // (规定) several zeros, one 零
    [InlineData("1680.32", "壹仟陆佰捌拾元零叁角贰分")]  // (规定)
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")] // (规定)
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]          // (规定)
    [InlineData("4821.36", "肆仟捌佰贰拾壹元叁角陆分")]
    [InlineData("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    [InlineData("0.005", "壹分")]                         // rounded to the fen first
    [InlineData("-1234", "负壹仟贰佰叁拾肆元整")]
    public void YuanInCapitals_FollowsTheRulesForFillingInBills(string amount, string expected)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        Assert.Equal(expected, ChineseFormats.YuanInCapitals(value));
        Assert.Equal(expected, TemplateFunctions.YuanCapitals(value));
    }

    [Fact]
    public void YuanInCapitals_107000_53_WritesAZeroForTheEmptyTenThousandsAndTheEmptyYuan()
    {
        // The rules' example allows 壹拾万柒仟元零伍角叁分 or 壹拾万零柒仟元伍角叁分 (one 零 each). The helper writes
        // 零 at both places; each is allowed on its own ("可以只写一个零字，也可以不写"), banks accept it. This pins it.
        var text = ChineseFormats.YuanInCapitals(107000.53m);
        Assert.Equal("壹拾万零柒仟元零伍角叁分", text);
    }

    [Fact]
    public void YuanInCapitals_RefusesATrillionAndMore()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFormats.YuanInCapitals(1_0000_0000_0000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFormats.YuanInCapitals(999_999_999_999.995m)); // rounds up to it
    }

    [Fact]
    public void YuanInCapitals_EveryDigitAndUnitIsACapitalNumeral()
    {
        const string allowed = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整负";
        var random = new Random(20261124);
        for (int i = 0; i < 2000; i++)
        {
            var amount = (decimal)random.NextInt64(0, 1_0000_0000_0000L) / 100m;
            var text = ChineseFormats.YuanInCapitals(amount);
            Assert.All(text, c => Assert.Contains(c, allowed));
            Assert.DoesNotContain("零零", text);
            Assert.False(text.StartsWith('零') && amount >= 1, $"{amount}: {text}");
            Assert.Equal(amount % 1 == 0, text.EndsWith('整'));
            Assert.Equal(amount * 100 % 10 != 0, text.EndsWith('分'));
        }
    }

    // ---- masking --------------------------------------------------------------------------------------
    // One masking rule for the whole product (Print.Core's Pii, tested there); templates print the same.

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("+86 138 1234 5678", "138****5678")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("123", "***")]
    public void MaskMobile_IsThePiiMask(string? mobile, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MaskMobile(mobile));
        Assert.Equal(Print.Core.Privacy.Pii.MaskMobile(mobile ?? ""), ChineseFormats.MaskMobile(mobile));
    }

    [Theory]
    [InlineData("36010219850612123X", "3601**********123X")]
    [InlineData("360102198506121234", "3601**********1234")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("1234567", "*******")]
    public void MaskId_IsThePiiMask(string? id, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MaskId(id));
        Assert.Equal(Print.Core.Privacy.Pii.MaskIdNumber(id ?? ""), ChineseFormats.MaskId(id));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("36010219850612123X")]
    [InlineData("12345678")]
    [InlineData("1234567")]
    public void MaskMobile_NeverReturnsTheNumberUnmasked(string number)
    {
        var masked = ChineseFormats.MaskMobile(number);
        Assert.NotEqual(number, masked);
        Assert.Contains('*', masked);
    }

    // ---- honorific and age --------------------------------------------------------------------------------

    [Theory]
    [InlineData("男", "先生")]
    [InlineData("女", "女士")]
    [InlineData("M", "先生")]
    [InlineData("m", "先生")]
    [InlineData("F", "女士")]
    [InlineData("f", "女士")]
    [InlineData("male", "先生")]
    [InlineData("Female", "女士")]
    [InlineData(" 女 ", "女士")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("未知", "")]
    [InlineData("X", "")]
    public void Honorific_FromGender(string? gender, string expected)
    {
        Assert.Equal(expected, ChineseFormats.Honorific(gender));
        Assert.Equal(expected, TemplateFunctions.Honorific(gender));
    }

    [Theory]
    [InlineData("1985-06-12", "2026-06-11", 40)]
    [InlineData("1985-06-12", "2026-06-12", 41)]
    [InlineData("1985-06-12", "2026-11-25", 41)]
    [InlineData("1985-12-31", "2026-01-01", 40)]
    // 29 February in a common year: the birthday counts on 1 March.
    [InlineData("2000-02-29", "2025-02-28", 24)]
    [InlineData("2000-02-29", "2025-03-01", 25)]
    [InlineData("2000-02-29", "2025-03-02", 25)]
    // … and in a leap year on the day itself.
    [InlineData("2000-02-29", "2024-02-28", 23)]
    [InlineData("2000-02-29", "2024-02-29", 24)]
    [InlineData("2000-02-29", "2024-03-01", 24)]
    // 2100 is not a leap year (divisible by 100, not by 400).
    [InlineData("2000-02-29", "2100-02-28", 99)]
    [InlineData("2000-02-29", "2100-03-01", 100)]
    [InlineData("2026-11-25", "2026-11-25", 0)]
    public void Age_InWholeYears(string birthday, string on, int expected) =>
        Assert.Equal(expected, ChineseFormats.Age(D(birthday), D(on)));

    [Fact]
    public void Age_IgnoresTheTimeOfDay() =>
        Assert.Equal(41, ChineseFormats.Age(D("1985-06-12"), new DateTime(2026, 6, 12, 0, 0, 1)));

    [Fact]
    public void ModelCompletion_DerivesHonorificAgeAndAddress()
    {
        var m = new Model.TemplateModel { Today = D("2025-02-28") };
        m.Customer.Gender = "F";
        m.Customer.Birthday = D("2000-02-29");
        m.Customer.Province = "江西省"; m.Customer.City = "南昌市"; m.Customer.District = "红谷滩区"; m.Customer.Street = "丰和中大道 1288 号";
        ModelCompletion.Complete(m, "thank-you");
        Assert.Equal("女士", m.Customer.Honorific);
        Assert.Equal(24, m.Customer.Age);
        Assert.Equal("江西省南昌市红谷滩区丰和中大道 1288 号", m.Customer.Address);
        Assert.Equal("thank-you", m.Piece.Kind);

        // Given values are kept.
        var given = new Model.TemplateModel();
        given.Customer.Gender = "男"; given.Customer.Honorific = "老师"; given.Customer.Address = "别处";
        ModelCompletion.Complete(given);
        Assert.Equal("老师", given.Customer.Honorific);
        Assert.Equal("别处", given.Customer.Address);
    }

    // ---- lunar dates --------------------------------------------------------------------------------------
    // Reference dates (紫金山天文台 / 国务院放假安排): 春节 2025-01-29, 2026-02-17, 2027-02-06; 中秋 2026-09-25;
    // 2025 has a leap sixth month (闰六月) from 2025-07-25 to 2025-08-22; 七月初一 is 2025-08-23.
    // 2023 has 闰二月 from 2023-03-22. Each is also checked against .NET's ChineseLunisolarCalendar below.

    // The stem-branch year, zodiac, month (闰 for a leap month) and day; the full wording is pinned below.
    [Theory]
    [InlineData("2026-02-17", "丙午", "马", "正月初一")] // 春节 2026
    [InlineData("2027-02-06", "丁未", "羊", "正月初一")] // 春节 2027
    [InlineData("2025-01-29", "乙巳", "蛇", "正月初一")] // 春节 2025
    [InlineData("2026-02-16", "乙巳", "蛇", "腊月廿九")] // 除夕 2026: the twelfth month of 乙巳 has 29 days
    [InlineData("2026-09-25", "丙午", "马", "八月十五")] // 中秋 2026
    [InlineData("2026-06-19", "丙午", "马", "五月初五")] // 端午 2026
    [InlineData("2025-07-24", "乙巳", "蛇", "六月三十")]
    [InlineData("2025-07-25", "乙巳", "蛇", "闰六月初一")] // first day of the leap month
    [InlineData("2025-08-22", "乙巳", "蛇", "闰六月廿九")] // its last day
    [InlineData("2025-08-23", "乙巳", "蛇", "七月初一")]   // the month after the leap month is 七月 again
    [InlineData("2025-10-06", "乙巳", "蛇", "八月十五")]   // 中秋 2025, after the leap month
    [InlineData("2023-03-22", "癸卯", "兔", "闰二月初一")]
    [InlineData("2023-04-20", "癸卯", "兔", "三月初一")]
    [InlineData("2026-11-14", "丙午", "马", "十月初六")]   // the helper's own doc example
    [InlineData("2026-11-29", "丙午", "马", "十月廿一")]
    [InlineData("2026-12-09", "丙午", "马", "冬月初一")]
    [InlineData("2026-12-28", "丙午", "马", "冬月二十")]
    public void LunarDate_KnownDates(string date, string stemBranch, string zodiac, string monthDay)
    {
        foreach (var text in new[] { ChineseFormats.LunarDate(D(date)), TemplateFunctions.LunarDate(D(date)) })
        {
            Assert.StartsWith(stemBranch, text);
            Assert.EndsWith($"（{zodiac}年）{monthDay}", text);
            Assert.Equal(monthDay.Contains('闰'), text.Contains('闰'));
        }
        Assert.Equal("", TemplateFunctions.LunarDate(null));
    }

    /// <summary>Regression: the year was written without 年 ("丁未（羊年）正月初一" on the greeting card); fixed in 532c3f0.</summary>
    [Theory]
    [InlineData("2026-11-14", "丙午年（马年）十月初六")] // the example in the helper's doc comment
    [InlineData("2027-02-06", "丁未年（羊年）正月初一")] // the README's example
    [InlineData("2025-07-25", "乙巳年（蛇年）闰六月初一")]
    public void LunarDate_FullWording(string date, string expected)
    {
        Assert.Equal(expected, ChineseFormats.LunarDate(D(date)));
        Assert.Equal(expected, TemplateFunctions.LunarDate(D(date)));
    }

    [Fact]
    public void LunarDate_LeapMonthOf2025IsTheSixth_PerDotNetsCalendar()
    {
        // Documents where the expectations above come from: .NET numbers the leap month as month 7 of 13 in 2025
        // (the month after 六月), so 2025-07-25 is month 7, day 1 and GetLeapMonth(2025) is 7.
        var calendar = new ChineseLunisolarCalendar();
        Assert.Equal(2025, calendar.GetYear(D("2025-07-25")));
        Assert.Equal(7, calendar.GetLeapMonth(2025));
        Assert.Equal(7, calendar.GetMonth(D("2025-07-25")));
        Assert.Equal(1, calendar.GetDayOfMonth(D("2025-07-25")));
        Assert.True(calendar.IsLeapMonth(2025, 7));
        Assert.Equal(13, calendar.GetMonthsInYear(2025));
        Assert.Equal(29, calendar.GetDaysInMonth(2025, 7));
        Assert.Equal((2025, 6, 1, true), ChineseFormats.LunarParts(D("2025-07-25")));
        Assert.Equal((2025, 7, 1, false), ChineseFormats.LunarParts(D("2025-08-23")));
        Assert.Equal((2025, 12, 29, false), ChineseFormats.LunarParts(D("2026-02-16")));
    }

    [Fact]
    public void LunarDate_AgreesWithTheCalendarForEveryDayOf2020To2030()
    {
        var calendar = new ChineseLunisolarCalendar();
        for (var d = D("2020-01-01"); d <= D("2030-12-31"); d = d.AddDays(1))
        {
            var (year, month, day, leap) = ChineseFormats.LunarParts(d);
            int leapMonth = calendar.GetLeapMonth(calendar.GetYear(d));
            int raw = calendar.GetMonth(d);
            Assert.Equal(calendar.GetYear(d), year);
            Assert.Equal(calendar.GetDayOfMonth(d), day);
            Assert.Equal(leapMonth > 0 && raw == leapMonth, leap);
            Assert.Equal(leapMonth > 0 && raw >= leapMonth ? raw - 1 : raw, month);
            Assert.InRange(month, 1, 12);
            // Day 1 of the lunar year is 正月初一, never a leap month.
            if (month == 1 && day == 1) Assert.False(leap);
        }
    }

    [Theory]
    [InlineData(2024, "甲辰")]
    [InlineData(2025, "乙巳")]
    [InlineData(2026, "丙午")]
    [InlineData(2027, "丁未")]
    [InlineData(1984, "甲子")]
    [InlineData(2043, "癸亥")]
    public void LunarYear_StemBranch(int year, string expected) => Assert.Equal(expected, ChineseFormats.LunarYear(year));
}
