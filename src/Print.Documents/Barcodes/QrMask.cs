using System.Numerics;
using System.Runtime.CompilerServices;
using ZXing.Common;
using ZXing.QrCode.Internal;
using QrVersion = ZXing.QrCode.Internal.Version;

namespace Print.Documents.Barcodes;

/// <summary>
/// Fast QR mask selection giving exactly ZXing's choice. ZXing's <c>Encoder.encode</c> builds the whole matrix
/// for each of the 8 masks and scores it with <see cref="MaskUtil"/>'s penalty rules 1–4, which costs about
/// ten times the rest of the encoding. Here the caller encodes once with mask 0; since masking only flips
/// data modules and the mask's format (type) bits, the matrix of mask k is that matrix XOR a per-version delta
/// (data modules where mask 0 and mask k differ, cached) XOR the type-info bits that differ. Each candidate is
/// scored on bit-packed rows and columns with the same rules and numbers as <see cref="MaskUtil"/> (including
/// its rule 3 reading: a 1:1:3:1:1 run counts once when four light modules lie before or after it, and a side
/// reaching past the symbol's edge does not count as light), and the first mask with the lowest penalty wins,
/// as in ZXing.
/// The kernels are marked AggressiveOptimization: a batch run lasts seconds, and with tiered compilation they
/// would spend much of it as tier-0 or instrumented code (over the first 2000 codes the selection averaged
/// ≈ 33 µs per code without the attribute, ≈ 10 µs with it; ≈ 4.6 µs once fully optimized).
/// </summary>
internal static class QrMask
{
    private const int MaskCount = 8;

    // Penalty weights of ISO/IEC 18004's mask evaluation (ZXing's MaskUtil.N1..N4).
    private const int N1 = 3, N2 = 3, N3 = 40, N4 = 10;

    // Type info cells at the top-left corner, for bits 0..14 in ZXing's placement order (MatrixUtil.TYPE_INFO_COORDINATES).
    private static readonly int[] TypeInfoX = [8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 4, 3, 2, 1, 0];
    private static readonly int[] TypeInfoY = [0, 1, 2, 3, 4, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8];

    // 15 type-info bits per (EC level ordinal, mask), bit i = i-th placed bit; taken from ZXing itself.
    private static readonly int[] TypeInfoBits = BuildTypeInfoBits();

    private static readonly VersionTables?[] Tables = new VersionTables?[41];

    /// <summary>Bit-packed mask-k-minus-mask-0 differences on the data modules of one version.</summary>
    private sealed class VersionTables
    {
        public readonly int Size;  // modules per side
        public readonly int Words; // 64-bit words per row or column
        // [mask][line][word]: bit x of row y (RowDelta) or bit y of column x (ColumnDelta) set where data
        // module (x, y) has a different mask bit under mask k than under mask 0.
        public readonly ulong[] RowDelta, ColumnDelta;

