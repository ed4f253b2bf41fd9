using System.Globalization;
using Print.Documents.Barcodes;
using Print.Documents.Pages;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Pdf;

/// <summary>
/// A realistic direct-mail letter (A4, address window with postcode boxes, a rare name character, a
/// tracking Code 128, a QR code, ~600 hanzi of justified text; page 2 a black-only reply slip with a
/// DataMatrix), laid out and written to a PDF once per test class that uses it.
/// </summary>
public sealed class SampleLetter : IDisposable
{
    public const string Paragraph =
        "尊敬的客户：您好！感谢您多年来对本行的信任与支持。为回馈广大客户，我们特别推出春季专属优惠活动。" +
        "活动期间，凡使用本行信用卡在指定商户消费，即可享受最高百分之二十的返现优惠，单笔返现上限为八十元，每月累计返现上限为三百元。" +
        "新开户的客户首次消费满一百元，还将获得精美礼品一份，礼品数量有限，先到先得，送完即止。" +
        "活动时间为二〇二六年三月一日至五月三十一日，具体参与商户名单请以本行官方网站公布的信息为准。" +
        "您可以通过手机银行、网上银行或者拨打客户服务热线报名参加，报名成功后系统将以短信方式通知您。" +
        "为保障您的资金安全，请妥善保管您的卡片、密码以及短信验证码，切勿向任何人透露。" +
        "本行工作人员不会以任何理由向您索取密码或者验证码，如遇可疑情况，请立即拨打本行客服热线核实。" +
        "《信用卡章程》与《领用合约》的相关条款同样适用于本次活动，请您在参加活动之前仔细阅读。" +
        "若您对活动规则有任何疑问，欢迎随时前往就近网点咨询，我们的工作人员将竭诚为您服务。" +
        "积分兑换方面，本季度我们新增了航空里程、酒店住宿、电影票以及家居用品等多种兑换选项（部分商品需要支付少量运费），" +
        "积分有效期为三年，逾期未使用的积分将自动清零。“用心服务，与您同行”是我们始终不变的承诺。" +
        "我们衷心希望这份小小的心意能够为您的生活增添一份温暖与便利，也期待在未来的日子里继续陪伴您左右。" +
        "此外，持卡人在活动期间每月完成三笔以上线上支付，还可参加月末抽奖，奖品包括智能手表、蓝牙耳机和家用咖啡机，中奖名单将在次月十日前公布。" +
        "再次感谢您的支持，祝您和家人身体健康，工作顺利，万事如意！";

    public const string Name = "王𠮷祥";
    public const string Address = "北京市海淀区中关村大街27号";
    public const string Tracking = "RR473124829CN";
    public const string Url = "https://www.example.com.cn/r/AB12CD34";
    public const string DataMatrixValue = "PRINT-0001-2026";
    public const string Title = "春季优惠直邮";
    public const string Author = "印务中心";
    public const string ReplyText = "请将本回执寄回，邮资已付。客户：" + Name;
    public const int Dpi = 300;

    public static readonly string Markup = $"""
        <document size="A4" margin="20mm" title="{Title}" author="{Author}" subject="直邮测试" font-size="10.5pt">
          <place x="20mm" y="45mm" width="95mm" height="45mm">
            <postcode-boxes value="100080"/>
            <p space-before="2mm">{Address}</p>
            <p size="14pt" weight="bold">{Name} 先生 收</p>
          </place>
          <place x="120mm" y="15mm" width="70mm" height="25mm">
            <barcode type="code128" value="{Tracking}" height="12mm" text="below" align="right"/>
          </place>
          <place x="166mm" y="245mm" width="30mm" height="30mm">
            <barcode type="qr" value="{Url}" size="22mm"/>
          </place>
          <spacer height="80mm"/>
          <p size="14pt" weight="bold" space-after="4mm">春季专享优惠活动通知</p>
          <p align="justify" indent="2em">{Paragraph}</p>
          <page-break/>
          <p size="14pt" weight="bold">回执</p>
          <p>{ReplyText}</p>
          <spacer height="10mm"/>
          <barcode type="datamatrix" value="{DataMatrixValue}" size="15mm"/>
          <spacer height="10mm"/>
          <barcode type="code128" value="{Tracking}" text="below"/>
        </document>
        """;

    private readonly TempDir _dir = new();
    private readonly Lazy<GrayImage> _raster;
    private readonly Lazy<string> _text;

    public LaidOutDocument Document { get; }
    public string PdfPath { get; }
    public byte[] PdfBytes { get; }

    public SampleLetter()
    {
        PdfPath = _dir.File("letter.pdf");
        try
        {
            Document = LayoutDoc(Markup, "letter.xml");
            DocumentEngine.WritePdf(Document, PdfPath);
            PdfBytes = File.ReadAllBytes(PdfPath);
        }
        catch
        {
            _dir.Dispose(); // xunit does not dispose a fixture whose constructor failed
            throw;
        }
        _raster = new(() =>
        {
            Tool.Run("pdftoppm", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                PdfPath, RasterPath[..^4]);
            return GrayImage.Load(RasterPath);
        });
        _text = new(() => Tool.Run("pdftotext", "-enc", "UTF-8", PdfPath, "-").StdOut);
    }

    /// <summary>Page 1 rasterised by poppler at 300 dpi, grey; rendered on first use.</summary>
    public GrayImage Raster => _raster.Value;
    public string RasterPath => _dir.File("page1-300dpi.png");
    public string PdftotextOutput => _text.Value;
    public TempDir Dir => _dir;

    public BarcodeItem Barcode(int page, BarcodeType type) =>
        Document.Pages[page].Items.OfType<BarcodeItem>().Single(b => b.Type == type);

    public void Dispose() => _dir.Dispose();
}
