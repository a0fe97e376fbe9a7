// The strict Content-Security-Policy (tools/offline.mjs puts it in every page of a release
// build): in force, and not one violation on any screen, in either build.
import { test, expect } from "@playwright/test";
import { generated } from "./cli.mjs";
import { writeFileSync } from "node:fs";
import { fillAndOpenResults } from "./pages/results.mjs";

/** Records every violation of the page's policy, from before its first script. */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** The policy as the page carries it, and whether it stops eval. */
async function expectPolicy(page, where) {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy, where).toContain("default-src 'none'");
  expect(policy, where).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy, where).not.toContain("unsafe-inline");
  expect(policy, where).not.toMatch(/'unsafe-eval'/);
  expect(await page.evaluate(() => window.__violations), where).toEqual([]);
  // Eval from the page's own task (DevTools' evaluation itself is exempt from the policy).
  const evaluated = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
    try {
      resolve(String(new Function("return 1")()));
    } catch (error) {
      resolve(error.name);
    }
  })));
  expect(evaluated, where).toBe("EvalError");
  // The blocked eval is reported like any violation: the watch above would have seen one.
  await expect.poll(() => page.evaluate(() => window.__violations.filter((v) => v.startsWith("script-src")).length), where).toBe(1);
  await page.evaluate(() => { window.__violations = []; });
}

test("every partner screen runs under the policy without a violation", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await watchPolicy(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "About you" })).toBeVisible();
  await expectPolicy(page, "first page");
  await fillAndOpenResults(page);
  await expect(page.locator("canvas[data-draw-ms]").first()).toBeVisible();
  await expectPolicy(page, "results");
  await page.getByRole("button", { name: "Copy share link" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your assessments" })).toBeVisible();
  await expectPolicy(page, "start screen");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await watchPolicy(other);
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Shared results" })).toBeVisible();
  await expectPolicy(other, "shared results");
  await fresh.close();
});

for (const base of ["/", "http://127.0.0.1:8092/assess/"]) {
  test(`the dashboard with a data set open runs under the policy without a violation (${base})`, async ({ page }, testInfo) => {
    const file = testInfo.outputPath("responses.json");
    writeFileSync(file, generated(30, 5));
    await watchPolicy(page);
    await page.goto(`${base}dashboard.html`);
    await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
    await expect(page.getByText("30 of 30 responses match the filters.")).toBeVisible();
    // Every view, each with its chart.
    for (const view of ["Vendor and partners", "Waves", "Partner portfolio"]) {
      await page.getByRole("radio", { name: view }).check();
      await expect(page.getByRole("radio", { name: view })).toBeChecked();
    }
    await expectPolicy(page, "dashboard");
  });
}

test("the survey editor runs under the policy without a violation, editing and checking", async ({ page }) => {
  await watchPolicy(page);
  await page.goto("/editor.html");
  await page.getByRole("button", { name: "Add an area" }).click();
  await page.keyboard.type("Enablement");
  await page.getByRole("group", { name: "Area 8: Enablement" }).getByLabel("Weight").first().fill("heavy");
  await expect(page.getByRole("link", { name: /^areas\[7\]\.weight: must be a number/ })).toBeVisible();
  await expectPolicy(page, "editor");
  // The preview is a window of its own, under the same policy.
  await page.getByRole("group", { name: "Area 8: Enablement" }).getByLabel("Weight").first().fill("");
  await watchPolicy(page.context());
  const [preview] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open the preview" }).click()]);
  await expect(preview.getByRole("note")).toBeVisible();
  await expect(preview.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute("content", /default-src 'none'/);
  expect(await preview.evaluate(() => window.__violations), "the editor's preview").toEqual([]);
});

test("a vendor survey under /assess/ and a broken survey's page run under the policy without a violation", async ({ page }) => {
  await watchPolicy(page);
  await page.goto("http://127.0.0.1:8092/assess/?survey=surveys/extended-example.json");
  await expect(page.getByRole("heading", { level: 2, name: "About you" })).toBeVisible();
  await expectPolicy(page, "vendor survey under /assess/");
  await page.goto("/?survey=test-fixtures/many-errors.json");
  await expect(page.getByRole("heading", { level: 1, name: "This survey could not be loaded" })).toBeVisible();
  await expectPolicy(page, "survey error page");
});
