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
  ["text that is not JSON", "{this is not json", /could not be read/],
  ["JSON of the wrong shape", JSON.stringify({ storage_version: 1, created_at: 1, updated_at: 1, response: 42 }), /could not be read/],
  [
    "a storage version newer than this app",
    JSON.stringify({ storage_version: 7, response: { profile: { partner_name: "Future GmbH", wave: "2031" } } }),
    /Future GmbH, 2031: .*newer version of PartnerLens/,
  ],
];

for (const [what, raw, message] of DAMAGED) {
  test(`damaged storage (${what}) is set aside and downloadable, and nothing else is touched`, async ({ page }) => {
    await firstAssessment(page);
    const before = await stored(page);
    const [good] = await assessmentKeys(page);
    await page.evaluate((raw) => localStorage.setItem("partnerlens.assessment.damaged", raw), raw);
    await page.reload();

    const notice = page.getByRole("alert").filter({ hasText: "could not be read" }).first();
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    // The app keeps working: this tab continues its assessment.
    await expect(page.getByRole("heading", { level: 2, name: "Brand" })).toBeVisible();
    const after = await stored(page);
    expect(after["partnerlens.assessment.damaged"]).toBeUndefined();
    const quarantined = Object.entries(after).filter(([k]) => k.startsWith("partnerlens.quarantine."));
    expect(quarantined.map(([, v]) => v)).toEqual([raw]);
    expect(after[good]).toBe(before[good]);
    // The entry downloads exactly as it was.
    const download = page.waitForEvent("download");
    await notice.getByRole("link", { name: "Download the saved entry" }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(text).toString("utf8")).toBe(raw);
  });
}

test("answers to ids the survey no longer has are kept aside, listed and never dropped", async ({ page }) => {
  await firstAssessment(page);
  const [key] = await assessmentKeys(page);
  await page.evaluate((key) => {
    const blob = JSON.parse(localStorage.getItem(key));
    blob.response.ratings.webinars = { importance: 5, performance: 1 };
    blob.response.items = { "old-item": 3 };
    localStorage.setItem(key, JSON.stringify(blob));
  }, key);
  await page.reload();
  const notice = page.locator(".notice").filter({ hasText: "no longer has" });
  await expect(notice).toContainText("2 answers belong to questions this survey no longer has");
  await expect(notice).toContainText("ratings/webinars, items/old-item");
  await expect(notice.getByRole("link", { name: "Download the saved entry" })).toBeVisible();
  // Answering on keeps them.
  await new QuestionnairePage(page).rate("Relevance — importance", 2);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  const blob = JSON.parse((await stored(page))[key]);
  expect(blob.response.ratings.webinars).toEqual({ importance: 5, performance: 1 });
  expect(blob.response.items).toEqual({ "old-item": 3 });
  expect(blob.response.ratings.relevance).toEqual({ importance: 2 });
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
  test(`with ${what}, the app keeps the answers in memory, warns, and offers them as a download`, async ({ page }) => {
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
    await warning.getByRole("link", { name: "Download your answers (JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("partnerlens-acme-integration-2026.json");
    const json = JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8"));
    expect(json.response.ratings.reputation).toEqual({ importance: 4, performance: 2 });
    expect(json.storage_version).toBe(1);
    expect(errors).toEqual([]);
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
