using System.Collections.Concurrent;
using SkiaSharp;

namespace Print.Documents.Pages;

/// <summary>A PNG or JPEG file read once; both backends draw from the same bytes.</summary>
public sealed class ImageSource
{
    private static readonly ConcurrentDictionary<string, ImageSource> Cache = new();

    public string Path { get; }
    public byte[] Bytes { get; }
    public int PixelWidth { get; }
    public int PixelHeight { get; }

    private ImageSource(string path, byte[] bytes, int w, int h) { Path = path; Bytes = bytes; PixelWidth = w; PixelHeight = h; }

    /// <summary>Returns null when the file is not a PNG or JPEG that decodes.</summary>
    public static ImageSource? Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Cache.TryGetValue(full, out var hit)) return hit;
        var bytes = File.ReadAllBytes(full);
        bool pngOrJpeg = bytes.Length > 4 && ((bytes[0] == 0x89 && bytes[1] == 'P') || (bytes[0] == 0xFF && bytes[1] == 0xD8));
        if (!pngOrJpeg) return null;
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null) return null;
        var image = new ImageSource(full, bytes, codec.Info.Width, codec.Info.Height);
        return Cache.GetOrAdd(full, image);
    }
}
