// The partner's first page loads only the first module; the rest of the app (review, results,
// list, share links) is a second module loaded at idle, and a failure to load it is said in
// words with a way to try again, at the root and under /assess/.
import { test, expect } from "@playwright/test";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const FULL = /partnerlens-full(\.js|_bg\.wasm)/;

test("the first question needs only the first module; the rest loads after it, at idle", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.pageHeading("About you")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /partnerlens-full_bg\.wasm/.test(r.name)).length))
    .toBe(1);
  const timing = await page.evaluate(() => {
    const first = performance.getEntriesByName("first-question")[0].startTime;
    const full = performance.getEntriesByType("resource").filter((r) => /partnerlens-full/.test(r.name));
    return { first, starts: full.map((r) => r.startTime) };
  });
  expect(timing.starts.length).toBe(2);
  for (const start of timing.starts) expect(start).toBeGreaterThan(timing.first);
});

for (const base of ["/", "http://127.0.0.1:8092/assess/"]) {
  test(`the review says when the rest of the app cannot be loaded, and a retry opens it (${base})`, async ({ page }) => {
    await page.route(FULL, (route) => route.abort());
    const q = new QuestionnairePage(page);
    await q.open("", base);
    await q.fillProfile();
    await q.rate("Reputation — importance", 4);
    await q.nextUntil("Review");
    const alert = page.getByRole("alert").filter({ hasText: "This part of PartnerLens could not be loaded" });
    await expect(alert).toBeVisible();
    await page.unroute(FULL);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("button", { name: "See results" })).toBeVisible();
    await expect(alert).toHaveCount(0);
    // The answers came along: back on the first area, the rating is there.
    await page.getByRole("link", { name: "Reputation", exact: true }).click();
    await q.expectRated("Reputation — importance", 4);
  });
}

test("the list of assessments also waits for the rest of the app, then opens", async ({ page }) => {
  let fail = true;
  await page.route(FULL, (route) => (fail ? route.abort() : route.continue()));
  const q = new QuestionnairePage(page);
  await q.open("", "http://127.0.0.1:8092/assess/");
  await q.fillProfile();
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This part of PartnerLens could not be loaded" });
  await expect(alert).toBeVisible();
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  await expect(page.getByText("Acme Integration")).toBeVisible();
});

/** Holds back the first module's wasm until `release()` is called. */
async function holdFirstModule(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/partnerlens-web-[0-9a-f]+_bg\.wasm/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("the first page is in the HTML: what a partner types before the app loads is kept", async ({ page }) => {
  const release = await holdFirstModule(page);
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.pageHeading("About you")).toBeVisible();
  // No app yet: the buttons wait for it, the fields take answers.
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  expect(await page.evaluate(() => performance.getEntriesByName("first-question").length)).toBe(0);
  await page.getByLabel("Company name").fill("Early Bird GmbH");
  await q.choose("Region", "Latin America");
  await page.getByRole("radio", { name: /^Gold/ }).focus();
  release();
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  await expect(page.locator("#first-page")).toHaveCount(0);
  await expect(page.getByLabel("Company name")).toHaveValue("Early Bird GmbH");
  await expect(page.getByRole("radio", { name: /^Latin America/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Gold/ })).toBeFocused();
  // Both answers were saved, as if given in the app.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("partnerlens.assessment.")).map((k) => localStorage[k]).join("")))
    .toMatch(/Early Bird GmbH[\s\S]*latam|latam[\s\S]*Early Bird GmbH/);
});

for (const base of ["/", "http://127.0.0.1:8092/assess/"]) {
  test(`the first question needs the HTML alone, styled, under the strict policy (${base})`, async ({ page }) => {
    // Every request but the page itself fails: on a slow network, nothing else is waited for.
    await page.route(/./, (route) => (route.request().resourceType() === "document" ? route.continue() : route.abort()));
    const violations = [];
    page.on("console", (message) => /Content.Security.Policy/i.test(message.text()) && violations.push(message.text()));
    const q = new QuestionnairePage(page);
    await q.open("", base);
    await expect(q.pageHeading("About you")).toBeVisible();
    await expect(page.getByLabel("Company name")).toBeEditable();
    // The styles came with it: the pager is laid out as its style sheet says.
    await expect(page.locator("nav.pager")).toHaveCSS("display", "flex");
    expect(violations).toEqual([]);
  });
}

