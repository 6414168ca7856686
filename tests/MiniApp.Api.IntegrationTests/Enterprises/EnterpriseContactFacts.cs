namespace MiniApp.Api.IntegrationTests.Enterprises;

/// <summary>The contact's phone is stored sealed, hashed and masked; only reveal answers it in clear, and that is audited.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterpriseContactFacts(ApiFixture api)
{
    [Fact]
    public async Task ContactPhone_IsMaskedEverywhere_ButReveal_WhichIsAudited()
    {
        using var admin = await api.StaffClientAsync();
        var phone = TestPeople.NewPhone();
        var token = EnterpriseKit.NewToken();
        var body = EnterpriseKit.Body("联系电话测试" + token, phone: phone).With("keyFlags", new[] { "top_private" });
        var createResponse = await admin.PostAsJsonAsync("/api/staff/enterprises", body);
        var createText = await createResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, createResponse.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(createText).RootElement.GetProperty("id").GetInt64();
        var masked = phone[..3] + "****" + phone[7..];

        var texts = new List<string> { createText };
        texts.Add(await (await admin.GetAsync($"/api/staff/enterprises/{id}")).Content.ReadAsStringAsync());
        texts.Add(await (await admin.GetAsync($"/api/staff/enterprises?q={token}")).Content.ReadAsStringAsync());
        var view = await (await admin.GetAsync($"/api/staff/enterprises/{id}")).AssertOkJsonAsync();
        // Sending the masked value back keeps the number; a bad number is refused without echoing it.
        var kept = await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}",
            body.With("contactPhone", masked).With("note", "改备注").With("version", view.GetProperty("version").GetInt32()));
        texts.Add(await kept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        texts.Add(await (await admin.PostAsJsonAsync("/api/staff/enterprises", body.With("creditCode", TestEnterprises.NextCreditCode())
            .With("contactPhone", phone + "9"))).Content.ReadAsStringAsync());
        texts.Add(await (await admin.PostAsJsonAsync("/api/staff/enterprises", body)).Content.ReadAsStringAsync());
        var form1 = await EnterpriseKit.SheetAsync(await admin.GetAsync("/api/staff/enterprises/form1.xlsx?township=530427001"));

        Assert.All(texts, text => Assert.DoesNotContain(phone, text));
        Assert.Contains(masked, texts[1]);
        var row = Assert.Single(form1, r => (string?)r["企业名称"] == "联系电话测试" + token);
        Assert.Equal(masked, row["联系电话"]?.ToString());

        var revealed = await (await admin.PostAsync($"/api/staff/enterprises/{id}/reveal-contact", null)).AssertOkJsonAsync();
        Assert.Equal((phone, "王联系"), (revealed.GetProperty("contactPhone").GetString(), revealed.GetProperty("contactName").GetString()));

        await using var db = await api.Database.OpenAsync();
        var stored = await db.QuerySingleAsync<(string Sealed, string Hash, string Masked)>(
            "SELECT contact_phone_sealed, contact_phone_hash, contact_phone_masked FROM enterprises WHERE id = @id", new { id });
        Assert.DoesNotContain(phone, stored.Sealed);
        Assert.Equal(api.LookupHash(phone, "enterprise_contact_phone"), stored.Hash);
        Assert.Equal(masked, stored.Masked);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.contact_revealed' AND entity_id = @id", new { id }));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE detail LIKE @p", new { p = $"%{phone}%" }));
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(phone));
    }

    [Fact]
    public async Task ContactPhone_ClearedWithAnEmptyString_AndRevealAnswersNull()
    {
        using var admin = await api.StaffClientAsync();
        var body = EnterpriseKit.Body("清空电话测试", phone: TestPeople.NewPhone());
        var created = await admin.CreateEnterpriseAsync(body);
        var id = created.GetProperty("id").GetInt64();

        var updated = await (await admin.PutAsJsonAsync($"/api/staff/enterprises/{id}",
            body.With("contactPhone", "").With("version", created.GetProperty("version").GetInt32()))).AssertOkJsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, updated.GetProperty("contactPhoneMasked").ValueKind);
        var revealed = await (await admin.PostAsync($"/api/staff/enterprises/{id}/reveal-contact", null)).AssertOkJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, revealed.GetProperty("contactPhone").ValueKind);
    }

    [Fact]
    public async Task Reveal_OutsideTheCallersScope_IsNotFound()
    {
        using var admin = await api.StaffClientAsync();
        var id = (await admin.CreateEnterpriseAsync(EnterpriseKit.Body("古城企业", township: EnterpriseKit.Gucheng, phone: TestPeople.NewPhone())))
            .GetProperty("id").GetInt64();
        using var guishan = await api.StaffClientAsync(StaffRoles.UnionReviewer, EnterpriseKit.GuishanFederation);

        await (await guishan.PostAsync($"/api/staff/enterprises/{id}/reveal-contact", null)).AssertProblemAsync(HttpStatusCode.NotFound, "enterprise_not_found");

        await using var db = await api.Database.OpenAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.contact_revealed' AND entity_id = @id", new { id }));
    }
}
