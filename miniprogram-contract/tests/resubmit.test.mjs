// A rejected application is corrected and sent again; the reviewer then approves it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { staff, workerWithPhone, newIdNumber, form, rejection } from "./helpers.mjs";

test("a rejected application is corrected and resubmitted", async () => {
  const w = await workerWithPhone();
  const idNumber = newIdNumber();
  const first = await w.client.submitApplication(form(idNumber, w.phone));
  assert.equal(first.status, "submitted");

  const admin = await staff("xp-admin");
  await admin.client.request("POST", `/api/staff/applications/${first.id}/reject`,
    { body: { reasonCode: "info_incomplete", note: "请填写户籍所在乡镇" } });

  const [mine] = await w.client.myApplications();
  assert.equal(mine.application.status, "rejected");
  const me = await w.client.me();
  assert.equal(me.isMember, false);

  // The inbox tells the worker why.
  const inbox = await w.client.messages();
  const notice = inbox.items.find((m) => String(m.applicationId) === String(first.id));
  assert.ok(notice, JSON.stringify(inbox.items));
  assert.equal(notice.page, "pages/application/index");
  await w.client.markMessageRead(notice.id);
  assert.equal(Number((await w.client.messages()).unread), Number(inbox.unread) - 1);

  // Correct the form (another township) and send it again: PUT on the same application.
  const corrected = await w.client.resubmitApplication(first.id, form(idNumber, w.phone, { residenceTownship: "530427100" }));
  assert.equal(String(corrected.id), String(first.id));
  assert.equal(corrected.status, "submitted");
  const [again] = await w.client.myApplications();
  assert.equal(again.application.status, "submitted");
  assert.ok(again.history.length >= 3, JSON.stringify(again.history));

  // It cannot be corrected while it waits for review.
  const error = await rejection(w.client.resubmitApplication(first.id, form(idNumber, w.phone)));
  assert.equal(error.code, "application_state_changed");
  assert.equal(error.status, 409);
  assert.ok(error.message.length > 0);

  await admin.client.request("POST", `/api/staff/applications/${first.id}/approve`);
  assert.equal((await w.client.me()).isMember, true);
});
