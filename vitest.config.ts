import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Dates must behave the same on every machine and in CI. Set before the workers start, so
// they inherit it; `test.env` repeats it inside each worker.
process.env.TZ = "UTC";

const root = fileURLToPath(new URL(".", import.meta.url));
const excluded = ["**/node_modules/**", "**/.next/**", "e2e/**", ".data/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Outside Next's react-server build, "server-only" throws on import; in tests these
      // modules run on the server anyway.
      {
        find: /^server-only$/,
        replacement: fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
      },
    ],
  },
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts"],
          exclude: [...excluded, "**/*.integration.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.integration.test.ts"],
          exclude: excluded,
          globalSetup: ["server/testing/global-setup.ts"],
          // Each file has its own database, so files run in parallel; starting an embedded
          // PGlite and migrating it takes seconds, hence the generous limits.
          fileParallelism: true,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
