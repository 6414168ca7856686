// Regenerates the types from ../openapi.json into a temporary file and fails when src/schema.d.ts differs from it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const client = join(here, "..");
const dir = mkdtempSync(join(tmpdir(), "schema-check-"));
const fresh = join(dir, "schema.d.ts");
try {
  const bin = join(client, "node_modules", "openapi-typescript", "bin", "cli.js");
  execFileSync(process.execPath, [bin, join(client, "..", "openapi.json"), "-o", fresh], { stdio: ["ignore", "ignore", "inherit"] });
  const committed = readFileSync(join(client, "src", "schema.d.ts"), "utf8");
  if (readFileSync(fresh, "utf8") !== committed) {
    console.error("src/schema.d.ts is stale: openapi.json changed. Run `npm run generate` in miniprogram-contract/client and commit the result.");
    process.exit(1);
  }
  console.log("src/schema.d.ts matches ../openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
