// A vendor deploys dist/ under a sub-path: a build made with --public-url /assess/ works there.
import { test, expect } from "@playwright/test";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

test("the app served under /assess/ loads its survey and saves answers", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open("", "http://127.0.0.1:8092/assess/");
  await expect(q.heading("Partner experience assessment")).toBeVisible();
  await q.fillProfile();
  await q.rate("Reputation — performance", 2);
  await page.reload();
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.expectRated("Reputation — performance", 2);
});

test("the dashboard is linked from the list and works under /assess/ too", async ({ page }) => {
  await page.goto("http://127.0.0.1:8092/assess/");
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await page.getByRole("link", { name: "Partner dashboard (for vendors)" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:8092/assess/dashboard.html");
  await expect(page.getByRole("heading", { level: 1, name: "Partner dashboard" })).toBeVisible();
  await expect(page.getByText("No data set yet.", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "Back to the assessments" }).click();
  await expect(page).toHaveURL("http://127.0.0.1:8092/assess/");
});
