import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Runs against a production build with a fresh database: an in-memory embedded PostgreSQL, or
 * `<DATABASE_URL>_e2e` when DATABASE_URL is set. Chromium comes from Debian (`apt-get install
 * chromium`); Playwright's own browser download is not available offline.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "../playwright-report" }]],
  outputDir: "../test-results",
  use: {
    baseURL,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    // The demo's three months of history are there, as on a fresh `npm run demo`: the analytics
    // pages are checked on them. Specs find their own cases by number or external id.
    command: "npx tsx scripts/serve.ts demo --fresh-db --history",
    cwd: "..",
    url: `${baseURL}/api/health`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The specs call the scheduler themselves when they need it (POST /api/cron/tick).
    env: { PORT: port, NEXT_TELEMETRY_DISABLED: "1", SCHEDULER_TIMER: "off" },
  },
});
