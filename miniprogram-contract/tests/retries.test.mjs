// Timeouts and retries: only requests that are safe to repeat are repeated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { API, MiniAppClient, createWx, sandbox, staff, unique, workerWithPhone, newIdNumber, form, rejection } from "./helpers.mjs";

test("a GET answered 503 with Retry-After is retried and succeeds", async () => {
  const admin = await staff("xp-admin");
  const station = await admin.client.request("POST", "/api/staff/stations", {
    body: { code: unique("R"), name: "重试测试站", type: "driver_home", address: "测试路 2 号", regionCode: "530427001",
      latitude: 24.07, longitude: 101.99, facilities: null, openingHours: null, phone: null,
      owningUnionId: admin.login.staff.unionId, photoUrls: null },
  });
  // WeChat is busy for every attempt of the API's first call (it tries 3 times), so the API answers 503 + Retry-After.
  // Only this test asks for QR codes, so the fault cannot reach another journey.
  await sandbox("POST", "/__sandbox/faults", { api: "getwxacodeunlimit", errcode: -1, times: 3 });
  const wx = createWx();
  const client = new MiniAppClient({ baseUrl: API, wx, maxRetryDelayMs: 300 });
  wx.setStorageSync("miniapp.session", { kind: "staff", token: admin.token, expiresAt: admin.login.expiresAt });
  await client.request("GET", `/api/staff/stations/${station.id}/qrcode`);
  const calls = wx.calls.requests.filter((r) => r.url.includes("/qrcode"));
  assert.equal(calls.length, 2, "one 503, one retry");
});

test("a request that is not safe to repeat is not retried after a network failure", async () => {
  const w = await workerWithPhone();
  const application = await w.client.submitApplication(form(newIdNumber(), w.phone));
  const realRequest = w.wx.request;
  let attempts = 0;
  w.wx.request = (options) => {
    if (!options.url.endsWith("/withdraw")) return realRequest(options);
    attempts++;
    setTimeout(() => options.fail?.({ errMsg: "request:fail socket closed" }), 5);
  };
  const error = await rejection(w.client.withdrawApplication(application.id));
  assert.equal(error.code, "network_error");
  assert.equal(error.status, 0);
  assert.match(error.message, /网络/);
  assert.equal(attempts, 1, "tried once, not retried");
  const [mine] = await w.client.myApplications();
  assert.equal(mine.application.status, "submitted");
});

test("a request that takes too long times out", async () => {
  const wx = createWx();
  const client = new MiniAppClient({ baseUrl: API, wx, timeoutMs: 50, maxRetries: 0 });
  wx.request = (options) => setTimeout(() => options.fail?.({ errMsg: "request:fail timeout" }), options.timeout);
  const error = await rejection(client.stationOptions());
  assert.equal(error.code, "timeout");
  assert.match(error.message, /超时/);
});

test("a submit committed but answered 503 is retried with the same Idempotency-Key and answered with the stored application", async () => {
  const w = await workerWithPhone();
  const realRequest = w.wx.request;
  const keys = [];
  w.wx.request = (options) => {
    if (!(options.method === "POST" && options.url.endsWith("/api/applications"))) return realRequest(options);
    keys.push(options.header["Idempotency-Key"]);
    if (keys.length > 1) return realRequest(options);
    // The API stores the application, but the answer is lost to an outage: the phone sees what the API answers when
    // the database drops the connection after the commit.
    realRequest({
      ...options,
      success: () => options.success?.({
        statusCode: 503, errMsg: "request:ok", header: { "Retry-After": "1" },
        data: { status: 503, code: "database_unavailable", detail: "系统正在维护或网络繁忙，请稍后再试" },
      }),
    });
  };

  const application = await w.client.submitApplication(form(newIdNumber(), w.phone));

  assert.equal(keys.length, 2, "one answer lost, one retry");
  assert.equal(keys[1], keys[0], "the retry carries the same Idempotency-Key");
  const mine = await w.client.myApplications();
  assert.equal(mine.length, 1, "stored once");
  assert.equal(mine[0].application.id, application.id);
});
