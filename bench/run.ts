/**
 * `npm run bench`: performance at region scale (docs/performance.md). Options: see main.ts.
 *
 * The services guard themselves with `import "server-only"`, which throws outside Next's
 * react-server build; the benchmark runs them in Node with that export condition, as Next's
 * server does, so this starts main.ts in a Node with `--conditions=react-server`.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const child = spawn(
  process.execPath,
  [
    ...process.execArgv,
    "--conditions=react-server",
    path.join(import.meta.dirname, "main.ts"),
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
