// wechat: the workers apply through 桂山街道司机之家 holding two subscribe grants each (so a message sent twice would
// get through to WeChat and be seen); WeChat's subscribe send is armed to fail; the reviewer approves them all while
// the dispatcher is triggered once a second; once the faults are used up the dispatcher is triggered until the outbox
// drains. Every approved application must have exactly one message in the sandbox.
import { sandbox } from "../../miniprogram-contract/tests/helpers.mjs";
import { Answers, now, probe, staffToken } from "./answers.mjs";
import { Ledger, runClient } from "./workers.mjs";
import { pad, padEnd, printAnswers, printSubmissions, seconds, storedApplications, verdict } from "./report.mjs";
import { faultsPlayed, query, sleep } from "./stack.mjs";

const TEMPLATE = "application-result-template"; // Notifications:Templates:ApplicationResult:TemplateId
const API_NAME = "subscribe_send";
// Played in this order, for 40 applications (scaled to the number there is). -1, 5xx and timeouts are retried by the
// WeChat client within one send (up to 3 tries), 45011 is not; each failed send puts the row back to pending.
const FAULTS_FOR_40 = [
  { label: "-1", fault: { errcode: -1 }, times: 30 },
  { label: "timeout", fault: { delayMs: 2500 }, times: 3 },
  { label: "502", fault: { httpStatus: 502 }, times: 20 },
  { label: "45011", fault: { errcode: 45011 }, times: 15 },
  { label: "-1", fault: { errcode: -1 }, times: 10 },
];

export async function wechatDrill(settings, log) {
  const answers = new Answers();
  const ledger = new Ledger();
  const reviewerToken = await staffToken(answers, "xp-guishan");
  const adminToken = await staffToken(answers, "xp-admin");
  const start = now();
  const at = (t) => `+${seconds(t - start)}`;

  const setupEnd = start + 90_000;
  const ctx = {
    answers, ledger, thinkMs: settings.thinkMs, formMs: settings.formMs, retryMs: 1000, perClient: 2,
    loading: () => now() < setupEnd, deadline: () => setupEnd,
    overrides: { stationScene: "s=XP0001" },
    async prepare(person, client) {
      await sandbox("POST", "/__sandbox/subscribe-grants", { openid: person.openid, templateId: TEMPLATE, count: 2 });
      await client.recordSubscriptions({ [TEMPLATE]: "accept", errMsg: "requestSubscribeMessage:ok" });
      await client.recordSubscriptions({ [TEMPLATE]: "accept", errMsg: "requestSubscribeMessage:ok" });
    },
  };
  log(`${settings.clients} clients, two workers each, applying with two grants each`);
  await Promise.all(Array.from({ length: settings.clients }, (_, i) => runClient(i, ctx)));
  log(`${at(now())} ${ledger.acknowledged.size} applications acknowledged`);

  const faults = FAULTS_FOR_40.map((f) => ({ ...f, times: Math.max(1, Math.round((f.times * ledger.acknowledged.size) / 40)) }));
  let armed = 0;
  for (const f of faults) {
    await sandbox("POST", "/__sandbox/faults", { api: API_NAME, ...f.fault, times: f.times });
    armed += f.times;
  }
  const playedBefore = await faultsPlayed(API_NAME);
  // The sandbox logs every fault it plays: the last one is seen within 100 ms.
  let faultsOutAt = null;
  let watching = true;
  const watched = (async () => {
    while (watching && faultsOutAt === null) {
      if ((await faultsPlayed(API_NAME)) - playedBefore >= armed) faultsOutAt = now();
      await sleep(100);
    }
  })();
  let triggers = 0;
  const trigger = async () => {
    triggers++;
    await probe(answers, "POST", "/hangfire/recurring/trigger", {
      token: adminToken, body: "jobs%5B%5D=notifications.dispatch-outbox", contentType: "application/x-www-form-urlencoded",
    });
  };

  // Approvals in two lanes, a reviewer's pace; the dispatcher runs once a second meanwhile.
  const approvalsStart = now();
  let approving = true;
  const dispatching = (async () => {
    while (approving) {
      await trigger();
      await sleep(1000);
    }
  })();
  const queue = [...ledger.acknowledged.keys()];
  const approved = [];
  await Promise.all([0, 1].map(async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const answer = await probe(answers, "POST", `/api/staff/applications/${id}/approve`, { token: reviewerToken });
      if (answer.status === 200) approved.push(id);
      await sleep(250);
    }
  }));
  const approvalsEnd = now();
  approving = false;
  await dispatching;
  log(`${at(approvalsEnd)} ${approved.length} approved; ${(await faultsPlayed(API_NAME)) - playedBefore} of ${armed} faults played`);

  // Until the outbox holds nothing pending; the faults run out on the way.
  let drainedAt = null;
  const drainDeadline = approvalsEnd + 120_000;
  while (now() < drainDeadline) {
    const open = await query("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'application_approved' AND status IN ('pending', 'sending')");
    if (Number(open[0][0]) === 0) {
      drainedAt = now();
      break;
    }
    await trigger();
    await sleep(1000);
  }
  watching = false;
  await watched;
  const played = (await faultsPlayed(API_NAME)) - playedBefore;
  log(`${at(now())} ${drainedAt === null ? "the outbox did not drain in 120 s" : "outbox drained"}`);

  const perApplication = [];
  for (const id of approved) {
    const { openid } = ledger.acknowledged.get(id);
    const sent = await sandbox("GET", "/__sandbox/sent-messages?openid=" + encodeURIComponent(openid));
    perApplication.push(sent.filter((m) => m.templateId === TEMPLATE).length);
  }
  const sent = perApplication.reduce((s, n) => s + n, 0);
  const duplicates = perApplication.reduce((s, n) => s + Math.max(0, n - 1), 0);
  const missing = perApplication.filter((n) => n === 0).length;
  const outbox = await query(`SELECT status, attempts, COUNT(*) FROM notification_outbox WHERE kind = 'application_approved'
    GROUP BY status, attempts ORDER BY status, attempts`);

  const stored = await storedApplications();
  console.log(`drill wechat: ${settings.clients} clients; ${approved.length} applications approved by xp-guishan in ` +
    `${seconds(approvalsEnd - approvalsStart)} (${at(approvalsStart)} to ${at(approvalsEnd)}) while subscribe send failed; ` +
    `faults armed: ${faults.map((f) => `${f.label} × ${f.times}`).join(", ")} (${armed}), played: ${played}`);
  const lost = printSubmissions(ledger, stored);
  console.log("notifications (result messages the sandbox received, per approved application)");
  const line = (label, value) => console.log(`  ${padEnd(label, 60)} ${pad(value, 6)}`);
  line("expected (one per approved application)", approved.length);
  line("sent", sent);
  line("duplicates (beyond the first for an application)", duplicates);
  line("missing (applications without a message)", missing);
  console.log(`  outbox rows: ${outbox.map(([s, a, n]) => `${n} ${s} on attempt ${a}`).join(", ") || "none"}`);
  const serverErrors = printAnswers(answers);
  console.log("time to recover");
  console.log(`  faults used up at ${faultsOutAt === null ? "never" : at(faultsOutAt)}; outbox drained at ` +
    `${drainedAt === null ? "never" : `${at(drainedAt)}: ${seconds(drainedAt - (faultsOutAt ?? drainedAt))} after the last ` +
      `fault, ${seconds(drainedAt - approvalsEnd)} after the last approval`}; dispatcher triggered ${triggers} times`);
  return verdict("drill wechat", {
    lost, "answers 5xx other than 503": serverErrors, "duplicate notifications": duplicates, "missing notifications": missing,
  });
}
