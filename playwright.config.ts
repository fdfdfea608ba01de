import { defineConfig } from "@playwright/test";

// One run = one fresh embedded database and one fresh Stripe emulator, on ports of its own.
process.env.E2E_RUN_ID ??= String(Date.now());
const port = Number(process.env.E2E_PORT ?? 3210);
const emulatorPort = Number(process.env.E2E_STRIPE_EMULATOR_PORT ?? 12112);
const pixSimulatorPort = Number(process.env.E2E_PIX_SIMULATOR_PORT ?? 12122);
/** The PIX simulator the app under test talks to (e2e/support/pix.ts drives it). */
export const pixSimulatorUrl = `http://127.0.0.1:${pixSimulatorPort}`;
const mailCatcherPort = Number(process.env.E2E_MAIL_CATCHER_PORT ?? 12132);
/** The mail catcher's page and JSON API (SMTP on E2E_MAIL_CATCHER_PORT, the page on the next port; e2e/support/mail.ts). */
export const mailCatcherUrl = `http://127.0.0.1:${mailCatcherPort + 1}`;
const runDir = `.data/e2e-${process.env.E2E_RUN_ID}`;
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "en-US",
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
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs --no-build",
    url: `${baseURL}/api/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      PGLITE_DIR: `${runDir}/pglite`,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      STRIPE_EMULATOR_PORT: String(emulatorPort),
      STRIPE_EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
      STRIPE_EMULATOR_SNAPSHOT: "",
      PIX_SIMULATOR_PORT: String(pixSimulatorPort),
      PIX_SIMULATOR_URL: "",
      MAIL_CATCHER_PORT: String(mailCatcherPort),
      SMTP_URL: "",
      LOG_LEVEL: "warn",
      CALLBACK_ALLOWED_HOSTS: "localhost,127.0.0.1",
    },
  },
});
