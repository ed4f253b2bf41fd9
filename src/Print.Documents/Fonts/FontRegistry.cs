using SkiaSharp;

namespace Print.Documents.Fonts;

/// <summary>
/// The fonts a document may use, loaded from one folder of single-file TrueType fonts (the repo's fonts/).
/// Families are matched case-insensitively; a weight the family lacks falls to the nearest weight it has.
/// </summary>
public sealed class FontRegistry
{
    private readonly List<FontFace> _faces = new();
    private readonly Dictionary<(string Family, int Weight), FontFace> _resolved = new();

    /// <summary>Families tried, in order, for a character the requested family lacks (rare name characters).</summary>
    public IReadOnlyList<string> FallbackFamilies { get; }

    public string DefaultFamily { get; }

    public FontRegistry(string directory, string defaultFamily = "Noto Sans SC", params string[] fallbackFamilies)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"font folder {directory} does not exist");
        foreach (var path in Directory.EnumerateFiles(directory).Where(IsTrueType).OrderBy(p => p, StringComparer.Ordinal))
        {
            var typeface = SKTypeface.FromFile(path)
                ?? throw new InvalidDataException($"{path}: not a font SkiaSharp can read");
            _faces.Add(new FontFace(path, typeface));
            PdfFontResolver.Register(_faces[^1]);
        }
        DefaultFamily = defaultFamily;
        FallbackFamilies = fallbackFamilies.Length > 0 ? fallbackFamilies : new[] { "Noto Sans SC", "HanaMinB" };
    }

    private static bool IsTrueType(string path) =>
        path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<FontFace> Faces => _faces;

    public IEnumerable<string> Families => _faces.Select(f => f.Family).Distinct(StringComparer.OrdinalIgnoreCase);

    public bool HasFamily(string family) => _faces.Any(f => f.Family.Equals(family, StringComparison.OrdinalIgnoreCase));

    public FontFace Resolve(string family, int weight)
    {
        lock (_resolved)
        {
            if (_resolved.TryGetValue((family, weight), out var hit)) return hit;
            var face = _faces.Where(f => f.Family.Equals(family, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Math.Abs(f.Weight - weight)).FirstOrDefault()
                ?? throw new KeyNotFoundException($"font family '{family}' is not in the font folder (have: {string.Join(", ", Families)})");
            _resolved[(family, weight)] = face;
            return face;
        }
    }

    /// <summary>The requested face followed by the fallback families at the nearest weight, without repeats.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Family, int Weight), FontChain> _chains = new();

    public FontChain Chain(string family, int weight) => _chains.GetOrAdd((family, weight), key => BuildChain(key.Family, key.Weight));

    private FontChain BuildChain(string family, int weight)
    {
        var faces = new List<FontFace> { Resolve(family, weight) };
        foreach (var f in FallbackFamilies)
        {
            if (!HasFamily(f)) continue;
            var face = Resolve(f, weight);
            if (!faces.Contains(face)) faces.Add(face);
        }
        return new FontChain(faces);
    }

    /// <summary>fonts/ of the checkout: PRINT_FONTS, else the first "fonts" folder above the program or the working directory.</summary>
    public static string LocateFontDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PRINT_FONTS");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "fonts");
                if (File.Exists(System.IO.Path.Combine(candidate, "NotoSansSC-Regular.ttf"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("no fonts/ folder with NotoSansSC-Regular.ttf found above the program or the working directory; set PRINT_FONTS");
    }

    private static FontRegistry? _default;
    private static readonly object DefaultLock = new();

    /// <summary>One registry per process for the shipped fonts: typefaces are large and immutable.</summary>
    public static FontRegistry Default
    {
        get
        {
            lock (DefaultLock) return _default ??= new FontRegistry(LocateFontDirectory());
        }
    }
}

/// <summary>Faces tried in order for each character.</summary>
public sealed class FontChain(IReadOnlyList<FontFace> faces)
{
    public IReadOnlyList<FontFace> Faces { get; } = faces;
    public FontFace Primary => Faces[0];

    /// <summary>The first face that has the code point, or null when none does.</summary>
    public FontFace? FaceFor(int codePoint)
    {
        foreach (var f in Faces) if (f.Has(codePoint)) return f;
        return null;
    }
}
