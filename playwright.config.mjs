// End-to-end tests: the release build in Debian's Chromium, never a downloaded browser.
import { defineConfig } from "@playwright/test";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:8091/",
    browserName: "chromium",
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
    trace: "off",
    // The offline worker answers from its cache, past page.route(): only tests/e2e/offline.spec.mjs
    // lets it run.
    serviceWorkers: "block",
  },
  webServer: [
    {
      command: "node tests/e2e/serve.mjs dist 8091 /",
      url: "http://127.0.0.1:8091/",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/serve.mjs dist-assess 8092 /assess/",
      url: "http://127.0.0.1:8092/assess/",
      reuseExistingServer: false,
    },
  ],
});