        public VersionTables(int versionNumber)
        {
            var version = QrVersion.getVersionForNumber(versionNumber);
            int n = Size = version.DimensionForVersion;
            int words = Words = (n + 63) >> 6;
            // Exactly what MatrixUtil.buildMatrix does before embedDataBits: the cells still empty are data.
            var matrix = new ByteMatrix(n, n);
            MatrixUtil.clearMatrix(matrix);
            byte empty = matrix.Array[0][0];
            MatrixUtil.embedBasicPatterns(version, matrix);
            MatrixUtil.embedTypeInfo(ErrorCorrectionLevel.L, 0, matrix);
            MatrixUtil.maybeEmbedVersionInfo(version, matrix);
            int plane = n * words;
            RowDelta = new ulong[MaskCount * plane];
            ColumnDelta = new ulong[MaskCount * plane];
            for (int y = 0; y < n; y++)
            {
                var row = matrix.Array[y];
                for (int x = 0; x < n; x++)
                {
                    if (row[x] != empty) continue;
                    bool bit0 = MaskUtil.getDataMaskBit(0, x, y);
                    for (int k = 1; k < MaskCount; k++)
                    {
                        if (MaskUtil.getDataMaskBit(k, x, y) == bit0) continue;
                        RowDelta[k * plane + y * words + (x >> 6)] |= 1UL << x;
                        ColumnDelta[k * plane + x * words + (y >> 6)] |= 1UL << y;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Given <paramref name="mask0"/>, the code ZXing encoded with <c>QR_MASK_PATTERN = 0</c>, returns the row-major
    /// modules (true = dark) of the same code under the mask ZXing's automatic selection would pick.
    /// </summary>
    [SkipLocalsInit] // every buffer is cleared or overwritten before it is read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool[] ApplyBestMask(QRCode mask0, out int maskPattern)
    {
        var tables = Prepare(mask0, out int ecOrdinal);
        int n = tables.Size, plane = n * tables.Words; // at most 177 × 3 words: 4 KiB per buffer
        Span<ulong> baseRows = stackalloc ulong[plane];
        Span<ulong> baseColumns = stackalloc ulong[plane];
        Span<ulong> rows = stackalloc ulong[plane];
        Span<ulong> columns = stackalloc ulong[plane];
        Pack(mask0.Matrix, tables.Words, baseRows, baseColumns);
        int best = 0, minPenalty = int.MaxValue;
        for (int k = 0; k < MaskCount; k++)
        {
            Derive(tables, ecOrdinal, k, baseRows, baseColumns, rows, columns);
            int penalty = Penalty(rows, columns, n, tables.Words);
            if (penalty < minPenalty) { minPenalty = penalty; best = k; } // first of equals wins, as in ZXing
        }
        maskPattern = best;
        Derive(tables, ecOrdinal, best, baseRows, baseColumns, rows, columns);
        return Unpack(rows, n, tables.Words);
    }

    /// <summary>The modules under mask <paramref name="maskPattern"/> (for tests).</summary>
    public static bool[] ApplyMask(QRCode mask0, int maskPattern)
    {
        if ((uint)maskPattern >= MaskCount) throw new ArgumentOutOfRangeException(nameof(maskPattern));
        var planes = new HeapPlanes(mask0);
        planes.Derive(maskPattern);
        return Unpack(planes.Rows, planes.Tables.Size, planes.Tables.Words);
    }

    /// <summary>The penalty of each of the 8 masks (for tests).</summary>
    public static int[] Penalties(QRCode mask0)
    {
        var planes = new HeapPlanes(mask0);
        var penalties = new int[MaskCount];
        for (int k = 0; k < MaskCount; k++)
        {
            planes.Derive(k);
            penalties[k] = Penalty(planes.Rows, planes.Columns, planes.Tables.Size, planes.Tables.Words);
        }
        return penalties;
    }

    /// <summary>The packed planes of one code on the heap: what the test entry points share (the hot path uses the stack).</summary>
    private sealed class HeapPlanes
    {
        private readonly ulong[] _baseRows, _baseColumns;
        private readonly int _ecOrdinal;

        public HeapPlanes(QRCode mask0)
        {
            Tables = Prepare(mask0, out _ecOrdinal);
            int plane = Tables.Size * Tables.Words;
            _baseRows = new ulong[plane];
            _baseColumns = new ulong[plane];
            Rows = new ulong[plane];
            Columns = new ulong[plane];
            Pack(mask0.Matrix, Tables.Words, _baseRows, _baseColumns);
        }

        public VersionTables Tables { get; }
        public ulong[] Rows { get; }
        public ulong[] Columns { get; }

        public void Derive(int maskPattern) => QrMask.Derive(Tables, _ecOrdinal, maskPattern, _baseRows, _baseColumns, Rows, Columns);
    }

    /// <summary>
    /// Penalty of any square 0/1 matrix, equal to <c>MaskUtil.applyMaskPenaltyRule1 + 2 + 3 + 4</c> (for tests).
    /// </summary>
    public static int Penalty(ByteMatrix matrix)
    {
        if (matrix.Width != matrix.Height) throw new ArgumentException("The matrix is not square.", nameof(matrix));
        int n = matrix.Width, words = (n + 63) >> 6;
        var rows = new ulong[n * words];
        var columns = new ulong[n * words];
        Pack(matrix, words, rows, columns);
        return Penalty(rows, columns, n, words);
    }

    private static VersionTables Prepare(QRCode mask0, out int ecOrdinal)
    {
        if (mask0.MaskPattern != 0)
            throw new ArgumentException($"Expected a code built with mask 0, not {mask0.MaskPattern}.", nameof(mask0));
        ecOrdinal = mask0.ECLevel.ordinal();
        int number = mask0.Version.VersionNumber;
        var tables = Volatile.Read(ref Tables[number]);
        if (tables is null)
        {
            // A race only builds the same immutable tables twice.
            tables = new VersionTables(number);
            Volatile.Write(ref Tables[number], tables);
        }
        if (mask0.Matrix.Width != tables.Size || mask0.Matrix.Height != tables.Size)
            throw new ArgumentException("The matrix does not match the code's version.", nameof(mask0));
        return tables;
    }

    private static int[] BuildTypeInfoBits()
    {
        var result = new int[4 * MaskCount];
        foreach (var level in new[] { ErrorCorrectionLevel.L, ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H })
        {
            for (int k = 0; k < MaskCount; k++)
            {
                var bits = new BitArray();
                MatrixUtil.makeTypeInfoBits(level, k, bits);
                int value = 0;
                // MatrixUtil.embedTypeInfo places the last bit of the array first.
                for (int i = 0; i < bits.Size; i++)
                    if (bits[bits.Size - 1 - i]) value |= 1 << i;
                result[level.ordinal() * MaskCount + k] = value;
            }
        }
        return result;
    }

    /// <summary>Rows (bit x of row y) and columns (bit y of column x) of a 0/1 matrix; bits past the edge stay 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack(ByteMatrix matrix, int words, Span<ulong> rows, Span<ulong> columns)
    {
        rows.Clear();
        columns.Clear();
        var array = matrix.Array;
        int n = matrix.Width;
        for (int y = 0; y < n; y++)
        {
            var source = array[y];
            int rowBase = y * words, columnWord = y >> 6, shift = y & 63;
            ulong word = 0;
            for (int x = 0; x < source.Length && x < n; x++)
            {
                ulong bit = (ulong)(source[x] & 1);
                word |= bit << x;
                if ((x & 63) == 63) { rows[rowBase + (x >> 6)] = word; word = 0; }
                columns[x * words + columnWord] |= bit << shift;
            }
            if ((n & 63) != 0) rows[rowBase + (n >> 6)] = word;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool[] Unpack(ReadOnlySpan<ulong> rows, int n, int words)
    {
        var modules = new bool[n * n];
        for (int y = 0, i = 0; y < n; y++)
        {
            var row = rows.Slice(y * words, words);
            for (int x = 0; x < n; x++, i++) modules[i] = ((row[x >> 6] >> x) & 1) != 0;
        }
        return modules;
    }

    /// <summary>The matrix under mask <paramref name="k"/> from the mask-0 matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Derive(VersionTables tables, int ecOrdinal, int k, ReadOnlySpan<ulong> baseRows,
        ReadOnlySpan<ulong> baseColumns, Span<ulong> rows, Span<ulong> columns)
    {
        int n = tables.Size, words = tables.Words, plane = n * words;
        var rowDelta = tables.RowDelta.AsSpan(k * plane, plane);
        var columnDelta = tables.ColumnDelta.AsSpan(k * plane, plane);
        for (int i = 0; i < plane; i++)
        {
            rows[i] = baseRows[i] ^ rowDelta[i];
            columns[i] = baseColumns[i] ^ columnDelta[i];
        }
        // Type info: flip the bits in which mask k's format word differs from mask 0's, at both copies.
        int diff = TypeInfoBits[ecOrdinal * MaskCount] ^ TypeInfoBits[ecOrdinal * MaskCount + k];
        while (diff != 0)
        {
            int i = BitOperations.TrailingZeroCount(diff);
            diff &= diff - 1;
            Flip(rows, columns, words, TypeInfoX[i], TypeInfoY[i]);
            if (i < 8) Flip(rows, columns, words, n - 1 - i, 8);
            else Flip(rows, columns, words, 8, n - 7 + (i - 8));
        }
    }

    private static void Flip(Span<ulong> rows, Span<ulong> columns, int words, int x, int y)
    {
        rows[y * words + (x >> 6)] ^= 1UL << x;
        columns[x * words + (y >> 6)] ^= 1UL << y;
    }

    /// <summary>
    /// MaskUtil.applyMaskPenaltyRule1 + 2 + 3 + 4 on bit-packed rows and columns of an n×n matrix whose bits past
    /// the edge are 0. Bit x of a line word holds module 64·word + x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Penalty(ReadOnlySpan<ulong> rows, ReadOnlySpan<ulong> columns, int n, int words)
    {
        int rule1 = 0, finders = 0, blocks = 0, dark = 0;
        for (int y = 0; y < n; y++)
        {
            var row = rows.Slice(y * words, words);
            LineRules(row, n, ref rule1, ref finders);
            if (y + 1 < n) blocks += SameBlocks(row, rows.Slice((y + 1) * words, words), n);
            for (int i = 0; i < words; i++) dark += BitOperations.PopCount(row[i]);
        }
        for (int x = 0; x < n; x++) LineRules(columns.Slice(x * words, words), n, ref rule1, ref finders);

        // Rule 4 computed exactly as ZXing does, in doubles.
        double darkRatio = (double)dark / (n * n);
        int fivePercentVariances = (int)(Math.Abs(darkRatio - 0.5) * 20.0);
        return rule1 + N2 * blocks + N3 * finders + N4 * fivePercentVariances;
    }

    /// <summary>Bits of word <paramref name="i"/> at positions below <paramref name="limit"/> (counted along the line).</summary>
    private static ulong Below(int i, int limit)
    {
        int bits = limit - (i << 6);
        return bits >= 64 ? ulong.MaxValue : bits <= 0 ? 0 : (1UL << bits) - 1;
    }

    /// <summary>
    /// Rule 1 (runs of 5+ equal modules score 3 + length − 5) and the count for rule 3 (1011101 with four light
    /// modules before or after, all inside the symbol) along one row or column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LineRules(ReadOnlySpan<ulong> line, int n, ref int rule1, ref int finders)
    {
        ulong previousWindows = 0;
        for (int i = 0; i < line.Length; i++)
        {
            ulong a = line[i];
            ulong next = i + 1 < line.Length ? line[i + 1] : 0;
            ulong previous = i > 0 ? line[i - 1] : 0;
            // sK: bit x = module x + K.
            ulong s1 = (a >> 1) | (next << 63), s2 = (a >> 2) | (next << 62), s3 = (a >> 3) | (next << 61),
                s4 = (a >> 4) | (next << 60);

            // Rule 1. windows: bit x set when modules x..x+4 are equal. A maximal run of L ≥ 5 holds L − 4 such
            // windows, one of which starts it, so N1 + (L − 5) = windows + (N1 − 1)·starts.
            ulong windows = ~((a ^ s1) | (a ^ s2) | (a ^ s3) | (a ^ s4)) & Below(i, n - 4);
            ulong starts = windows & ~((windows << 1) | (previousWindows >> 63));
            previousWindows = windows;
            rule1 += BitOperations.PopCount(windows) + (N1 - 1) * BitOperations.PopCount(starts);

            // Rule 3: dark-light-dark-dark-dark-light-dark at x..x+6 (0 past the edge, so it never matches there).
            ulong s5 = (a >> 5) | (next << 59), s6 = (a >> 6) | (next << 58);
            ulong pattern = a & ~s1 & s2 & s3 & s4 & ~s5 & s6;
            if (pattern == 0) continue;
            // ZXing's isWhiteHorizontal/isWhiteVertical answer false when the four modules reach past the edge,
            // so a side only counts as light when it lies wholly inside the symbol: x ≥ 4, or x + 11 ≤ n.
            ulong darkBefore = (a << 1) | (previous >> 63) | (a << 2) | (previous >> 62)
                | (a << 3) | (previous >> 61) | (a << 4) | (previous >> 60); // any dark in x−4..x−1
            ulong darkAfter = (a >> 7) | (next << 57) | (a >> 8) | (next << 56)
                | (a >> 9) | (next << 55) | (a >> 10) | (next << 54);       // any dark in x+7..x+10
            ulong lightBefore = ~darkBefore & ~Below(i, 4);
            ulong lightAfter = ~darkAfter & Below(i, n - 10);
            finders += BitOperations.PopCount(pattern & (lightBefore | lightAfter));
        }
    }

    /// <summary>Rule 2: the number of 2×2 blocks of one color with their top-left corner in row <paramref name="upper"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SameBlocks(ReadOnlySpan<ulong> upper, ReadOnlySpan<ulong> lower, int n)
    {
        int count = 0;
        for (int i = 0; i < upper.Length; i++)
        {
            ulong a = upper[i], b = lower[i];
            ulong a1 = (a >> 1) | (i + 1 < upper.Length ? upper[i + 1] << 63 : 0);
            ulong b1 = (b >> 1) | (i + 1 < lower.Length ? lower[i + 1] << 63 : 0);
            count += BitOperations.PopCount(~((a ^ b) | (a ^ a1) | (b ^ b1)) & Below(i, n - 1));
        }
        return count;
    }
}
