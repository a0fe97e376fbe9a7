// Many assessments in one browser: the start screen, two tabs on one assessment, personal links
// from vendors, damaged or foreign storage, and a browser that refuses to store anything.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const stored = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("partnerlens.")).map((k) => [k, localStorage.getItem(k)])),
  );
const assessmentKeys = async (page) => Object.keys(await stored(page)).filter((k) => k.startsWith("partnerlens.assessment."));

/** A first assessment, filled in on the profile and one rating, in a fresh browser. */
async function firstAssessment(page) {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await q.rate("Reputation — importance", 4);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  return q;
}

test("two tabs on one assessment merge answer by answer, and the later edit of one answer wins", async ({ context }) => {
  const a = await context.newPage();
  const qa = await firstAssessment(a);
  const b = await context.newPage();
  const qb = new QuestionnairePage(b);
  await qb.open();
  // The second tab is a returning visit: it lists the assessment and continues it.
  await b.getByRole("button", { name: "Continue – Acme Integration" }).click();
  await expect(qb.pageHeading("Brand")).toBeVisible();
  await qb.expectRated("Reputation — importance", 4);

  await qb.rate("Relevance — importance", 3);
  await qa.expectRated("Relevance — importance", 3);
  await qa.rate("Freshness — performance", 2);
  await qb.expectRated("Freshness — performance", 2);

  // Both edit the same answer; the later edit wins in both tabs.
  await qa.rate("Freshness — importance", 2);
  await qb.expectRated("Freshness — importance", 2);
  await qb.rate("Freshness — importance", 5);
  await qa.expectRated("Freshness — importance", 5);
  await qb.expectRated("Freshness — importance", 5);
  await a.reload();
  await qa.expectRated("Freshness — importance", 5);
  await qa.expectRated("Relevance — importance", 3);
  await qa.expectRated("Reputation — importance", 4);
});

test("a vendor's personal link prefills a new assessment once, names what it ignored, and leaves the address", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open(
    "?survey=surveys/partner-experience.json&partner=Acme%20Integration&region=emea&type=solution-reseller" +
      "&tier=platinum-plus&side=partner&wave=2026",
  );
  await expect(page.getByRole("alert")).toHaveText(/ignored: tier=platinum-plus$/);
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  await expect(q.rating(/^Region/).getByRole("radio", { name: /^Europe/ })).toBeChecked();
  await expect(q.rating(/^Partner type/).getByRole("radio", { name: /^Solution reseller/ })).toBeChecked();
  await expect(q.rating(/^Program tier/).getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(page.getByLabel("Survey wave")).toHaveValue("2026");
  // Only ?survey= stays in the address bar.
  expect(new URL(page.url()).search).toBe("?survey=surveys%2Fpartner-experience.json");

  await q.choose("Region", "Asia Pacific");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  // The program tier is still open, so the reload resumes on the profile.
  await expect(q.pageHeading("About you")).toBeVisible();
  await expect(q.rating(/^Region/).getByRole("radio", { name: /^Asia Pacific/ })).toBeChecked();
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  expect(await assessmentKeys(page)).toHaveLength(1);
});

test("a link that names nothing of the profile creates no assessment", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open("?utm_source=newsletter");
  await expect(page.getByRole("alert")).toHaveText(/ignored: utm_source=newsletter$/);
  await expect(q.pageHeading("About you")).toBeVisible();
  expect(await assessmentKeys(page)).toHaveLength(0);
});

const DAMAGED = [
  ["text that is not JSON", "{this is not json"],
  ["JSON of the wrong shape", JSON.stringify({ storage_version: 1, created_at: 1, updated_at: 1, response: 42 })],
];

/** Accepts the next confirmation dialog. */
const acceptDialog = (page) => page.once("dialog", (dialog) => dialog.accept());

