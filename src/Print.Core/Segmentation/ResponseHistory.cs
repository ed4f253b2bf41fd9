namespace Print.Core.Segmentation;

/// <summary>
/// How a customer answered the campaign within the rules' response window: pieces sent to them and responses
/// (reply letters, calls, SMS replies) received. The caller counts them; segmentation only compares.
/// </summary>
public readonly record struct ResponseHistory(int PiecesSent, int Responses);
