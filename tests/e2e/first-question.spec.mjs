// A first-time partner lands on the first question, answers it, and the answer survives a reload.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

test("a first visit shows the survey title and its first question", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.heading("Partner experience assessment")).toBeVisible();
  await expect(q.rating("Reputation — importance")).toBeVisible();
  await expect(q.rating("Reputation — importance")).toContainText("How much does this matter to your business?");
  await expect(q.rating("Reputation — performance")).toContainText("How well does the vendor deliver it?");
});

test("an answer survives a reload", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.rate("Reputation — importance", 4);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await q.expectRated("Reputation — importance", 4);
  await expect(q.rating("Reputation — performance").getByRole("radio", { checked: true })).toHaveCount(0);
});

test("the questionnaire works by keyboard alone", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.rating("Reputation — importance")).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).focus();
  await page.keyboard.press("Tab");
  await expect(q.rating("Reputation — importance").getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await q.expectRated("Reputation — importance", 3);
  await page.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Enable" })).toBeFocused();
});

test("the first page has no accessibility violations", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.rating("Reputation — importance")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