test("a partner typing while the app takes over loses no key and keeps the focus", async ({ page }) => {
  const release = await holdFirstModule(page);
  const q = new QuestionnairePage(page);
  await q.open();
  await page.getByLabel("Company name").focus();
  let typed = "";
  const type = async (text) => {
    await page.keyboard.type(text);
    typed += text;
  };
  await type("Acme");
  release();
  // Key by key while the HTML's page is there, so the take-over falls between two keys.
  for (let i = 0; i < 400 && (await page.locator("#first-page").count()) > 0; i++) await type(String(i % 10));
  await type(" Integration");
  await expect(page.getByLabel("Company name")).toHaveValue(typed);
  await expect(page.getByLabel("Company name")).toBeFocused();
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
});

test("a German browser gets the German first page from the HTML", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const release = await holdFirstModule(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "Über Sie" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  release();
  await expect(page.getByRole("button", { name: "Weiter" })).toBeEnabled();
  await context.close();
});

test("a returning visitor, another survey and a share link never see the HTML's first page", async ({ page }) => {
  const q = new QuestionnairePage(page);
  // Read when the document is parsed: on a slow machine the app may replace that page soon after.
  await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => {
    window.__firstPageShown = !!document.getElementById("first-page");
  }));
  const shown = () => page.evaluate(() => window.__firstPageShown);
  await q.open("?survey=surveys/partner-experience.json");
  await page.waitForLoadState("domcontentloaded");
  expect(await shown()).toBe(false);
  await q.open("#r=anything");
  await page.waitForLoadState("domcontentloaded");
  expect(await shown()).toBe(false);
  await q.open();
  await page.waitForLoadState("domcontentloaded");
  expect(await shown()).toBe(true);
  await q.fillProfile();
  await page.goto("/");
  await page.waitForLoadState("domcontentloaded");
  expect(await shown()).toBe(false);
  // This tab had the assessment open: the full app continues it.
  await expect(q.pageHeading("Brand")).toBeVisible();
});

test("the dashboard's top is in the HTML; the dashboard takes its place when loaded", async ({ page }) => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/partnerlens-dashboard_bg\.wasm/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/dashboard.html");
  await expect(page.getByRole("heading", { level: 1, name: "Partner dashboard" })).toBeVisible();
  await expect(page.getByText("Compare many partners' results.", { exact: false })).toBeVisible();
  await expect(page.getByText("No data set yet.", { exact: false })).toHaveCount(0);
  release();
  await expect(page.getByText("No data set yet.", { exact: false })).toBeVisible();
  await expect(page.locator("#first-page")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Partner dashboard" })).toHaveCount(1);
});

test("a share link and a returning visitor load the full app alone, not the first module", async ({ page }) => {
  const wasms = () => page.evaluate(() => performance.getEntriesByType("resource")
    .map((r) => new URL(r.name).pathname).filter((path) => path.endsWith(".wasm")));
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await expect.poll(wasms).toEqual([expect.stringMatching(/^\/partnerlens-web-[0-9a-f]+_bg\.wasm$/), "/partnerlens-full_bg.wasm"]);
  // Back on another day, in a new tab: the list of assessments, from the full app alone.
  const later = await page.context().newPage();
  await later.goto("/");
  await expect(later.getByRole("heading", { name: "Your assessments" })).toBeVisible();
  expect(await later.evaluate(() => performance.getEntriesByType("resource")
    .map((r) => new URL(r.name).pathname).filter((path) => path.endsWith(".wasm")))).toEqual(["/partnerlens-full_bg.wasm"]);
  // A share link in a fresh browser: the same.
  const fresh = await page.context().browser().newContext();
  const shared = await fresh.newPage();
  await shared.goto("/#r=not-a-valid-link");
  await expect(shared.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await shared.evaluate(() => performance.getEntriesByType("resource")
    .map((r) => new URL(r.name).pathname).filter((path) => path.endsWith(".wasm")))).toEqual(["/partnerlens-full_bg.wasm"]);
  await fresh.close();
});
