/**
 * The production build served by `next start` against the chaos cluster, in a process group of
 * its own so that stopping it leaves nothing behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";

export interface TApp {
  baseUrl: string;
  /** True while the server process runs: the test checks it never had to be restarted. */
  alive(): boolean;
  /** What the server printed last, for a failure message. */
  output(lines?: number): string;
  /** The unexpected failures the server logged (`… failed: <error>`), each once with its first lines. */
  failures(): string[];
  stop(): Promise<void>;
}

export async function startApp(options: {
  root: string;
  port: number;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs: number;
  /** A file that gets all the server printed (CHAOS_APP_LOG), for looking into a failure. */
  logFile?: string;
}): Promise<TApp> {
  const next = path.join(options.root, "node_modules", ".bin", "next");
  const child: ChildProcess = spawn(next, ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: options.root,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const failureLines = new Set<string>();
  const file = options.logFile ? createWriteStream(options.logFile) : null;
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
    // console.error writes an error whole: its heading and message lines, without the stack.
    const text = chunk.toString("utf8");
    for (const match of text.matchAll(/^.* failed: .*$/gm)) {
      const rest = text.slice(match.index).split("\n").slice(0, 8);
      const message = rest.filter((l) => l.trim() && !/^\s+at /.test(l)).join(" ⏎ ");
      failureLines.add(message.replace(/\s+/g, " ").slice(0, 400));
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      file?.end();
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const app: TApp = {
    baseUrl,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: (n = 30) => lines.slice(-n).join("\n"),
    failures: () => [...failureLines],
    async stop() {
      if (!app.alive() || child.pid === undefined) return;
      const group = -child.pid;
      try {
        process.kill(group, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!app.alive()) throw new Error(`next start exited before it was ready:\n${app.output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await app.stop();
  throw new Error(`next start did not answer /api/health with 200 within ${options.readyTimeoutMs / 1000} s`);
}
