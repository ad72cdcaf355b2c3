import { defineConfig, devices } from "@playwright/test";

// The server under test: the release build made by `cargo leptos build --release`, on its own port
// with a throw-away SQLite database filled with demo data (E2E_DATA_DIR is set by scripts/test).
const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    // Debian's Chromium: Playwright never downloads a browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `${process.env.E2E_SERVER_BIN ?? "target/release/server"} serve --demo`,
    cwd: "..",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: {
      NACCC_ADDR: `127.0.0.1:${port}`,
      NACCC_DATA_DIR: process.env.E2E_DATA_DIR ?? "target/e2e-data",
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_OUTPUT_NAME: "naccc-hub",
      RUST_LOG: "warn",
    },
  },
});
