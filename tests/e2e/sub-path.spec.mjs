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
