import { defineConfig, devices } from "@playwright/test";

// The server under test: the release build made by `cargo leptos build --release`, on its own port
// with a throw-away SQLite database filled with demo data (E2E_DATA_DIR is set by scripts/test).
const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;
// With E2E_POSTGRES_URL (scripts/test sets it), a second server on PostgreSQL runs the staff
// suites again: sign-in, administration, the centre workspace.
const postgresURL = process.env.E2E_POSTGRES_URL;
const pgPort = String(Number(port) + 1);
const pgBaseURL = `http://127.0.0.1:${pgPort}`;

function server(listen: string, url: string, dataDir: string, databaseUrl?: string) {
  return {
    command: `${process.env.E2E_SERVER_BIN ?? "target/release/server"} serve --demo`,
    cwd: "..",
    url: `${url}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    env: {
      NACCC_ADDR: listen,
      NACCC_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_OUTPUT_NAME: "naccc-hub",
      RUST_LOG: "warn",
      // Every test browser calls from 127.0.0.1: the per-address limit (tested in the server's
      // own tests) would otherwise count the whole parallel suite as one person.
      NACCC_PUBLIC_CALLS_PER_MINUTE: "100000",
      NACCC_PUBLIC_URL: url,
    },
  };
}

const dataDir = process.env.E2E_DATA_DIR ?? "target/e2e-data";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  // A stray `test.only` would quietly skip the rest of the suite: always refused, unless someone
  // focusing on one test locally sets E2E_ALLOW_ONLY=1 (scripts/test never does).
  forbidOnly: !process.env.E2E_ALLOW_ONLY,
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
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    ...(postgresURL
      ? [
          {
            name: "chromium-postgres",
            testMatch: /(sign-in|administration|workspace|dashboard|returns|accreditation|safeguarding|membership|board)\.spec\.ts/,
            use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: pgBaseURL },
          },
        ]
      : []),
  ],
  webServer: [
    server(`127.0.0.1:${port}`, baseURL, dataDir),
    ...(postgresURL ? [server(`127.0.0.1:${pgPort}`, pgBaseURL, `${dataDir}-postgres`, postgresURL)] : []),
  ],
});