for (const [what, raw] of DAMAGED) {
  test(`damaged storage (${what}) is set aside, listed on every visit, downloadable and discardable`, async ({ page }) => {
    await firstAssessment(page);
    const before = await stored(page);
    const [good] = await assessmentKeys(page);
    await page.evaluate((raw) => localStorage.setItem("partnerlens.assessment.damaged", raw), raw);
    await page.reload();

    const notice = page.getByRole("alert").filter({ hasText: "could not be read" });
    await expect(notice).toBeVisible();
    // The app keeps working: this tab continues its assessment.
    await expect(page.getByRole("heading", { level: 2, name: "Brand" })).toBeVisible();
    const after = await stored(page);
    expect(after["partnerlens.assessment.damaged"]).toBeUndefined();
    const setAside = () =>
      stored(page).then((all) => Object.entries(all).filter(([k]) => k.startsWith("partnerlens.quarantine.")));
    expect((await setAside()).map(([, v]) => v)).toEqual([raw]);
    expect(after[good]).toBe(before[good]);
    // Set aside is not forgotten: the next visit lists it again, and copies it no second time.
    await page.reload();
    await expect(notice).toBeVisible();
    expect(await setAside()).toHaveLength(1);
    // The entry downloads exactly as it was.
    const download = page.waitForEvent("download");
    await notice.getByRole("button", { name: "Download the saved entry" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^partnerlens-set-aside-partnerlens-quarantine-\d+-partnerlens-assessment-damaged\.json$/);
    const text = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(text).toString("utf8")).toBe(raw);
    // Once the user has it, the copy can go.
    acceptDialog(page);
    await notice.getByRole("button", { name: "Discard this copy" }).click();
    await expect(notice).toHaveCount(0);
    expect(await setAside()).toEqual([]);
    expect((await stored(page))[good]).toBe(before[good]);
  });
}

test("an entry saved by a newer version stays where it is, untouched, and is listed as such", async ({ page }) => {
  await firstAssessment(page);
  const raw = JSON.stringify({ storage_version: 7, response: { profile: { partner_name: "Future GmbH", wave: "2031" } } });
  await page.evaluate((raw) => localStorage.setItem("partnerlens.assessment.future", raw), raw);
  // An older tab left open after an upgrade lists its entries over and over.
  for (let visit = 0; visit < 3; visit++) await page.reload();
  const notice = page.getByRole("alert").filter({ hasText: "Future GmbH, 2031" });
  await expect(notice).toContainText("a newer version of PartnerLens saved this entry (storage version 7). It stays where it is");
  await expect(notice.getByRole("button", { name: "Discard this copy" })).toHaveCount(0);
  const after = await stored(page);
  expect(after["partnerlens.assessment.future"]).toBe(raw);
  expect(Object.keys(after).filter((k) => k.startsWith("partnerlens.quarantine."))).toEqual([]);
});

test("a copy set aside by an earlier version that reads now is restored to the list", async ({ page }) => {
  await firstAssessment(page);
  const [key] = await assessmentKeys(page);
  // An earlier app set aside a copy of another assessment; this version reads it.
  await page.evaluate((key) => {
    const blob = JSON.parse(localStorage.getItem(key));
    blob.response.id = "restored1";
    blob.response.profile.partner_name = "Restored GmbH";
    localStorage.setItem("partnerlens.quarantine.1700000000000.partnerlens.assessment.restored1", JSON.stringify(blob));
  }, key);
  await page.reload();
  const notice = page.getByRole("alert").filter({ hasText: "Restored GmbH" });
  await expect(notice).toContainText("an earlier version of PartnerLens set this entry aside; it reads again now");
  await notice.getByRole("button", { name: "Restore" }).click();
  await expect(notice).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: "Restored GmbH" });
  await expect(row).toBeVisible();
  const after = await stored(page);
  expect(Object.keys(after).filter((k) => k.startsWith("partnerlens.quarantine."))).toEqual([]);
  expect(JSON.parse(after["partnerlens.assessment.restored1"]).response.ratings.reputation).toEqual({ importance: 4 });
  await row.getByRole("button", { name: "Continue – Restored GmbH" }).click();
  await new QuestionnairePage(page).expectRated("Reputation — importance", 4);
});

test("a change wins over saved times that lie ahead of this clock, and survives a reload", async ({ page }) => {
  const q = await firstAssessment(page);
  const [key] = await assessmentKeys(page);
  // As if saved on a machine whose clock ran 30 days fast, or this clock has stepped back.
  await page.evaluate((key) => {
    const blob = JSON.parse(localStorage.getItem(key));
    const ahead = Date.now() + 30 * 86_400_000;
    blob.updated_at = ahead;
    for (const pointer of Object.keys(blob.changed_at)) blob.changed_at[pointer] = ahead;
    localStorage.setItem(key, JSON.stringify(blob));
  }, key);
  await page.reload();
  await q.expectRated("Reputation — importance", 4);
  await q.rate("Reputation — importance", 2);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await q.expectRated("Reputation — importance", 2);
  await page.reload();
  await q.expectRated("Reputation — importance", 2);
});

