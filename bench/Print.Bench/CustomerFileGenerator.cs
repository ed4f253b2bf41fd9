using System.Globalization;
using System.Text;

/// <summary>
/// A deterministic, realistic insurer export for the import benchmark: one policy per row, Chinese headers,
/// plausible names, addresses with their postcodes, mobiles, resident ID numbers with valid check characters,
/// one to three cars per customer, premiums, claims and profit. The same seed always writes the same bytes.
/// </summary>
internal static class CustomerFileGenerator
{
    private static readonly string[] Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".Select(c => c.ToString()).Concat(new[] { "欧阳", "司马", "诸葛", "上官" }).ToArray();
    private static readonly string[] Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉俊峰鹏宇浩然思雨欣怡梓涵子轩晨阳佳琪雅婷海燕春梅德胜永福".Select(c => c.ToString()).ToArray();
    private static readonly (string Province, string City, string[] Districts, string Postcode)[] Places =
    {
        ("江西省", "南昌市", new[] { "东湖区", "西湖区", "青云谱区", "青山湖区", "红谷滩区", "新建区" }, "330000"),
        ("江西省", "赣州市", new[] { "章贡区", "南康区", "赣县区" }, "341000"),
        ("江西省", "九江市", new[] { "浔阳区", "濂溪区", "柴桑区" }, "332000"),
        ("江西省", "上饶市", new[] { "信州区", "广丰区", "广信区" }, "334000"),
        ("江西省", "宜春市", new[] { "袁州区" }, "336000"),
        ("江西省", "吉安市", new[] { "吉州区", "青原区" }, "343000"),
        ("江西省", "景德镇市", new[] { "昌江区", "珠山区" }, "333000"),
        ("江西省", "萍乡市", new[] { "安源区", "湘东区" }, "337000"),
    };
    private static readonly string[] Streets = { "八一大道", "阳明路", "北京西路", "井冈山大道", "红谷中大道", "象山北路", "中山路", "解放西路", "丰和中大道", "昌北大道", "赣江中大道", "长征路" };
    private static readonly string[] Estates = { "幸福家园", "绿地中央广场", "万科城", "碧桂园", "恒大名都", "金色水岸", "滨江花园", "阳光小区" };
    private static readonly string[] Cars = { "大众帕萨特 2.0T", "丰田凯美瑞 2.5L", "本田雅阁 1.5T", "日产轩逸 1.6L", "别克英朗 1.3T", "比亚迪汉 EV", "吉利博越 1.8T", "长安 CS75 1.5T", "宝马 325Li", "奥迪 A4L 2.0T", "特斯拉 Model 3", "哈弗 H6 1.5T" };
    private static readonly string[] Occupations = { "教师", "医生", "公务员", "工程师", "个体经营", "销售", "司机", "会计", "律师", "企业管理", "自由职业", "退休" };
    private const string Header = "客户编号,姓名,性别,出生日期,身份证号,手机,邮箱,省,市,区,详细地址,邮编,职业,保单号,车牌号,车型,起保日期,终保日期,保费,出险次数,赔款金额,利润";

    public static (int Rows, int Customers) Write(string path, int rows, int maxCustomers = int.MaxValue, int seed = 20261125)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(Header);
        var inv = CultureInfo.InvariantCulture;
        int written = 0, customers = 0;
        var today = new DateOnly(2026, 11, 25);
        while (written < rows && customers < maxCustomers)
        {
            customers++;
            var id = $"C{customers:D9}";
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(3) > 0 ? Given[random.Next(Given.Length)] : "");
            bool male = random.Next(2) == 0;
            var birthday = new DateOnly(1955, 1, 1).AddDays(random.Next(365 * 48));
            var place = Places[random.Next(Places.Length)];
            var district = place.Districts[random.Next(place.Districts.Length)];
            var idNumber = IdNumber(random, place.Postcode, birthday, male);
            var mobile = "1" + "3456789"[random.Next(7)] + random.Next(100_000_000, 999_999_999).ToString(inv);
            var email = random.Next(4) == 0 ? $"user{customers}@example.com" : "";
            var street = $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 1500)}号{Estates[random.Next(Estates.Length)]}{random.Next(1, 30)}栋{random.Next(1, 30)}0{random.Next(1, 5)}室";
            var postcode = random.Next(50) == 0 ? "" : place.Postcode[..4] + random.Next(0, 99).ToString("00", inv);
            var occupation = Occupations[random.Next(Occupations.Length)];
            int cars = Math.Min(rows - written, random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 });
            for (int car = 0; car < cars; car++)
            {
                var start = today.AddDays(-random.Next(0, 365));
                var end = start.AddYears(1).AddDays(-1);
                decimal premium = Math.Round(1500m + (decimal)random.NextDouble() * 9000m, 2);
                int claims = random.Next(10) switch { < 6 => 0, < 8 => 1, < 9 => 2, _ => random.Next(3, 6) };
                decimal claimsAmount = claims == 0 ? 0 : Math.Round(claims * (500m + (decimal)random.NextDouble() * 8000m), 2);
                decimal profit = Math.Round(premium * 0.25m - claimsAmount * 0.8m, 2);
                var plate = $"赣{"ABCDEFGHJK"[random.Next(10)]}·{random.Next(10000, 99999).ToString(inv)}";
                writer.Write(id); writer.Write(','); writer.Write(name); writer.Write(','); writer.Write(male ? "男" : "女"); writer.Write(',');
                writer.Write(birthday.ToString("yyyy-MM-dd", inv)); writer.Write(','); writer.Write(idNumber); writer.Write(','); writer.Write(mobile); writer.Write(',');
                writer.Write(email); writer.Write(','); writer.Write(place.Province); writer.Write(','); writer.Write(place.City); writer.Write(','); writer.Write(district); writer.Write(',');
                writer.Write(street); writer.Write(','); writer.Write(postcode); writer.Write(','); writer.Write(occupation); writer.Write(',');
                writer.Write($"PDAA2026{customers:D9}{car}"); writer.Write(','); writer.Write(plate); writer.Write(','); writer.Write(Cars[random.Next(Cars.Length)]); writer.Write(',');
                writer.Write(start.ToString("yyyy-MM-dd", inv)); writer.Write(','); writer.Write(end.ToString("yyyy-MM-dd", inv)); writer.Write(',');
                writer.Write(premium.ToString("0.00", inv)); writer.Write(','); writer.Write(claims.ToString(inv)); writer.Write(',');
                writer.Write(claimsAmount.ToString("0.00", inv)); writer.Write(','); writer.Write(profit.ToString("0.00", inv)); writer.WriteLine();
                written++;
            }
        }
        return (written, customers);
    }

    /// <summary>An 18-character resident ID: region, birth date, sequence with the gender in its last digit, ISO 7064 check.</summary>
    private static string IdNumber(Random random, string postcode, DateOnly birthday, bool male)
    {
        var region = "36" + postcode.Substring(1, 2) + random.Next(1, 30).ToString("00", CultureInfo.InvariantCulture);
        int sequence = random.Next(0, 100) * 10 + random.Next(0, 5) * 2 + (male ? 1 : 0);
        var body = region + birthday.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return body + Print.Core.Validation.ResidentId.CheckCharacter(body);
    }
}
