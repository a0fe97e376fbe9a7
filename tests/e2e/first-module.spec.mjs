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
    while ((await page.locator("#page-title").innerText()) !== "Review") await q.next();
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
