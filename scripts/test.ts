/**
 * `npm test`: both vitest projects (unit, integration). Integration tests use DATABASE_URL when
 * it is set (a real PostgreSQL) and an embedded PGlite per test file otherwise, so this works on
 * a machine with nothing but Node. Extra arguments go to vitest: `npm test -- --project unit`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../server/db/migrate/paths";
import { generatePrismaClient } from "./prisma-generate";

// The tests import the generated client; it is git-ignored, so a fresh clone lacks it.
generatePrismaClient(REPO_ROOT);

const vitest = path.join(REPO_ROOT, "node_modules", ".bin", process.platform === "win32" ? "vitest.cmd" : "vitest");
const run = spawnSync(vitest, ["run", ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  stdio: "inherit",
  env: process.env,
});
if (run.error) console.error(`Could not start vitest: ${run.error.message}`);
process.exit(run.status ?? 1);
