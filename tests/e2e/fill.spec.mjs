// The whole questionnaire, as a partner goes through it: by keyboard alone, across a reload,
// back from the review, in light and dark, with no accessibility violations on any page.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

// 1 profile page, 7 areas, 6 sections (five Cs, proposition, journey, maturity, principles,
// the overall verdict), review.
const PAGES = 15;

test("a partner fills the whole default survey by keyboard alone and sees the results", async ({ page }) => {
  test.setTimeout(120_000);
  const q = new QuestionnairePage(page);
  const key = (k) => page.keyboard.press(k);
  await q.open();
  await expect(q.pageHeading("About you")).toBeVisible();
  // The app's own page, once it has taken over from the HTML's: what the take-over carries
  // (typed values, focus) is first-module.spec's, and a key pressed during it is not this test's.
  await expect(page.locator("#first-page")).toHaveCount(0);

  // The profile: type, choose with arrows, Enter moves to the next question.
  await q.tabTo(page.getByLabel("Company name"));
  await page.keyboard.type("Acme Integration");
  await key("Enter");
  await key("Space");
  await q.arrowTo(/^Partner type/, "Solution reseller");
  await key("Enter");
  await key("Space");
  await q.arrowTo(/^Region/, "Europe, Middle East and Africa");
  await key("Enter");
  await key("Space");
  await q.arrowTo(/^Program tier/, "Gold");
  await key("Enter");
  await key("Space");
  await q.arrowTo(/^You are answering as/, "A partner of the vendor");
  await key("Enter");
  await expect(page.getByLabel("Survey wave")).toBeFocused();
  await page.keyboard.type("2026");
  await key("Enter");
  await expect(page.getByRole("button", { name: "Next" })).toBeFocused();
  await key("Enter");

  // Every other page: Tab into the first question, answer, Enter; after the last, Enter on "Next".
  for (let p = 2; p < PAGES; p++) {
    await expect(page.getByText(`Page ${p} of ${PAGES}`)).toBeVisible();
    await expect(page.locator("#page-title")).toBeFocused();
    const groups = page.locator("main fieldset.choice");
    const count = await groups.count();
    expect(count, `questions on page ${p}`).toBeGreaterThan(0);
    await key("Tab");
    for (let g = 0; g < count; g++) {
      const group = groups.nth(g);
      await expect(group.getByRole("radio").first()).toBeFocused();
      const name = (await group.getAttribute("aria-label")) ?? "";
      // Ratings: importance 4, performance 2. Statements: 3. Yes/no and levels: the first option.
      if (name.endsWith("— importance")) await key("4");
      else if (name.endsWith("— performance")) await key("2");
      else if (/^\d$/.test(await group.getByRole("radio").first().getAttribute("value"))) await key("3");
      else await key("Space");
      await expect(group.getByRole("radio", { checked: true })).toHaveCount(1);
      await key("Enter");
    }
    await expect(page.getByRole("button", { name: "Next" })).toBeFocused();
    await key("Enter");
  }

  await expect(q.pageHeading("Review")).toBeFocused();
  await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText("Every question is answered.")).toBeVisible();
  await q.tabTo(page.getByRole("button", { name: "See results" }));
  await key("Enter");
  const results = page.getByRole("region", { name: "Your results so far" });
  await expect(page.getByRole("heading", { name: "Your results so far" })).toBeFocused();
  // Every element at importance 4 and performance 2 on a 1-5 scale:
  // PXI = 100 * (2 - 1) / (5 - 1) = 25, whatever the weights. 28 elements x 2 = 56 ratings.
  await expect(results.locator("dd").nth(0)).toHaveText("25");
  await expect(results.locator("dd").nth(1)).toHaveText("56 of 56 ratings");
});

