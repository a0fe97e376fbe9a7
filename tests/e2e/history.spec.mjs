// Back and Forward, as a partner and a vendor use them: through the questionnaire's pages with
// the answers kept, between the list of assessments and an assessment, and between the
// dashboard's views, each of which has its own address.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import { cli, DEFAULT_SURVEY as SURVEY } from "./cli.mjs";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const title = (page) => page.locator("#page-title");

test("Back and Forward go through the questionnaire's pages and keep the answers", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  const first = await q.currentPage();
  await q.rate("Reputation — importance", 4);
  await q.nextPage();
  const second = await q.currentPage();
  expect(second).not.toEqual(first);

  await page.goBack();
  await expect(title(page)).toHaveText(first);
  await expect(title(page)).toBeFocused();
  await q.expectRated("Reputation — importance", 4);
  await page.goBack();
  await expect(q.pageHeading("About you")).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
  await page.goForward();
  await expect(title(page)).toHaveText(first);
  await page.goForward();
  await expect(title(page)).toHaveText(second);
  // The pages have no addresses of their own: a share link's fragment stays free.
  expect(new URL(page.url()).hash).toBe("");
});

test("Back and Forward go between the list of assessments and an assessment", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  const area = await q.currentPage();
  const list = page.getByRole("table");
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await expect(list).toBeVisible();

  await page.goBack();
  await expect(title(page)).toHaveText(area);
  await expect(list).toHaveCount(0);
  await page.goForward();
  await expect(list).toBeVisible();
  await page.goBack();
  await expect(title(page)).toHaveText(area);
  await page.goBack();
  await expect(q.pageHeading("About you")).toBeVisible();
  // After a reload the list's entry still leads back to the list.
  await page.goForward();
  await page.goForward();
  await expect(list).toBeVisible();
  await page.reload();
  await expect(list).toBeVisible();
  await page.goBack();
  await expect(title(page)).toHaveText(area);
});

test("each dashboard view has its own address, and Back and Forward go between them", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const file = testInfo.outputPath("responses.json");
  fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "30", "--seed", "5"));
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("30 of 30 responses match the filters.")).toBeVisible();
  const view = (name) => page.getByRole("radio", { name, exact: true });

  await view("Vendor and partners").check();
  await expect(page).toHaveURL(/\/dashboard\.html#alignment$/);
  await expect(page.getByRole("heading", { name: "Vendor and partners", level: 3 })).toBeVisible();
  await view("Partner portfolio").check();
  await expect(page).toHaveURL(/\/dashboard\.html#portfolio$/);

  await page.goBack();
  await expect(view("Vendor and partners")).toBeChecked();
  await expect(page.getByRole("heading", { name: "Vendor and partners", level: 3 })).toBeVisible();
  await page.goBack();
  await expect(view("Results")).toBeChecked();
  await expect(page).toHaveURL(/\/dashboard\.html$/);
  await page.goForward();
  await expect(view("Vendor and partners")).toBeChecked();

  // An address opens its view, the data set read back from this browser.
  await page.goto("/dashboard.html#waves");
  await expect(view("Waves")).toBeChecked();
  await expect(page.getByRole("heading", { name: /^Waves/, level: 3 })).toBeVisible();
});

test("a partner's results in the dashboard have their own address, kept by Back, Forward and a reload", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const file = testInfo.outputPath("responses.json");
  fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "12", "--seed", "9"));
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("12 of 12 responses match the filters.")).toBeVisible();
  const open = page.getByRole("button", { name: /^Open the results of / }).first();
  const name = (await open.getAttribute("aria-label")).replace("Open the results of ", "");
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const partner = page.getByRole("heading", { level: 2, name: new RegExp(`^${escaped}`) });
  const ranking = page.locator("#ranking-table");

  await open.click();
  await expect(partner).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\.html#partner=.+$/);
  await page.goBack();
  await expect(ranking).toBeVisible();
  await expect(partner).toBeHidden();
  await expect(page).toHaveURL(/\/dashboard\.html$/);
  await page.goForward();
  await expect(partner).toBeVisible();

  // A reload reads the set back from this browser and opens the same partner.
  await page.reload();
  await expect(partner).toBeVisible();
  await page.getByRole("button", { name: "Back to the dashboard" }).click();
  await expect(ranking).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\.html$/);
});
