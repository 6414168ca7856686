// db and redis: clients submit all along while one server is shut down and started again; probes ask /health/ready
// (and for Redis /hangfire and the dashboard link) once a second.
import { Answers, now, probe, staffToken } from "./answers.mjs";
import { Ledger, runClient } from "./workers.mjs";
import { pad, padEnd, printAnswers, printRecovery, printSubmissions, seconds, storedApplications, verdict } from "./report.mjs";
import { portOf, server, sleep, whenListening } from "./stack.mjs";

const SERVERS = {
  db: { name: "mariadb", label: "MariaDB", downSeconds: 10 },
  redis: { name: "redis", label: "Redis", downSeconds: 15 },
};

export async function outageDrill(drill, settings, log) {
  const target = SERVERS[drill];
  const downSeconds = settings.downSeconds ?? target.downSeconds;
  const answers = new Answers();
  const ledger = new Ledger();
  const adminToken = await staffToken(answers, "xp-admin");

  let loadEnd = Infinity;
  const ctx = {
    answers, ledger, thinkMs: settings.thinkMs, formMs: settings.formMs, retryMs: 1000,
    loading: () => now() < loadEnd,
    deadline: () => loadEnd + settings.settleSeconds * 1000,
  };
  const probes = [{ name: "ready", method: "GET", path: "/health/ready" }];
  if (drill === "redis") {
    probes.push({ name: "hangfire", method: "GET", path: "/hangfire", token: adminToken });
    probes.push({ name: "dash link", method: "POST", path: "/api/staff/hangfire-token", token: adminToken });
  }
  let probing = true;
  const probed = probes.map(async (p) => {
    p.results = [];
    while (probing) {
      const started = now();
      p.results.push(await probe(answers, p.method, p.path, { token: p.token }));
      await sleep(Math.max(0, 1000 - (now() - started)));
    }
  });

  const start = now();
  const at = (t) => `+${seconds(t - start)}`;
  log(`${settings.clients} clients submitting`);
  const clients = Array.from({ length: settings.clients }, (_, i) => runClient(i, ctx));
  await sleep(settings.leadSeconds * 1000);
  const stopAt = now();
  await server("stop", target.name);
  const downAt = now();
  log(`${at(downAt)} ${target.label} stopped (the shutdown took ${seconds(downAt - stopAt)}); down for ${downSeconds} s`);
  await sleep(downSeconds * 1000);
  const startAt = now();
  const listening = whenListening(portOf(target.name), now);
  await server("start", target.name);
  const backAt = await listening;
  log(`${at(backAt)} ${target.label} accepting connections again (${seconds(backAt - startAt)} after the start)`);
  loadEnd = backAt + settings.afterSeconds * 1000;
  await Promise.all(clients);
  probing = false;
  await Promise.all(probed);
  log(`${at(now())} load over`);

  const stored = await storedApplications();
  console.log(`drill ${drill}: ${settings.clients} clients; ${target.label} shut down at ${at(stopAt)}, down ${at(downAt)}` +
    ` to ${at(startAt)}, accepting connections at ${at(backAt)}; load until ${at(loadEnd)}`);
  const lost = printSubmissions(ledger, stored);
  const serverErrors = printAnswers(answers);
  console.log(`time to recover (from ${target.label} accepting connections again)`);
  printRecovery(ledger, settings.clients, downAt, backAt, at);
  for (const p of probes) printProbe(p, backAt, downAt);
  return verdict(`drill ${drill}`, { lost, "answers 5xx other than 503": serverErrors });
}

function printProbe(p, backAt, downAt) {
  const counts = new Map();
  for (const r of p.results) {
    const key = r.status === 0 ? "no answer" : String(r.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const during = p.results.filter((r) => r.at >= downAt && r.at < backAt);
  const slowest = during.length ? Math.max(...during.map((r) => r.ms)) : 0;
  const firstOk = p.results.find((r) => r.at >= backAt && r.status >= 200 && r.status < 400);
  const said = new Map();
  if (p.name === "ready") {
    for (const r of during) {
      const key = `${r.status} ${typeof r.data === "object" ? JSON.stringify(r.data.checks ?? r.data) : r.data}`;
      said.set(key, (said.get(key) ?? 0) + 1);
    }
  }
  console.log(`  ${padEnd(`${p.method} ${p.path}`, 32)} ${[...counts].map(([s, n]) => `${s} × ${n}`).join(", ")}; ` +
    `slowest answer while down ${seconds(slowest)}; first success after: ${firstOk ? seconds(firstOk.at - backAt) : "none"}`);
  for (const [key, n] of said) console.log(`    while down: ${key} × ${pad(n, 1)}`);
}
