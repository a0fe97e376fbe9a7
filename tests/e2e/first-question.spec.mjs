// A first-time partner lands on the questionnaire, fills the profile, answers, and nothing is
// lost on a reload.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

test("a first visit opens the questionnaire on its first question", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.heading("Partner experience assessment")).toBeVisible();
  await expect(q.pageHeading("About you")).toBeVisible();
  await expect(page.getByLabel("Company name")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "0");
});

test("required profile fields are named and the first one gets focus", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.choose("Region", "Asia Pacific");
  await q.next();
  await expect(page.getByRole("alert")).toHaveText(
    "Please fill in: Company name, Partner type, Program tier, You are answering as, Survey wave",
  );
  await expect(page.getByLabel("Company name")).toBeFocused();
  await expect(page.getByLabel("Company name")).toHaveAttribute("aria-invalid", "true");
  await expect(q.pageHeading("About you")).toBeVisible();
});

test("answers survive a reload, which resumes at the first open question", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.rate("Reputation — importance", 4);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.expectRated("Reputation — importance", 4);
  await expect(q.rating("Reputation — performance").getByRole("radio", { checked: true })).toHaveCount(0);
  await q.previous();
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  await expect(
    page.getByRole("radiogroup", { name: /^Partner type/ }).getByRole("radio", { name: /^Solution reseller/ }),
  ).toBeChecked();
});

test("progress counts the shown questions, and ratings work by keyboard: arrows, digits, Enter", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await expect(q.pageHeading("Brand")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(q.rating("Reputation — importance").getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await q.expectRated("Reputation — importance", 3);
  await page.keyboard.press("5");
  await q.expectRated("Reputation — importance", 5);
  await page.keyboard.press("Enter");
  await expect(q.rating("Reputation — performance").getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("2");
  await q.expectRated("Reputation — performance", 2);
  await expect(page.getByRole("progressbar", { name: "Progress" })).not.toHaveAttribute("aria-valuenow", "0");
});

test("influencers are not asked about ordering, and answers come back when the type does", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  for (let i = 0; i < 2; i++) await q.next();
  await expect(q.pageHeading("Transact")).toBeVisible();
  await q.rate("Ordering — importance", 2);
  await expect(q.rating("Ordering — performance")).toBeVisible();
  for (let i = 0; i < 3; i++) await q.previous();
  await q.choose("Partner type", "Industry analyst");
  for (let i = 0; i < 3; i++) await q.next();
  await expect(q.pageHeading("Transact")).toBeVisible();
  await expect(q.rating("Leads — importance")).toBeVisible();
  await expect(q.rating("Ordering — importance")).toHaveCount(0);
  await expect(q.rating("Deal registration — importance")).toHaveCount(0);
  for (let i = 0; i < 3; i++) await q.previous();
  await q.choose("Partner type", "Solution reseller");
  for (let i = 0; i < 3; i++) await q.next();
  await q.expectRated("Ordering — importance", 2);
});

test("the profile, with and without its error message, and an area page have no accessibility violations", async ({ page }) => {
  const q = new QuestionnairePage(page);
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  };
  await q.open();
  await expect(q.pageHeading("About you")).toBeVisible();
  await check();
  await q.next();
  await expect(page.getByRole("alert")).toBeVisible();
  await check();
  await q.fillProfile();
  await expect(q.rating("Reputation — importance")).toBeVisible();
  await check();
});
