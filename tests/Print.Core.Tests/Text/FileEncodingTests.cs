using System.Text;
using Print.Core.Text;

namespace Print.Core.Tests.Text;

public class FileEncodingTests : IDisposable
{
    private readonly TempDirectory dir = new();
    public void Dispose() => dir.Dispose();

    private const string Content = "客户编号,姓名,详细地址\r\nC001,张三,八一大道 357 号\r\nC002,欧阳娜娜,\"丰和中大道 1288 号,B 区\"\r\n";

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private string ReadBack(byte[] bytes)
    {
        using var reader = FileEncoding.OpenText(dir.Write("f.csv", bytes));
        return reader.ReadToEnd();
    }

    [Fact]
    public void Utf8WithoutBom()
    {
        var bytes = Encoding.UTF8.GetBytes(Content);
        Assert.IsType<UTF8Encoding>(FileEncoding.Detect(bytes));
        Assert.Equal(Content, ReadBack(bytes));
    }

    [Fact]
    public void Utf8WithBomLosesTheBomWhenRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Content)).ToArray();
        Assert.IsType<UTF8Encoding>(FileEncoding.Detect(bytes));
        Assert.Equal(Content, ReadBack(bytes));
    }

    [Fact]
    public void GbkIsReadAsGb18030()
    {
        var bytes = Gbk(Content);
        Assert.Equal(54936, FileEncoding.Detect(bytes).CodePage);
        Assert.Equal(Content, ReadBack(bytes));
    }

    [Fact]
    public void Gb18030FourByteCharactersAreRead()
    {
        // 𠮷 (U+20BB7) is outside GBK; GB18030 writes it in four bytes.
        var text = "姓名\r\n𠮷野家\r\n";
        var bytes = FileEncoding.Gb18030.GetBytes(text);
        Assert.Equal([0x95, 0x34, 0xB2, 0x35], bytes.Skip(6).Take(4));
        Assert.Equal(text, ReadBack(bytes));
    }

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("GBK")]
    public void ACharacterSplitBetweenReadChunksIsReadWhole(string encoding)
    {
        // Detection reads 64 KiB at a time: 张 straddles the first boundary, and its second byte followed by a comma
        // is no GB18030 character unless the decoder carries the first byte over.
        var text = new string('a', 65535) + "张,三" + new string('b', 70000) + "李,四";
        var bytes = encoding == "GBK" ? Gbk(text) : Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, ReadBack(bytes));
    }

    [Fact]
    public void Utf8FollowedByGbkIsMixedAtTheFirstGbkByte()
    {
        var utf8 = Encoding.UTF8.GetBytes("客户编号,姓名,详细地址\r\n");
        var bytes = utf8.Concat(Gbk("C001,张三,八一大道\r\n")).ToArray();
        var e = Assert.Throws<UnreadableEncodingException>(() => FileEncoding.Detect(bytes));
        Assert.Equal(utf8.Length + 5, e.ByteOffset); // "C001," is ASCII, 张 is the first GBK byte
        Assert.Contains("mixed encodings", e.Message);
        Assert.Contains($"byte {utf8.Length + 5}", e.Message);
    }

    [Fact]
    public void ABomFollowedByNonUtf8IsMixed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Gbk("姓名")).ToArray();
        var e = Assert.Throws<UnreadableEncodingException>(() => FileEncoding.Detect(bytes));
        Assert.Equal(3, e.ByteOffset);
        Assert.Contains("byte-order mark", e.Message);
    }

    [Fact]
    public void BytesThatAreNeitherReportTheOffset()
    {
        byte[] bytes = [.. "abc,"u8, 0xFF, .. "def"u8];
        var e = Assert.Throws<UnreadableEncodingException>(() => FileEncoding.Detect(bytes));
        Assert.Equal(4, e.ByteOffset);
        Assert.Contains("neither UTF-8 (byte 4 is not) nor GB18030/GBK (byte 4 is not)", e.Message);
    }

    [Fact]
    public void Utf16IsRefusedWithAHint()
    {
        var e = Assert.Throws<UnreadableEncodingException>(() => FileEncoding.Detect([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Content)]));
        Assert.Equal(0, e.ByteOffset);
        Assert.Contains("UTF-16", e.Message);
    }
}
