// A wrong 身份证号 shows the field's message; a lost answer on submit does not apply twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { workerWithPhone, newIdNumber, badIdNumber, form, rejection } from "./helpers.mjs";

test("a bad 身份证号 shows the field message", async () => {
  const w = await workerWithPhone();
  const error = await rejection(w.client.submitApplication(form(badIdNumber(), w.phone)));
  assert.equal(error.code, "validation_failed");
  assert.equal(error.status, 400);
  const message = error.fieldMessage("idNumber");
  assert.ok(message && /身份证/.test(message), `field message: ${message}`);
  assert.ok(/[\u4e00-\u9fa5]/.test(error.message), `toast message: ${error.message}`);
  assert.deepEqual(Object.keys(error.fieldErrors), ["idNumber"]);
  // The refused form's key is forgotten: the corrected form goes out with a new one.
  assert.equal(w.wx.getStorageSync("miniapp.submission"), "");

  const tooShort = await rejection(w.client.submitApplication(form("53042719880101", w.phone)));
  assert.ok(tooShort.fieldMessage("idNumber"));

  const ok = await w.client.submitApplication(form(newIdNumber(), w.phone));
  assert.equal(ok.status, "submitted");
});

test("a submission whose answer is lost is retried with the same Idempotency-Key and applies once", async () => {
  const w = await workerWithPhone();
  // The first answer to POST /api/applications is lost on the way back (the server did apply).
  const realRequest = w.wx.request;
  let dropped = 0;
  w.wx.request = (options) => {
    if (options.method === "POST" && options.url.endsWith("/api/applications") && dropped === 0) {
      dropped++;
      return realRequest({ ...options, success: () => options.fail?.({ errMsg: "request:fail socket closed" }) });
    }
    return realRequest(options);
  };
  const application = await w.client.submitApplication(form(newIdNumber(), w.phone));
  assert.equal(dropped, 1);
  assert.equal(application.status, "submitted");
  const posts = w.wx.calls.requests.filter((r) => r.method === "POST" && r.url.endsWith("/api/applications"));
  assert.equal(posts.length, 2);
  assert.equal(posts[0].header["Idempotency-Key"], posts[1].header["Idempotency-Key"]);
  const mine = await w.client.myApplications();
  assert.equal(mine.length, 1);
  assert.equal(String(mine[0].application.id), String(application.id));
});
