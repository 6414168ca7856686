// A truck driver scans the 司机之家 code, logs in, binds the phone, applies; the reviewer approves; the result reaches
// WeChat (the sandbox) as a subscribe message; a staff member verifies the membership card.
import { test } from "node:test";
import assert from "node:assert/strict";
import { API, sandbox, staff, worker, newIdNumber, newPhone, form, stationCodeOf, sleep } from "./helpers.mjs";

const RESULT_TEMPLATE = "application-result-template"; // Notifications:Templates:ApplicationResult:TemplateId

/** Asks Hangfire to run the dispatch job now (the dashboard's "trigger now", county admins only). */
async function triggerDispatch(adminToken) {
  const res = await fetch(API + "/hangfire/recurring/trigger", {
    method: "POST",
    headers: { Authorization: "Bearer " + adminToken, "Content-Type": "application/x-www-form-urlencoded" },
    body: "jobs%5B%5D=notifications.dispatch-outbox",
  });
  return res.status;
}

test("a driver scans a 司机之家 code, joins, gets the result message and a card that verifies", async (t) => {
  const driver = worker();
  const { client } = driver;

  // onLoad(query): the scene arrives URL-encoded.
  const scene = encodeURIComponent("s=XP0001");
  assert.equal(stationCodeOf(scene), "XP0001");
  const found = await client.stationByScene(scene);
  assert.equal(found.station.code, "XP0001");
  assert.ok(found.receivingUnion.name);

  const login = await client.login();
  assert.equal(login.user.isMember, false);

  const phone = newPhone();
  const { code: phoneCode } = await sandbox("POST", "/__sandbox/phone-codes", { openid: driver.openid, phoneNumber: phone });
  const bound = await client.bindPhone(phoneCode);
  assert.equal(bound.phoneMasked, phone.slice(0, 3) + "****" + phone.slice(7));

  // wx.requestSubscribeMessage: the user accepts once; WeChat (the sandbox) holds the grant, we record it.
  await sandbox("POST", "/__sandbox/subscribe-grants", { openid: driver.openid, templateId: RESULT_TEMPLATE, count: 1 });
  const grants = await client.recordSubscriptions({ [RESULT_TEMPLATE]: "accept", errMsg: "requestSubscribeMessage:ok" });
  assert.deepEqual(grants.grants.find((g) => g.templateId === RESULT_TEMPLATE)?.remaining, 1);

  const application = await client.submitApplication(form(newIdNumber(), phone, { stationScene: decodeURIComponent(scene) }));
  assert.equal(application.status, "submitted");
  const submitCall = driver.wx.calls.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/applications"));
  assert.match(submitCall.header["Idempotency-Key"], /^[0-9a-f]{32}$/);

  const reviewer = await staff("xp-guishan");
  const approved = await reviewer.client.request("POST", `/api/staff/applications/${application.id}/approve`);
  assert.ok(approved);

  const me = await client.me();
  assert.equal(me.isMember, true);

  // The dispatch job runs every minute; ask Hangfire to run it now, and wait for the message either way.
  const admin = await staff("xp-admin");
  const triggered = await triggerDispatch(admin.token);
  t.diagnostic(`hangfire trigger answered ${triggered}`);
  let sent = [];
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    sent = await sandbox("GET", "/__sandbox/sent-messages?openid=" + encodeURIComponent(driver.openid));
    if (sent.length > 0) break;
    await sleep(1000);
  }
  t.diagnostic(`result message after ${Math.round((100_000 - (deadline - Date.now())) / 1000)} s`);
  assert.equal(sent.length, 1, "the result message reached WeChat");
  assert.equal(sent[0].templateId, RESULT_TEMPLATE);
  assert.equal(sent[0].page, "pages/application/index");
  assert.equal(JSON.stringify(sent[0].data).includes("已通过"), true, JSON.stringify(sent[0].data));

  const inbox = await client.messages();
  assert.ok(inbox.items.length >= 1);

  const card = await client.membershipCard();
  assert.match(card.memberNumber, /^XP\d{11}$/);
  const verified = await admin.client.verifyCard(card.verification.code);
  assert.equal(verified.valid, true);
  assert.equal(verified.memberNumber, card.memberNumber);
  assert.equal(verified.reason, null);

  const forged = await admin.client.verifyCard(card.verification.code.slice(0, -2) + "xx");
  assert.equal(forged.valid, false);
});
