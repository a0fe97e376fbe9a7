// Offline: after one visit, the partner app, a vendor survey opened before and the dashboard load
// and work with the server stopped, answered by the service worker; a new version is offered,
// never forced; two copies on one origin keep their own caches. These tests run the worker
// (the others block it) against servers of their own, which they stop: Playwright's offline
// switch would not cut the worker's own fetches.
import { test, expect } from "@playwright/test";
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QuestionnairePage } from "./pages/questionnaire.mjs";
import { generated } from "./cli.mjs";

test.use({ serviceWorkers: "allow" });

/** Serves `dir` under `prefix` until stopped. */
async function serve(dir, port, prefix) {
  const server = spawn("node", ["tests/e2e/serve.mjs", dir, String(port), prefix], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  return { stop: () => new Promise((resolve) => { server.once("exit", resolve); server.kill(); }) };
}

/** Waits until this page's copy has an active worker, every file cached. */
const workerReady = (page) => page.evaluate(async () => {
  const { active } = await navigator.serviceWorker.ready;
  while (active.state === "activating") await new Promise((resolve) => active.addEventListener("statechange", resolve, { once: true }));
  return active.state;
});

for (const [dist, prefix, port] of [["dist", "/", 8101], ["dist-assess", "/assess/", 8102]]) {
  test(`with the server gone, the app, a vendor survey opened before, the dashboard and the editor still work (${prefix})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const origin = `http://127.0.0.1:${port}${prefix}`;
    const responses = generated(20, 3);
    const file = testInfo.outputPath("responses.json");
    writeFileSync(file, responses);
    const server = await serve(dist, port, prefix);
    const q = new QuestionnairePage(page);
    try {
      // One visit: the partner page, a vendor survey, the dashboard.
      await page.goto(origin);
      await expect(q.pageHeading("About you")).toBeVisible();
      expect(await workerReady(page)).toBe("activated");
      // A partner's visit keeps the partner page's files, not the dashboard's wasm.
      const kept = await page.evaluate(async () => {
        const key = (await caches.keys()).find((name) => !name.endsWith(" surveys"));
        return (await (await caches.open(key)).keys()).map((request) => new URL(request.url).pathname.split("/").pop());
      });
      expect(kept).toContain("partnerlens-full_bg.wasm");
      expect(kept).not.toContain("partnerlens-dashboard_bg.wasm");
      await page.goto(`${origin}?survey=test-fixtures/minimal.json`);
      await expect(q.heading("Minimal survey")).toBeVisible();
      await page.goto(`${origin}dashboard.html`);
      await expect(page.getByLabel("Files: exports, or arrays of responses")).toBeVisible();
      await page.goto(`${origin}editor.html`);
      await expect(page.getByRole("heading", { level: 1, name: "Survey editor" })).toBeVisible();
      // Opening the editor caches its preview too, a page of its own that it opens.
      await expect.poll(() => page.evaluate(async () => {
        const key = (await caches.keys()).find((name) => !name.endsWith(" surveys"));
        return Boolean(await (await caches.open(key)).match(new URL("partnerlens-preview_bg.wasm", location.href).href));
      }), { timeout: 15_000 }).toBe(true);
    } finally {
      await server.stop();
    }

    // Offline: everything comes from the worker.
    const fromNetwork = [];
    page.on("response", (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await page.goto(origin);
    await expect(q.pageHeading("About you")).toBeVisible();
    await q.fillProfile();
    await q.rate("Reputation — importance", 5);
    await q.rate("Reputation — performance", 2);
    await q.nextUntil("Review");
    await page.getByRole("button", { name: "See results" }).click();
    await expect(page.getByRole("heading", { name: "Your results so far" })).toBeFocused();
    await expect(page.getByText("2 of 56 ratings")).toBeVisible();
    await expect(page.locator("canvas[data-draw-ms]").first()).toBeVisible();

    // The vendor's survey, with an assessment now saved here: the list, then a new one.
    await page.goto(`${origin}?survey=test-fixtures/minimal.json`);
    await page.getByRole("button", { name: "New assessment" }).click();
    await expect(q.heading("Minimal survey")).toBeVisible();
    // A survey never opened here cannot be had offline, and the page says so.
    await page.goto(`${origin}?survey=test-fixtures/scoring.json`);
    await expect(q.heading("This survey could not be loaded")).toBeVisible();
    await expect(page.getByText(/you are offline, and the survey at ".*scoring\.json" was never opened on this device/)).toBeVisible();

    await page.goto(`${origin}dashboard.html`);
    await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
    await expect(page.getByText("20 of 20 responses match the filters.")).toBeVisible();
    await page.goto(`${origin}editor.html`);
    await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();
    // The editor's preview was cached with the editor, though never opened online.
    page.context().on("page", (opened) => opened.on("response", (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    }));
    const [preview] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open the preview" }).click()]);
    await expect(preview.getByRole("heading", { level: 2, name: "About you" })).toBeVisible();
    expect(fromNetwork).toEqual([]);
  });
}

test("a new version is offered, reloads only when asked, and each copy on the origin keeps its own caches", async ({ page }) => {
  test.setTimeout(120_000);
  // Two copies on one origin: the root one, and the /assess/ one beside it.
  const site = mkdtempSync(join(tmpdir(), "partnerlens-site-"));
  cpSync("dist", site, { recursive: true });
  cpSync("dist-assess", join(site, "assess"), { recursive: true });
  const server = await serve(site, 8103, "/");
  const q = new QuestionnairePage(page);
  const appCaches = () => page.evaluate(async () => (await caches.keys()).filter((key) => !key.endsWith(" surveys")).sort());
  try {
    await page.goto("http://127.0.0.1:8103/assess/");
    expect(await workerReady(page)).toBe("activated");
    await page.goto("http://127.0.0.1:8103/");
    await q.fillProfile();
    await q.rate("Reputation — importance", 4);
    expect(await workerReady(page)).toBe("activated");
    const before = await appCaches();
    expect(before).toHaveLength(2);

    // A new build of the root copy.
    writeFileSync(join(site, "release-note.txt"), "a new version\n");
    execFileSync("node", ["tools/offline.mjs", site]);
    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "A new version of PartnerLens is ready." });
    await expect(notice).toBeVisible();
    // Nothing reloads by itself.
    await page.waitForTimeout(500);
    await expect(notice).toBeVisible();
    await notice.getByRole("button", { name: "Reload now" }).click();
    // The new version continues the assessment, the answer kept.
    await expect(q.pageHeading("Brand")).toBeVisible();
    await q.expectRated("Reputation — importance", 4);
    await expect(notice).toHaveCount(0);
    // The root copy's old cache is gone; the /assess/ copy's is untouched.
    const after = await appCaches();
    expect(after).toHaveLength(2);
    expect(after).toContain(before.find((key) => key.includes("/assess/")));
    expect(after.filter((key) => before.includes(key))).toHaveLength(1);
  } finally {
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});
