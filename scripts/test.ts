/**
 * `npm test`: both vitest projects (unit, integration). Integration tests use DATABASE_URL when
 * it is set (a real PostgreSQL) and an embedded PGlite per test file otherwise, so this works on
 * a machine with nothing but Node. Extra arguments go to vitest: `npm test -- --project unit`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../server/db/migrate/paths";
import { generatePrismaClient } from "./prisma-generate";

// The tests import the generated client; it is git-ignored, so a fresh clone lacks it.
generatePrismaClient(REPO_ROOT);

const reportDir = mkdtempSync(path.join(os.tmpdir(), "otklik-vitest-"));
const report = path.join(reportDir, "report.json");
const vitest = path.join(REPO_ROOT, "node_modules", ".bin", process.platform === "win32" ? "vitest.cmd" : "vitest");
const run = spawnSync(
  vitest,
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: REPO_ROOT, stdio: "inherit", env: process.env },
);
if (run.error) console.error(`Could not start vitest: ${run.error.message}`);

// One plain summary line that CI tools read: "N passed, N failed, N skipped".
try {
  const r = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  console.log(
    `\nvitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
} catch {
  // vitest did not get as far as writing a report; its own output says why.
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
process.exit(run.status ?? 1);
