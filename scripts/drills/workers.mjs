// One drill client: worker after worker, each logs in through the sandbox, binds a phone and submits an application
// with the mini-program client. An error without a refusal (no answer, 5xx, 429) is met as a user meets it: try again
// after a pause; for the submission that means submitApplication with the same form, so the client sends the same
// Idempotency-Key, until the deadline.
import { ApiError, API, MiniAppClient, form, sandbox } from "../../miniprogram-contract/tests/helpers.mjs";
import { countedWx, now } from "./answers.mjs";
import { nextPerson } from "./people.mjs";
import { sleep } from "./stack.mjs";

/** What became of the submissions. */
export class Ledger {
  constructor() {
    /** application id → { openid, client, at, calls, afterError, byClientRetry } */
    this.acknowledged = new Map();
    /** "status code" → count, for definite refusals */
    this.refused = new Map();
    this.unresolved = 0;
    this.submissions = 0;
    /** { client, at } of every 201 */
    this.successes = [];
  }

  refuse(status, code) {
    const key = `${status} ${code}`;
    this.refused.set(key, (this.refused.get(key) ?? 0) + 1);
  }
}

/**
 * ctx: { answers, ledger, loading(): bool, deadline(): ms on the drill clock, thinkMs, formMs, retryMs,
 *        perClient (workers per client), overrides (form fields), prepare(person, client) (before submitting) }
 */
export async function runClient(index, ctx) {
  for (let made = 0; made < (ctx.perClient ?? Infinity) && ctx.loading(); made++) {
    const person = nextPerson();
    const wx = countedWx(ctx.answers, person.openid);
    const client = new MiniAppClient({ baseUrl: API, wx });
    const send = wx.request;
    wx.request = (options) => {
      if (options.method === "POST" && options.url.endsWith("/api/applications")) wx.lastSubmitSentAt = Date.now();
      return send(options);
    };

    if (!(await persist(ctx, () => client.login()))) return;
    await think(ctx);
    if (!(await persist(ctx, async () => {
      const { code } = await sandbox("POST", "/__sandbox/phone-codes", { openid: person.openid, phoneNumber: person.phone });
      await client.bindPhone(code);
    }))) return;
    if (ctx.prepare && !(await persist(ctx, () => ctx.prepare(person, client)))) return;
    // Filling in the form: most of a user's time, so an outage mostly finds the clients about to submit.
    await sleep(jitter(ctx.formMs));
    await submit(index, ctx, person, client, wx);
    await think(ctx);
  }
}

/** Runs a step until it succeeds; false when the load ended first. */
async function persist(ctx, step) {
  while (ctx.loading()) {
    try {
      await step();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      await retryPause(ctx);
    }
  }
  return false;
}

async function submit(index, ctx, person, client, wx) {
  const application = form(person.idNumber, person.phone, ctx.overrides ?? {});
  ctx.ledger.submissions++;
  for (let calls = 1; ; calls++) {
    const started = Date.now();
    try {
      const view = await client.submitApplication(application);
      const at = now();
      const submittedAt = Date.parse(view.submittedAt);
      ctx.ledger.acknowledged.set(String(view.id), {
        openid: person.openid, client: index, at, calls,
        // Stored by an earlier call that the user saw fail: the 201 came only because they tried again.
        afterError: submittedAt < started,
        // Stored by an earlier request of this call (its answer was lost or a 503): the client's own retry answered.
        byClientRetry: submittedAt >= started && submittedAt < wx.lastSubmitSentAt,
      });
      ctx.ledger.successes.push({ client: index, at });
      return;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 0 && error.status !== 429 && error.status < 500) {
        ctx.ledger.refuse(error.status, error.code);
        return;
      }
      if (now() > ctx.deadline()) {
        ctx.ledger.unresolved++;
        return;
      }
      await retryPause(ctx);
    }
  }
}

const jitter = (ms) => ms * (0.5 + Math.random());
const think = (ctx) => sleep(jitter(ctx.thinkMs));
const retryPause = (ctx) => sleep(jitter(ctx.retryMs));
