// node scripts/drills/run.mjs db|redis|wechat — started by scripts/drills.sh, which brings up the stack and sets
// MINIAPP_API_URL, MINIAPP_SANDBOX_URL, DRILL_MYSQL_SOCKET, DRILL_DATABASE and DRILL_SANDBOX_LOG.
import { outageDrill } from "./outage.mjs";
import { wechatDrill } from "./wechat.mjs";

const drill = process.argv[2];
const number = (name, fallback, min, max) => {
  const value = process.env[name] === undefined || process.env[name] === "" ? fallback : Number(process.env[name]);
  if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
    console.error(`${name} must be a number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
};
const settings = {
  clients: number("DRILL_CLIENTS", 20, 1, 200),
  leadSeconds: number("DRILL_LEAD_SECONDS", 5, 1, 120),
  downSeconds: number("DRILL_DOWN_SECONDS", undefined, 1, 300),
  afterSeconds: number("DRILL_AFTER_SECONDS", 20, 1, 300),
  settleSeconds: 20,
  thinkMs: number("DRILL_THINK_MS", 300, 0, 10000),
  formMs: number("DRILL_FORM_MS", 2000, 0, 60000),
};
const log = (message) => console.error(`[drill ${drill}] ${message}`);

let code;
if (drill === "db" || drill === "redis") code = await outageDrill(drill, settings, log);
else if (drill === "wechat") code = await wechatDrill(settings, log);
else {
  console.error("usage: node scripts/drills/run.mjs db|redis|wechat");
  code = 2;
}
process.exit(code);
