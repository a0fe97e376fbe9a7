// Every language the app ships (web/locales, read by ./languages.mjs): the menu names each in
// itself, the page takes its lang and direction (Arabic is right to left, the layout mirrored),
// the survey's own texts follow, and every screen passes axe: the questionnaire's pages, the
// review, the results with their charts' tables, and the dashboard with a data set.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { cli, DEFAULT_SURVEY as SURVEY } from "./cli.mjs";
import { LANGUAGES, languageMenu } from "./languages.mjs";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const survey = JSON.parse(fs.readFileSync(SURVEY, "utf8"));
const fill = (template, values) => Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), template);

async function axe(page, where) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id}: ${v.help}`)).toEqual([]);
}

test("the language menu lists every language file, each named in itself", async ({ page }) => {
  expect(LANGUAGES.map((l) => l.code)).toEqual(["en", "ar", "de", "fr"]);
  await page.goto("/");
  const options = languageMenu(page).locator("option");
  await expect(options).toHaveText(LANGUAGES.map((l) => l.name));
  // Polled: the app takes over the HTML's first page, menu included, while this runs.
  await expect
    .poll(() => options.evaluateAll((all) => all.map((o) => [o.value, o.lang, o.dir])))
    .toEqual(LANGUAGES.map((l) => [l.code, l.code, l.dir]));
});

for (const language of LANGUAGES.filter((l) => l.code !== "en")) {
  const { code, app, dash, editor } = language;
  test(`${language.name}: every screen speaks ${code}, runs ${language.dir} and passes axe`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const q = new QuestionnairePage(page);
    await q.open();
    await q.fillProfile();
    await q.rate("Reputation — importance", 4);
    await q.rate("Reputation — performance", 2);
    await languageMenu(page).selectOption(code);
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", code);
    await expect(html).toHaveAttribute("dir", language.dir);
    await expect(page.getByRole("heading", { level: 1, name: survey.title[code] })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: survey.areas[0].title[code] })).toBeVisible();
    await expect(page.getByRole("radiogroup", { name: new RegExp(`^${survey.areas[0].elements[0].label[code]}`) }).first()).toBeVisible();
    // Right to left mirrors the page: the app's name, first in the header, sits at its right.
    const brand = await page.locator(".app-header .brand").boundingBox();
    const menu = await languageMenu(page).boundingBox();
    expect(brand.x > menu.x, "the app's name is right of the language menu").toBe(language.dir === "rtl");

    const next = page.getByRole("button", { name: app.next, exact: true });
    const review = page.getByRole("heading", { name: app.review_title, exact: true });
    for (let turns = 0; !(await review.isVisible()); turns++) {
      expect(turns, "the review comes after the survey's pages").toBeLessThan(20);
      await axe(page, await q.currentPage());
      await next.click();
      await page.waitForTimeout(50);
    }
    await axe(page, app.review_title);
    await page.getByRole("button", { name: app.see_results, exact: true }).click();
    await expect(page.getByRole("heading", { name: app.results_title })).toBeVisible();
    // The charts' tables carry the survey's texts in this language.
    const areas = page.getByRole("region", { name: fill(app.table_of, { chart: app.areas_title }) });
    await expect(areas.getByRole("row", { name: new RegExp(`^${survey.areas[0].title[code]}`) })).toHaveCount(1);
    await axe(page, app.results_title);

    const file = testInfo.outputPath("responses.json");
    fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "30", "--seed", "5"));
    await page.goto("/dashboard.html");
    await expect(page.getByRole("heading", { level: 1, name: dash.dash_title })).toBeVisible();
    await expect(html).toHaveAttribute("dir", language.dir);
    await page.getByLabel(dash.dash_add_files).setInputFiles(file);
    await expect(page.getByText(fill(dash.dash_matching, { count: 30, total: 30 }))).toBeVisible();
    await axe(page, dash.dash_title);

    // The editor, its texts in this language too, with a problem showing at its field.
    await page.getByRole("link", { name: dash.dash_editor }).click();
    await expect(page.getByRole("heading", { level: 1, name: editor.editor_title })).toBeVisible();
    await expect(html).toHaveAttribute("dir", language.dir);
    await page.getByLabel(editor.editor_language).selectOption(code);
    await expect(page.locator('[id="f-title"]')).toHaveValue(survey.title[code]);
    await page.locator('[id="f-areas[0].weight"]').fill("?");
    await expect(page.locator('[id="f-areas[0].weight"]')).toHaveAttribute("aria-invalid", "true");
    await axe(page, editor.editor_title);
  });
}

test("a negative score reads with its sign before its digits in every language, Arabic too", async ({ page }, testInfo) => {
  // Thirty partners who would not recommend the program: an NPS of -100.
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "30", "--seed", "5"));
  for (const response of responses) response.items.recommend = 0;
  const file = testInfo.outputPath("detractors.json");
  fs.writeFileSync(file, JSON.stringify(responses));
  await page.goto("/dashboard.html");
  for (const { code, dash } of LANGUAGES) {
    await languageMenu(page).selectOption(code);
    if (code === LANGUAGES[0].code) await page.getByLabel(dash.dash_add_files).setInputFiles(file);
    const nps = page.locator('section[aria-labelledby="verdict-title"] p.nps');
    await expect(nps).toContainText("100");
    // Where the sign and the first digit are drawn: in right-to-left text a bare hyphen lands
    // right of the digits ("100.0-").
    const [sign, digit] = await nps.evaluate((p) => {
      const node = p.firstChild;
      const at = (k) => {
        const range = document.createRange();
        range.setStart(node, k);
        range.setEnd(node, k + 1);
        return range.getBoundingClientRect().x;
      };
      const i = node.textContent.indexOf("-100");
      return [at(i), at(i + 1)];
    });
    expect(sign, code).toBeLessThan(digit);
  }
});
