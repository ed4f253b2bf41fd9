namespace Print.Core.Text;

/// <summary>A file that is neither UTF-8 nor GB18030, or mixes them; <see cref="ByteOffset"/> is the first byte that does not fit.</summary>
public sealed class UnreadableEncodingException(long byteOffset, string message) : Exception(message)
{
    public long ByteOffset { get; } = byteOffset;
}
