// `make bench` (page part): bundle sizes, time to the first question, memory after load.
// Serves dist/ on loopback with gzip and drives Debian's Chromium through Playwright.
// Exits 1 when the partner path is over its size budget.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const DIST = "dist";
const PORT = 8093;
const RUNS = 7;
const PARTNER_BUDGET_KB = 180;
const KB = 1024;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sizes() {
  const rows = files(DIST).map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(DIST, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  console.log("Bundle sizes (bytes)");
  console.log(`  ${"file".padEnd(48)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(48)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
  }
  // What a partner downloads to fill the survey and see results: the app and the default survey.
  const partner = rows.filter((r) => /\.(wasm|js|css|html)$/.test(r.file) || r.file === "surveys/partner-experience.json");
  const sum = (key) => partner.reduce((total, r) => total + r[key], 0);
  const gzipKb = sum("gzip") / KB;
  console.log(`  partner path: ${partner.length} files, ${(sum("raw") / KB).toFixed(1)} KB raw, ` +
    `${gzipKb.toFixed(1)} KB gzip, ${(sum("brotli") / KB).toFixed(1)} KB brotli ` +
    `(budget ${PARTNER_BUDGET_KB} KB gzip: ${gzipKb <= PARTNER_BUDGET_KB ? "ok" : "OVER"})`);
  return gzipKb <= PARTNER_BUDGET_KB;
}

async function firstQuestion(browser, throttled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; });
  });
  const cdp = await context.newCDPSession(page);
  if (throttled) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => performance.getEntriesByName("first-question").length > 0, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName("first-question")[0].startTime);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await context.close();
  return { ms, heap, wasm };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

const withinBudget = sizes();
const server = spawn("node", ["tests/e2e/serve.mjs", DIST, String(PORT), "/"], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
try {
  let memory;
  for (const throttled of [false, true]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstQuestion(browser, throttled));
    const t = stats(runs.map((r) => r.ms));
    const label = throttled ? "4x CPU throttling + Fast 3G (150 ms, 1.6 Mbit/s)" : "unthrottled";
    console.log(`Time to first question, ${label}, ${RUNS} runs: median ${t.median.toFixed(0)} ms, ` +
      `min ${t.min.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`);
    memory ??= runs[runs.length - 1];
  }
  console.log(`Memory after load: JS heap ${(memory.heap / KB / KB).toFixed(2)} MB, ` +
    `wasm linear memory ${(memory.wasm / KB / KB).toFixed(2)} MB, ` +
    `total ${((memory.heap + memory.wasm) / KB / KB).toFixed(2)} MB`);
} finally {
  await browser.close();
  server.kill();
}
process.exit(withinBudget ? 0 : 1);
