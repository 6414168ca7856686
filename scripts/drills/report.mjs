// What every drill prints: the submissions against the database, the answers by status, the verdict.
import { ENDPOINT_ORDER } from "./answers.mjs";
import { query } from "./stack.mjs";
import { runId } from "./people.mjs";

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
export const pad = (value, width) => String(value).padStart(width);
export const padEnd = (value, width) => String(value).padEnd(width);

/** Applications stored for this run's workers: id → openid. */
export async function storedApplications() {
  const rows = await query(`SELECT a.id, u.openid FROM applications a JOIN users u ON u.id = a.user_id
    WHERE u.openid LIKE 'o\\_drill\\_${runId}\\_%'`);
  return new Map(rows.map(([id, openid]) => [id, openid]));
}

/** Prints acknowledged / stored / lost; returns the count lost. */
export function printSubmissions(ledger, stored) {
  const acknowledged = ledger.acknowledged;
  const lost = [...acknowledged.keys()].filter((id) => !stored.has(id)).length;
  const unanswered = [...stored.keys()].filter((id) => !acknowledged.has(id)).length;
  const values = [...acknowledged.values()];
  const afterError = values.filter((a) => a.afterError).length;
  const byClientRetry = values.filter((a) => a.byClientRetry).length;
  const refused = [...ledger.refused].map(([key, count]) => `${key} × ${count}`).join(", ") || "none";
  console.log("submissions");
  const line = (label, value) => console.log(`  ${padEnd(label, 60)} ${pad(value, 6)}`);
  line("submitted (distinct applications the clients sent)", ledger.submissions);
  line("acknowledged (201 received)", acknowledged.size);
  line("stored (rows in applications for the drill's workers)", stored.size);
  line("lost (acknowledged, not stored)", lost);
  line("stored, never acknowledged", unanswered);
  line("  acknowledged only on the user's retry after an error", afterError);
  line("  acknowledged on the client's own retry (stored earlier)", byClientRetry);
  line("still failing at the deadline (outcome unknown to the user)", ledger.unresolved);
  console.log(`  refused (4xx, not retried): ${refused}`);
  return lost;
}

/** Every answer counted, one row per status and problem code, one column per endpoint. */
export function printAnswers(answers) {
  const rank = (e) => (ENDPOINT_ORDER.includes(e) ? ENDPOINT_ORDER.indexOf(e) : ENDPOINT_ORDER.length);
  const endpoints = answers.endpoints.slice().sort((a, b) => rank(a) - rank(b));
  const rows = [...answers.rows.values()].sort((a, b) => a.status.localeCompare(b.status) || a.code.localeCompare(b.code));
  const widths = endpoints.map((e) => Math.max(e.length, 5));
  console.log("answers by status (every request of the clients and probes)");
  console.log(`  ${padEnd("status", 6)} ${padEnd("code", 22)} ${endpoints.map((e, i) => pad(e, widths[i])).join(" ")} ${pad("total", 6)} ${pad("Retry-After", 11)}`);
  for (const row of rows) {
    const cells = endpoints.map((e, i) => pad(row.byEndpoint.get(e) ?? "·", widths[i])).join(" ");
    const retryAfter = /^[45]\d\d$/.test(row.status) ? row.retryAfter : "";
    console.log(`  ${padEnd(row.status, 6)} ${padEnd(row.code || "-", 22)} ${cells} ${pad(row.total, 6)} ${pad(retryAfter, 11)}`);
  }
  const slowest = endpoints.map((e, i) => pad(((answers.slowest.get(e) ?? 0) / 1000).toFixed(1), widths[i])).join(" ");
  console.log(`  ${padEnd("slowest answer, s", 29)} ${slowest}`);
  console.log(`5xx other than 503: ${answers.serverErrors}   (500: ${answers.count(500)}, 503: ${answers.count(503)})`);
  return answers.serverErrors;
}

/** From the dependency's return to the first 201, and to every client having had one; the longest stretch without one. */
export function printRecovery(ledger, clients, downAt, backAt, at) {
  const times = ledger.successes.map((s) => s.at).sort((a, b) => a - b);
  const firstByClient = new Map();
  for (const s of ledger.successes) {
    if (s.at >= backAt && (!firstByClient.has(s.client) || s.at < firstByClient.get(s.client))) firstByClient.set(s.client, s.at);
  }
  const after = times.filter((t) => t >= backAt);
  const all = firstByClient.size === clients ? Math.max(...firstByClient.values()) - backAt : null;
  console.log(`  first 201 after it was back: ${after.length ? seconds(after[0] - backAt) : "none"}`);
  console.log(`  every one of the ${clients} clients with a 201 again: ${all === null
    ? `not reached (${firstByClient.size} of ${clients})` : seconds(all)}`);
  let gap = { from: 0, to: 0 };
  for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] > gap.to - gap.from) gap = { from: times[i - 1], to: times[i] };
  console.log(`  201s while it was down: ${times.filter((t) => t >= downAt && t < backAt).length}; longest stretch ` +
    `without a 201: ${seconds(gap.to - gap.from)} (${at(gap.from)} to ${at(gap.to)})`);
}

/** The last line; the exit code follows it. checks: what must be 0 → its count. */
export function verdict(drill, checks) {
  const pass = Object.values(checks).every((count) => count === 0);
  const said = Object.entries(checks).map(([what, count]) => `${count} ${what}`).join(", ");
  console.log(`${drill}: ${pass ? "PASS" : "FAIL"} (${said})`);
  return pass ? 0 : 1;
}