/** Imports a file on the list of a fresh browser and opens the assessment it holds. */
async function importFresh(browser, path, who) {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await page.getByLabel("Choose exported files").setInputFiles(path);
  await expect(page.locator("section.import").getByRole("status")).toHaveText(
    "Imported: 1. Unchanged: 0. Waiting for you: 0. Not imported: 0.",
  );
  await page.getByRole("button", { name: `Continue – ${who}` }).click();
  return { fresh, page };
}

test("answers to ids the survey no longer has are kept aside, listed and never dropped", async ({ page, browser }) => {
  await firstAssessment(page);
  const [key] = await assessmentKeys(page);
  await page.evaluate((key) => {
    const blob = JSON.parse(localStorage.getItem(key));
    blob.response.ratings.webinars = { importance: 5, performance: 1 };
    blob.response.items = { "old-item": 3 };
    localStorage.setItem(key, JSON.stringify(blob));
  }, key);
  await page.reload();
  const notice = page.locator(".notice").filter({ hasText: "no longer has (" });
  await expect(notice).toContainText("Answers to questions this survey no longer has (2) are kept");
  await expect(notice).toContainText("ratings/webinars, items/old-item");
  await expect(notice.getByRole("button", { name: "Download your answers (JSON)" })).toBeVisible();
  // Answering on keeps them.
  await new QuestionnairePage(page).rate("Relevance — importance", 2);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  const blob = JSON.parse((await stored(page))[key]);
  expect(blob.response.ratings.webinars).toEqual({ importance: 5, performance: 1 });
  expect(blob.response.items).toEqual({ "old-item": 3 });
  expect(blob.response.ratings.relevance).toEqual({ importance: 2 });
  // The download is a file the import reads back, in a fresh browser, as the same assessment.
  const saved = page.waitForEvent("download");
  await notice.getByRole("button", { name: "Download your answers (JSON)" }).click();
  const { fresh, page: other } = await importFresh(browser, await (await saved).path(), "Acme Integration");
  const copy = JSON.parse(Object.values(await stored(other)).find((v) => v.includes("webinars")));
  expect(copy.response.ratings).toEqual(blob.response.ratings);
  expect(copy.response.items).toEqual({ "old-item": 3 });
  expect(copy.response.id).toBe(blob.response.id);
  await fresh.close();
});

// Two ways a browser refuses: a full quota on every write, or storage turned off altogether
// (site data blocked), where even reading `localStorage` throws.
const REFUSALS = [
  [
    "a full quota",
    () => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  ],
  [
    "storage turned off",
    () => {
      for (const name of ["localStorage", "sessionStorage"]) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      }
    },
  ],
];

for (const [what, refuse] of REFUSALS) {
  test(`with ${what}, the app keeps the answers in memory, warns, and offers them as a file that imports back`, async ({ page, browser }) => {
    await page.addInitScript(refuse);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const q = new QuestionnairePage(page);
    await q.open();
    await q.fillProfile();
    await q.rate("Reputation — importance", 4);
    const warning = page.getByRole("alert").filter({ hasText: "not being saved" });
    await expect(warning).toBeVisible();
    await q.rate("Reputation — performance", 2);
    const download = page.waitForEvent("download");
    await warning.getByRole("button", { name: "Download your answers (JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^acme-integration-partner-experience-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8"));
    expect(json.kind).toBe("partnerlens-results");
    expect(json.response.ratings.reputation).toEqual({ importance: 4, performance: 2 });
    expect(errors).toEqual([]);
    // The same assessment, in a browser that stores it.
    const { fresh, page: other } = await importFresh(browser, await file.path(), "Acme Integration");
    const q2 = new QuestionnairePage(other);
    await q2.expectRated("Reputation — importance", 4);
    await q2.expectRated("Reputation — performance", 2);
    const copy = JSON.parse(Object.values(await stored(other)).find((v) => v.includes("Acme")));
    expect(copy.response.id).toBe(json.id);
    await fresh.close();
  });
}

