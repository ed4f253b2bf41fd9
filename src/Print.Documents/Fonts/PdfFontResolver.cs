using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Print.Documents.Fonts;

/// <summary>
/// PDFsharp has no system fonts here and allows one resolver per process: this one serves every face any
/// registry loaded, by its <see cref="FontFace.Key"/>, so the PDF embeds exactly the file layout measured.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, string> Paths = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte[]> Bytes = new(StringComparer.Ordinal);
    private static readonly object InstallLock = new();

    public static void Register(FontFace face)
    {
        Paths[face.Key] = face.Path;
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not PdfFontResolver)
                GlobalFontSettings.FontResolver = new PdfFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Paths.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) =>
        Paths.TryGetValue(faceName, out var path) ? Bytes.GetOrAdd(faceName, _ => File.ReadAllBytes(path)) : null;
}
