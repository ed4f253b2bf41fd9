using LiteDB;
using Print.Core.Privacy;
using Print.Store.LiteDb;

namespace Print.Server.Cli;

/// <summary>Opens the database file for a command, turning LiteDB's failures into one clear error.</summary>
public static class StoreFile
{
    public static PrintDatabase Open(string path)
    {
        try { return new PrintDatabase(path); }
        catch (IOException e) { throw new StoreUnavailableException($"{path}: cannot open the store: {Pii.Scrub(e.Message)}"); }
        catch (LiteException e) { throw new StoreUnavailableException($"{path}: not a usable store: {Pii.Scrub(e.Message)}"); }
    }
}
