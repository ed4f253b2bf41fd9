namespace Print.Core.Validation;

/// <summary>A value that passed a check, or the reason it did not; the reason is written for the person fixing the data.</summary>
public readonly record struct Validated<T>
{
    private Validated(T value, string? error) { Value = value; Error = error; }

    /// <summary>The normalised value; meaningless when <see cref="IsValid"/> is false.</summary>
    public T Value { get; }
    public string? Error { get; }
    public bool IsValid => Error is null;

    public static implicit operator Validated<T>(T value) => new(value, null);
    public static implicit operator Validated<T>(ValidationFailure failure) => new(default!, failure.Reason);
}

/// <summary>A failed check, convertible to any <see cref="Validated{T}"/>: <c>return Validated.Fail("…")</c>.</summary>
public readonly record struct ValidationFailure(string Reason);

public static class Validated
{
    public static ValidationFailure Fail(string reason) => new(reason);
}
