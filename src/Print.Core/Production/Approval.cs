using System.Security.Cryptography;
using System.Text;

namespace Print.Core.Production;

/// <summary>
/// The proof sign-off of a batch: who approved it, when, and the hash of the template content they saw. A
/// template changed afterwards has another hash, so the approval no longer covers it.
/// </summary>
public sealed record Approval(string By, DateTimeOffset At, string TemplateHash)
{
    public override string ToString() => $"approved by {By} at {At:yyyy-MM-dd HH:mm zzz} (template {TemplateHash[..Math.Min(12, TemplateHash.Length)]})";
}

/// <summary>
/// The content hash an <see cref="Approval"/> records: SHA-256 (lower-case hex) over every file of the
/// batch's templates (piece.sbn, template.json, …), by name in ordinal order, so the same content always
/// gives the same hash wherever it is computed, and any change to any file gives another.
/// </summary>
public static class TemplateHash
{
    public static string Of(IEnumerable<KeyValuePair<string, string>> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Lengths before the parts: "a"+"bc" and "ab"+"c" must not hash alike.
            foreach (var part in new[] { name, content })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                sha.AppendData(BitConverter.GetBytes((long)bytes.Length));
                sha.AppendData(bytes);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The hash of the files of a template folder (sub-folders included, names relative to it).</summary>
    public static string OfFolder(string folder) =>
        Of(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => KeyValuePair.Create(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f))));
}
