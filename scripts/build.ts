import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, ".next", "otklik-build-stamp");

/** What the sources look like now: git HEAD plus uncommitted changes (null outside git). */
function sourceFingerprint(): string | null {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: root, encoding: "utf8" });
  if (head.status !== 0 || status.status !== 0) return null;
  return createHash("sha256").update(head.stdout).update(status.stdout).digest("hex");
}

/** `next build`, skipped when a build of the same sources exists (unless forced). */
export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env, options: { force?: boolean } = {}): void {
  const fingerprint = sourceFingerprint();
  const upToDate =
    !options.force &&
    fingerprint !== null &&
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (upToDate) {
    console.log("Build is up to date.");
    return;
  }
  console.log("Building the portal (next build)…");
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  if (fingerprint) writeFileSync(stampFile, fingerprint);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildIfNeeded(process.env, { force: !process.argv.includes("--if-needed") });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
