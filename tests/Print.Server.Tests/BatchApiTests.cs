using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Print.Core.Production;
using Print.Server;
using Print.Store;

namespace Print.Server.Tests;

/// <summary>
/// The print shop's API on the real server over HTTP on 127.0.0.1: the demo customers planned, handed off,
/// assembled into batches and rendered in the background by the start-up runs of the scheduled jobs; then the
/// operator's steps through the API.
/// </summary>
public class BatchApiTests : IAsyncLifetime
{
    private readonly TempDir dir = new();
    private static readonly DateOnly Day = new(2026, 11, 25);
    private WebApplication app = null!;
    private HttpClient http = null!;


    public async Task InitializeAsync()
    {
        // One seed piece (a staff address) in every batch, to measure delivery time.
        var production = dir.Write("production.json", """{ "seeds": [ { "name": "质检甲", "city": "南昌市", "street": "北京西路1号", "postcode": "330046" } ] }""");
        app = ServerHost.Build(["--db", dir.File("print.db"), "--production", production, "--urls", "http://127.0.0.1:0"],
            services => services.AddSingleton(TestClock.On(Day)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        dir.Dispose();
    }

    private async Task<JsonElement> Get(string path)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    /// <summary>The batches once every one of them is rendered (the start-up runs take about ten seconds).</summary>
    private async Task<JsonElement[]> RenderedBatches()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var batches = (await Get("/api/batches")).EnumerateArray().ToArray();
            if (batches.Length > 0 && batches.All(b => b.GetProperty("state").GetString() == "rendered")) return batches;
            if (DateTime.UtcNow > deadline) Assert.Fail($"batches not rendered in time: {string.Join(", ", batches.Select(b => $"{b.GetProperty("id")} {b.GetProperty("state")} {b.GetProperty("render")}"))}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task TheOperatorDownloadsSignsOffPrintsPostsAndFeedsBackThroughTheApi()
    {
        var batches = await RenderedBatches();
        var batch = batches.First(b => b.GetProperty("mail_class").GetString() == "RegisteredWithReturnReceipt" || b.GetProperty("mail_class").GetString() == "Registered");
        var id = batch.GetProperty("id").GetString()!;

        // Every listed file downloads with the SHA-256 the listing gives.
        var files = batch.GetProperty("files").EnumerateArray().ToList();
        Assert.Contains(files, f => f.GetProperty("name").GetString() == "manifest.csv");
        Assert.Contains(files, f => f.GetProperty("name").GetString() == "posting-list.pdf");
        foreach (var f in files)
        {
            var bytes = await http.GetByteArrayAsync(f.GetProperty("url").GetString());
            Assert.Equal(f.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/batches/{id}/files/..%2Fprint.db")).StatusCode);

        // Sign-off needs a name; a misspelt field is refused by name and changes nothing.
        var (status, body) = await Post($"/api/batches/{id}/approve", """{ "bye": "李娜" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("body $.bye: unknown field; this request takes \"by\"", body.GetProperty("error").GetString());
        Assert.Equal("body $.by: the value has the wrong type", (await Post($"/api/batches/{id}/approve", """{ "by": 5 }""")).Body.GetProperty("error").GetString());
        Assert.Equal("body: missing required field 'by'", (await Post($"/api/batches/{id}/approve", "{}")).Body.GetProperty("error").GetString());
        Assert.Equal("rendered", (await Get($"/api/batches/{id}")).GetProperty("batch").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post($"/api/batches/{id}/posted", "{}")).Status);

        Assert.Equal((HttpStatusCode.OK, "approved"), await Step($"/api/batches/{id}/approve", """{ "by": "李娜" }"""));
        Assert.Equal((HttpStatusCode.OK, "printed"), await Step($"/api/batches/{id}/printed", """{ "by": "印刷车间" }"""));
        Assert.Equal((HttpStatusCode.OK, "posted"), await Step($"/api/batches/{id}/posted", ""));

        // The post office says one piece was delivered; one number is not ours.
        var manifest = await http.GetStringAsync($"/api/batches/{id}/files/manifest.csv");
        var rows = manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Trim().Split(',')).ToList();
        var number = rows.Where(r => r[^1] == "false").Select(r => r[2]).First(n => n.Length > 0);
        var csv = $"邮件号,事件,日期,原因代码,新地址,新邮编\n{number},投递,2026-11-28,,,\nRR473124829CN,投递,2026-11-28,,,\n";
        var upload = await http.PostAsync("/api/feedback?name=post-office.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        var result = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(1, result.GetProperty("applied").GetInt32());
        Assert.Equal(["row 2, 邮件号: unknown tracking number: no piece of ours carries it"],
            result.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));

        var piece = app.Services.GetRequiredService<IProductionStore>().FindPieceByTracking(TrackingNumber.Check(number).Value)!;
        Assert.Equal(PieceState.Delivered, piece.History.State);

        // The seed's addressee reports it received; the API's clock stands on 2026-11-25, the day it was posted.
        var seed = rows.Single(r => r[^1] == "true")[0];
        Assert.Equal("body $.day: unknown field; this request takes \"date\", \"by\"", (await Post($"/api/pieces/{seed}/received", """{ "day": "2026-11-25" }""")).Body.GetProperty("error").GetString());
        var customerPiece = rows.First(r => r[^1] == "false")[0];
        (status, body) = await Post($"/api/pieces/{customerPiece}/received", "");
        Assert.Equal((HttpStatusCode.Conflict, $"piece {customerPiece} is not a seed piece: a customer's piece is delivered through the post office's feedback"), (status, body.GetProperty("error").GetString()));
        (status, body) = await Post($"/api/pieces/{seed}/received", """{ "date": "2026-11-27" }""");
        Assert.Equal((HttpStatusCode.Conflict, $"piece {seed}: received on 2026-11-27 is after today (2026-11-25)"), (status, body.GetProperty("error").GetString()));
        (status, body) = await Post($"/api/pieces/{seed}/received", """{ "date": "2026-11-25", "by": "质检甲" }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((seed, "delivered", "2026-11-25", true), (body.GetProperty("id").GetString(), body.GetProperty("state").GetString(),
            body.GetProperty("received_on").GetString(), body.GetProperty("recorded").GetBoolean()));
        Assert.False((await Post($"/api/pieces/{seed}/received", "")).Body.GetProperty("recorded").GetBoolean()); // today again: already recorded

        var kpis = (await Get("/api/kpis")).EnumerateArray().ToList();
        var campaign = Assert.Single(kpis, k => k.GetProperty("delivered").GetInt32() == 1);
        Assert.Equal(batch.GetProperty("pieces").GetInt32() - 1, campaign.GetProperty("posted").GetInt32()); // seeds are counted apart
        Assert.Equal(0, campaign.GetProperty("seed_delivery_days_max").GetInt32());
    }

    private async Task<(HttpStatusCode, string?)> Step(string path, string json)
    {
        var (status, body) = await Post(path, json);
        return (status, body.TryGetProperty("state", out var s) ? s.GetString() : body.ToString());
    }

    [Fact]
    public async Task AnUnknownBatchIsNotFoundWithItsId()
    {
        var response = await http.GetAsync("/api/batches/B20990101-01");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no batch B20990101-01", await response.Content.ReadAsStringAsync());
        var (status, body) = await Post("/api/pieces/B20990101-01-00001/received", "");
        Assert.Equal((HttpStatusCode.NotFound, "no piece B20990101-01-00001"), (status, body.GetProperty("error").GetString()));
    }
}
