// Vendors host their own survey: ?survey= loads it, a broken one shows its errors, and the
// interface and the survey switch to German.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

test("a vendor survey is loaded through ?survey=", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open("?survey=surveys/extended-example.json");
  await expect(q.heading("Partner experience assessment (extended example)")).toBeVisible();
  await q.fillProfile();
  // Its 1-7 scale: seven choices per rating.
  await expect(q.rating("Reputation — importance").getByRole("radio")).toHaveCount(7);
  await expect(page).toHaveTitle("Partner experience assessment (extended example) · PartnerLens");
});

test("a broken survey shows every problem on a readable page", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open("?survey=test-fixtures/many-errors.json");
  await expect(q.heading("This survey could not be loaded")).toBeVisible();
  const problems = page.getByRole("listitem");
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(3)).toContainText('areas[1].elements[0].id: duplicate id "leads"');
  await expect(page.getByText("test-fixtures/many-errors.json")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // The findings follow the language menu; their paths stay as the file spells them.
  await q.chooseLanguage("Language", "Deutsch");
  await expect(problems.nth(3)).toContainText("areas[1].elements[0].id: doppelte Kennung „leads“, bereits verwendet unter areas[0].elements[1].id");
  await expect(page.getByText("duplicate id")).toHaveCount(0);
  await q.chooseLanguage(/^Sprache/, "English");
});

test("a missing survey file and another site's address are explained, not blank", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open("?survey=surveys/no-such-survey.json");
  await expect(q.heading("This survey could not be loaded")).toBeVisible();
  await expect(page.getByRole("listitem")).toContainText("the server answered 404");
  // The page's own words follow the language menu.
  await q.chooseLanguage("Language", "Deutsch");
  await expect(page.getByRole("listitem")).toContainText("der Server hat für „surveys/no-such-survey.json“ mit 404");
  await q.chooseLanguage(/^Sprache/, "English");

  await q.open("?survey=https://evil.example/survey.json");
  await expect(q.heading("This survey could not be loaded")).toBeVisible();
  await expect(page.getByRole("listitem")).toContainText("is not a relative address on this site");
});

test("a survey address whose body never ends is refused at 1 MB, without waiting for the rest", async ({ page }) => {
  const q = new QuestionnairePage(page);
  const started = Date.now();
  await q.open("?survey=test-fixtures/endless.json");
  await expect(q.heading("This survey could not be loaded")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("listitem")).toContainText("is larger than 1 MB, the most a survey may be");
  // The server would send 64 MB at 2 MB a second: reading it all would take half a minute.
  expect(Date.now() - started).toBeLessThan(10_000);
});

test("survey text is shown as text, never run as HTML", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  const q = new QuestionnairePage(page);
  await q.open("?survey=test-fixtures/xss-title.json");
  await expect(q.heading("<img src=x onerror=alert(1)>")).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("switching to German translates the interface and the survey, and is remembered", async ({ page }) => {
  const q = new QuestionnairePage(page);
  await q.open();
  await expect(q.heading("Partner experience assessment")).toBeVisible();
  await q.fillProfile();
  await q.chooseLanguage("Language", "Deutsch");
  await expect(q.heading("Bewertung der Partnererfahrung")).toBeVisible();
  await expect(q.pageHeading("Marke")).toBeVisible();
  await expect(q.rating("Ansehen — Wichtigkeit")).toContainText("Wie wichtig ist das für Ihr Geschäft?");
  await expect(page.getByRole("button", { name: "Weiter" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.reload();
  await expect(q.heading("Bewertung der Partnererfahrung")).toBeVisible();
  await expect(q.pageHeading("Marke")).toBeVisible();
  await page.getByRole("button", { name: "Zurück" }).click();
  await expect(q.pageHeading("Über Sie")).toBeVisible();
  await expect(page.getByLabel("Firmenname")).toHaveValue("Acme Integration");
  await expect(page.getByLabel("Sprache")).toHaveValue("de");
});
