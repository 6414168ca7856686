// An expired token logs in again once, and only once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { worker, rejection } from "./helpers.mjs";

const logins = (w) => w.wx.calls.requests.filter((r) => r.url.endsWith("/api/auth/login")).length;

test("an expired token re-logs in once and the request goes through", async () => {
  const w = worker();
  await w.client.login();
  assert.equal(logins(w), 1);
  const before = await w.client.me();

  // The stored token no longer passes (expired, or the signing key rotated): the API answers 401.
  const session = w.wx.getStorageSync("miniapp.session");
  const tampered = session.token.slice(0, -4) + (session.token.endsWith("AAAA") ? "BBBB" : "AAAA");
  w.wx.setStorageSync("miniapp.session", { ...session, token: tampered });

  const after = await w.client.me();
  assert.equal(String(after.id), String(before.id));
  assert.equal(logins(w), 2, "exactly one re-login");
  assert.equal(w.wx.calls.login, 2);
  // The fresh token is stored (within the same second it may equal the original one, which is fine).
  assert.notEqual(w.wx.getStorageSync("miniapp.session").token, tampered);
  const meCalls = w.wx.calls.requests.filter((r) => r.url.endsWith("/api/me"));
  assert.equal(meCalls.length, 3, "the first call, the 401, the replay");
});

test("a 401 that survives the re-login is shown, not looped", async () => {
  const w = worker();
  await w.client.login();
  const realRequest = w.wx.request;
  w.wx.request = (options) => realRequest(options.url.endsWith("/api/me")
    ? { ...options, header: { ...options.header, Authorization: "Bearer broken" } } : options);
  const error = await rejection(w.client.me());
  assert.equal(error.code, "unauthorized");
  assert.equal(error.status, 401);
  assert.match(error.message, /登录/);
  assert.equal(logins(w), 2, "one login, one re-login, no more");
});

test("no token at all: the first call logs in by itself", async () => {
  const w = worker();
  const me = await w.client.me();
  assert.equal(me.isMember, false);
  assert.equal(logins(w), 1);
});
