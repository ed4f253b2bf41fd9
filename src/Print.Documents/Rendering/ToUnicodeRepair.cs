using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Print.Documents.Rendering;

/// <summary>
/// PDFsharp 6.2.4 writes a character outside the Basic Multilingual Plane (𠮷 U+20BB7, the rare name
/// characters of CJK Extension B) into the ToUnicode map as five hex digits, which readers reject, so the
/// name would not extract or search. This rewrites those entries as the UTF-16 surrogate pair the PDF
/// specification requires. Only documents that contain such characters pay for the extra pass.
/// </summary>
internal static partial class ToUnicodeRepair
{
    [GeneratedRegex("<([0-9A-Fa-f]{5,6})>")]
    private static partial Regex WideCodePoint();

    public static void Repair(MemoryStream pdf, Stream output)
    {
        pdf.Position = 0;
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Modify);
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary { Stream: not null } dict) continue;
            var bytes = dict.Stream.UnfilteredValue;
            if (bytes.Length == 0 || bytes.Length > 4 << 20) continue;
            var text = Encoding.ASCII.GetString(bytes);
            if (!text.Contains("begincmap", StringComparison.Ordinal)) continue;
            var fixedText = WideCodePoint().Replace(text, m =>
            {
                var s = char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16));
                return "<" + string.Concat(s.Select(c => ((int)c).ToString("X4"))) + ">";
            });
            if (fixedText == text) continue;
            dict.Elements.Remove("/Filter");
            dict.Elements.Remove("/DecodeParms");
            dict.Stream.Value = Encoding.ASCII.GetBytes(fixedText);
            dict.Elements.SetInteger("/Length", dict.Stream.Value.Length);
        }
        document.Options.NoCompression = true; // PdfStreamCompressor runs next
        document.Save(output, closeStream: false);
    }
}
