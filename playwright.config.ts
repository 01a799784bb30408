import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in Debian's Chromium (never `playwright install`: these machines cannot
// download browsers; see ../shared/STACK.md). The web server is the production build served by
// scripts/serve.mjs, on its own port and its own fresh data folder, seeded with the demo scenario.
const PORT = Number(process.env.E2E_PORT ?? 3310);
const baseURL = `http://127.0.0.1:${PORT}`;
const CI = !!process.env.CI;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two cores: the server and the browsers share them.
  workers: 2,
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 }, launchOptions: chromium } },
    { name: "phone", use: { ...devices["Pixel 5"], launchOptions: chromium } },
  ],
  webServer: {
    // TRUST_PROXY=loopback: a test may play visitors from other addresses with X-Forwarded-For
    // (tests/e2e/hearing-observers.spec.ts), as a local reverse proxy would pass them on.
    command: `rm -rf tests/.tmp/e2e && npm run build && DATA_DIR=tests/.tmp/e2e PORT=${PORT} TRUST_PROXY=loopback npm run serve`,
    url: `${baseURL}/login`,
    reuseExistingServer: !CI,
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
