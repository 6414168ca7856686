// The drill's own servers (scripts/services.sh, profile drills), its database through the mariadb client, and the
// sandbox's log.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const services = fileURLToPath(new URL("../services.sh", import.meta.url));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** start|stop one of the drill's servers (mariadb|redis); resolves when it answers, or when it is gone. */
export async function server(action, name) {
  await run(services, [action, "drills", name]);
}

/** The port of one of the drill's servers, from the connection strings scripts/drills.sh exports. */
export function portOf(name) {
  const setting = name === "mariadb" ? /Port=(\d+)/.exec(process.env.ConnectionStrings__MySql ?? "")
    : /:(\d+)$/.exec(process.env.ConnectionStrings__Redis ?? "");
  if (!setting) throw new Error(`no port for ${name} in the connection strings`);
  return Number(setting[1]);
}

/** Resolves with clock() at the first connection a port accepts, trying every 50 ms. */
export async function whenListening(port, clock) {
  for (;;) {
    const accepted = await new Promise((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    if (accepted) return clock();
    await sleep(50);
  }
}

/** Rows of a query on the drill's database, as arrays of strings. */
export async function query(sql) {
  const socket = process.env.DRILL_MYSQL_SOCKET;
  const database = process.env.DRILL_DATABASE;
  if (!socket || !database) throw new Error("DRILL_MYSQL_SOCKET and DRILL_DATABASE are set by scripts/drills.sh");
  const { stdout } = await run("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-N", "-B", database, "-e", sql],
    { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\n").filter((line) => line.length > 0).map((line) => line.split("\t"));
}

/** How many faults the sandbox has played on an API so far (it logs each one). */
export async function faultsPlayed(api) {
  const path = process.env.DRILL_SANDBOX_LOG;
  if (!path) return 0;
  const text = await readFile(path, "utf8");
  return text.split(`Injecting fault into ${api}`).length - 1;
}
