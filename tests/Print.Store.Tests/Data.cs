using System.Text;

namespace Print.Store.Tests;

/// <summary>A small customer file: two customers with two policies each, one without a postcode, one single.</summary>
internal static class Data
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public const string Header = "客户编号,姓名,性别,身份证号,手机,邮箱,省,市,区,详细地址,邮编,职业,保单号,车牌号,车型,起保日期,终保日期,保费,出险次数,赔款金额,利润\r\n";

    // 360102197803120017 and 360103198507210027 have valid check characters.
    public const string Rows =
        "C001,张伟,男,360102197803120017,13870651234,zhangwei@163.com,江西省,南昌市,东湖区,\"八一大道357号,2栋501室\",330006,教师,P001,赣A·D6161,宝马 X3,2026-03-01,2027-02-28,6200,0,0,1500\r\n" +
        "C002,王芳,女,360103198507210027,13907912345,,江西省,南昌市,西湖区,孺子路188号,,,P002,赣A·8K123,丰田卡罗拉,2026-01-10,2027-01-09,3200,3,12500,-2600\r\n" +
        "C001,张伟,男,360102197803120017,13870651234,zhangwei@163.com,江西省,南昌市,东湖区,\"八一大道357号,2栋501室\",330006,教师,P003,赣A·12345,大众朗逸,2026-05-01,2027-04-30,3100,1,1800,400\r\n" +
        "C003,刘洋,男,,18607001234,,江西省,南昌市,南昌县,莲塘镇澄湖西路66号,330200,,P004,赣A·9Z001,五菱宏光,2026-08-01,2027-07-31,1800,0,0,200\r\n" +
        "C002,王芳,女,360103198507210027,13907912345,,江西省,南昌市,西湖区,孺子路188号,,,P005,赣A·8K124,比亚迪秦,2026-02-01,2027-01-31,2900,0,0,300\r\n";

    public const string Csv = Header + Rows;

    /// <summary>A customer file of <paramref name="customers"/> customers with two policies each, rows of one customer far apart.</summary>
    public static string Many(int customers)
    {
        var sb = new StringBuilder(Header);
        for (int round = 0; round < 2; round++)
            for (int i = 1; i <= customers; i++)
                sb.Append($"K{i:000},客户{i},男,,138{i:00000000},,江西省,南昌市,东湖区,阳明路{i}号,330006,,Q{i:000}-{round},赣A·{i:00000},大众,2026-0{round + 1}-01,2027-0{round + 1}-01,{1000 + i},0,0,100\r\n");
        return sb.ToString();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    public static string WriteBytes(this TempDir dir, string name, byte[] bytes)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