test("a reload in the middle of the sections loses nothing", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await q.rate("Reputation — importance", 5);
  await q.rate("Reputation — performance", 1);
  for (let i = 0; i < 7; i++) await q.next();
  await expect(q.pageHeading("Your business with the vendor: the five Cs")).toBeVisible();
  await q.rate("Revenue from the vendor's offering is a large share of our business.", 4);
  await q.next();
  await q.next();
  await expect(q.pageHeading("Where you are in the partnership")).toBeVisible();
  await q.choose("We have looked into what the vendor offers partners.", "Yes");
  await q.choose("We know the vendor's offer", "No");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

  await page.reload();
  // Relevance, on the first area, is the first open question.
  await expect(q.pageHeading("Brand")).toBeVisible();
  await q.expectRated("Reputation — importance", 5);
  await q.expectRated("Reputation — performance", 1);
  for (let i = 0; i < 7; i++) await q.next();
  await q.expectRated("Revenue from the vendor's offering is a large share of our business.", 4);
  await q.next();
  await q.next();
  await expect(
    q.rating(/^We have looked into what the vendor offers partners/).getByRole("radio", { name: "Yes" }),
  ).toBeChecked();
  await expect(q.rating(/^We know the vendor's offer/).getByRole("radio", { name: "No" })).toBeChecked();
  for (let i = 0; i < 10; i++) await q.previous();
  await expect(q.pageHeading("About you")).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Integration");
});

test("the review lists what is open, and a link goes back to that question", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  for (let i = 0; i < PAGES - 2; i++) await q.next();
  await expect(q.pageHeading("Review")).toBeVisible();
  const open = page.getByRole("list").filter({ has: page.getByRole("link", { name: "Training", exact: true }) });
  await expect(open.getByRole("link")).toHaveText([
    "Marketing materials",
    "Training",
    "Product information",
    "Partner representative",
    "Sales engineers",
  ]);
  await page.getByRole("link", { name: "Training", exact: true }).click();
  await expect(q.pageHeading("Enable")).toBeVisible();
  await expect(q.rating("Training — importance").getByRole("radio").first()).toBeFocused();
  await q.rate("Training — importance", 3);
  await q.rate("Training — performance", 3);
  for (let i = 0; i < PAGES - 3; i++) await q.next();
  await expect(page.getByRole("link", { name: "Marketing materials" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Training", exact: true })).toHaveCount(0);
  // Results work with partial answers and say how complete they are.
  await page.getByRole("button", { name: "See results" }).click();
  await expect(page.getByText("2 of 56 ratings")).toBeVisible();
});

test("the theme follows the system until the toggle picks one, which survives a reload", async ({ page }) => {
  const LIGHT = "rgb(247, 248, 250)";
  const DARK = "rgb(18, 21, 26)";
  await page.emulateMedia({ colorScheme: "light" });
  const q = new QuestionnairePage(page);
  await q.open();
  const toggle = page.getByRole("button", { name: "Dark theme" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe(LIGHT);
  // The system turns dark while the page is open.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe(DARK);
  // The user picks light; the system no longer decides.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe(LIGHT);
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe(LIGHT);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe(DARK);
});

for (const scheme of ["light", "dark"]) {
  test(`every page, the review and the results have no accessibility violations (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const q = new QuestionnairePage(page);
    const check = async (where) => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${where}: ${v.id}: ${v.help}`)).toEqual([]);
    };
    await q.open();
    await expect(q.pageHeading("About you")).toBeVisible();
    await q.fillProfile();
    await q.rate("Reputation — importance", 4);
    await q.rate("Reputation — performance", 2);
    await page.getByRole("checkbox", { name: "Relevance — Not applicable" }).check();
    for (let p = 2; p < PAGES; p++) {
      await expect(page.getByText(`Page ${p} of ${PAGES}`)).toBeVisible();
      await check(await q.currentPage());
      await q.next();
    }
    await check("Review");
    await page.getByRole("button", { name: "See results" }).click();
    await expect(page.getByRole("heading", { name: "Your results so far" })).toBeVisible();
    await check("Results");
  });
}

for (const language of ["English", "Deutsch"]) {
  test(`at 360 px wide no page scrolls sideways (${language})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 360, height: 740 });
    const q = new QuestionnairePage(page);
    const fits = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const where = (await page.locator("#page-title").count()) ? await q.currentPage() : "start screen";
      expect(width, `${where} is ${width} px wide`).toBeLessThanOrEqual(360);
    };
    await q.open();
    await q.chooseLanguage("Language", language);
    // The profile with its error message: the longest labels and the partner-type list.
    await page.locator("nav.pager button").last().click();
    await expect(page.getByRole("alert")).toBeVisible();
    await fits();
    if (language !== "English") await q.chooseLanguage(/^Sprache/, "English");
    await q.fillProfile();
    await q.chooseLanguage("Language", language);
    const next = page.locator("nav.pager button").last();
    for (let p = 2; p <= PAGES; p++) {
      await expect(page.locator("#page-title")).toBeFocused();
      await fits();
      if (p < PAGES) await next.click();
    }
    // The start screen, where each assessment becomes a card.
    await page.locator("main > div > button.quiet").first().click();
    await expect(page.getByRole("table")).toBeVisible();
    await fits();
  });
}