test("the start screen continues, starts the next wave, and deletes with a confirmation and an undo", async ({ page }) => {
  await firstAssessment(page);
  const q = new QuestionnairePage(page);
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  const table = page.getByRole("table", { name: "Assessments saved in this browser" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("Acme Integration");
  await expect(table.getByRole("row").nth(1)).toContainText("2026");

  // Next wave: the profile copied, the wave asked for, no answers.
  await page.getByRole("button", { name: "Next wave – Acme Integration" }).click();
  await page.getByLabel("Wave of the new assessment").fill("2027");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.previous();
  await expect(page.getByLabel("Survey wave")).toHaveValue("2027");
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  // The copy is saved at once, before any answer: a reload keeps it.
  await page.reload();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.previous();
  await expect(page.getByLabel("Survey wave")).toHaveValue("2027");
  await q.next();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await expect(q.rating("Reputation — importance").getByRole("radio", { checked: true })).toHaveCount(0);
  await q.rate("Reputation — importance", 1);
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);

  // Delete asks first, then offers an undo that puts back the same entry.
  const before = await stored(page);
  const row2027 = table.getByRole("row").filter({ hasText: "2027" });
  await row2027.getByRole("button", { name: /^Delete/ }).click();
  await expect(row2027.getByRole("alert")).toHaveText("Delete this assessment and all its answers?");
  await row2027.getByRole("button", { name: "Keep" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  await row2027.getByRole("button", { name: /^Delete/ }).click();
  await row2027.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  expect(await assessmentKeys(page)).toHaveLength(1);
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  const after = await stored(page);
  for (const key of Object.keys(before).filter((k) => k.startsWith("partnerlens.assessment."))) {
    expect(after[key]).toBe(before[key]);
  }

  // The 2026 assessment continues where it was.
  await page.getByRole("button", { name: "Continue – Acme Integration" }).last().click();
  await q.expectRated("Reputation — importance", 4);
});

test("an assessment of another survey continues on that survey's page", async ({ page }) => {
  await firstAssessment(page);
  // The same browser opens a vendor's other survey: the list shows the first assessment.
  await page.goto("/?survey=surveys/extended-example.json");
  const row = page.getByRole("row").filter({ hasText: "Acme Integration" });
  await expect(row).toContainText("Partner experience assessment");
  await expect(row.getByRole("button", { name: /^Next wave/ })).toBeDisabled();
  await row.getByRole("button", { name: "Continue – Acme Integration" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 2, name: "Brand" })).toBeVisible();
  await new QuestionnairePage(page).expectRated("Reputation — importance", 4);
});

test("an address whose path starts with two slashes never leads to another site", async ({ page, context }) => {
  await firstAssessment(page);
  // A host that answers every path with the app serves it under //evil.example/ too.
  const under = /^http:\/\/127\.0\.0\.1:8091\/\/evil\.example\//;
  await context.route(under, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `http://127.0.0.1:8091/${url.pathname.replace("//evil.example/", "")}${url.search}` });
    await route.fulfill({ response });
  });
  await page.goto("http://127.0.0.1:8091//evil.example/?survey=surveys/extended-example.json");
  const row = page.getByRole("row").filter({ hasText: "Acme Integration" });
  await row.getByRole("button", { name: "Continue – Acme Integration" }).click();
  // The default survey's page on this site, not the page of a site called evil.example.
  await expect(page).toHaveURL("http://127.0.0.1:8091//evil.example/");
  await expect(page.getByRole("heading", { level: 2, name: "Brand" })).toBeVisible();
});

test("a personal link in the fragment prefills the same way, and no request carries its values", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const q = new QuestionnairePage(page);
  await q.open("#partner=Acme%20Integration&region=emea&type=solution-reseller&tier=platinum-plus&side=partner&wave=2026");
  await expect(page.getByRole("alert")).toHaveText(/ignored: tier=platinum-plus$/);
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  await expect(q.rating(/^Region/).getByRole("radio", { name: /^Europe/ })).toBeChecked();
  await expect(page.getByLabel("Survey wave")).toHaveValue("2026");
  expect(page.url()).toBe("http://127.0.0.1:8091/");
  expect(requests.filter((url) => url.includes("Acme") || url.includes("partner="))).toEqual([]);
  // A reload continues the one assessment and applies nothing again.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Partner experience assessment" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await assessmentKeys(page)).toHaveLength(1);
});

for (const language of ["English", "Deutsch"]) {
  test(`the start screen has no accessibility violations (${language})`, async ({ page }) => {
    await firstAssessment(page);
    await page.evaluate(() => localStorage.setItem("partnerlens.assessment.damaged", "{not json"));
    const fresh = await page.context().newPage();
    await fresh.goto("/");
    await new QuestionnairePage(fresh).chooseLanguage(/^(Language|Sprache)/, language);
    await expect(fresh.getByRole("table")).toBeVisible();
    for (const width of [1280, 360]) {
      await fresh.setViewportSize({ width, height: 800 });
      const results = await new AxeBuilder({ page: fresh }).analyze();
      expect(results.violations.map((v) => `${width} px: ${v.id}: ${v.help}`)).toEqual([]);
    }
  });
}
