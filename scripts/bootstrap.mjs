#!/usr/bin/env node
// The README's commands must work on a fresh clone with only Node: install the dependencies
// when they are missing or older than package-lock.json, then run the TypeScript script with tsx.
// Plain JavaScript on purpose: nothing is installed yet when this runs.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log("Installing dependencies (npm ci)…");
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <script.ts> [args…]");
  process.exit(2);
}
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const child = spawnSync(tsx, [path.join(root, script), ...args], { cwd: root, stdio: "inherit", env: process.env });
process.exit(child.status ?? (child.signal ? 1 : 0));
