// The survey editor, as a vendor uses it: from the default survey to a file of their own that
// `partnerlens check` accepts, the partner app shows and the dashboard scores; every broken
// fixture shows its problems at their fields; a reload keeps the draft and its undo history.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { cli } from "./cli.mjs";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const FIXTURES = path.resolve(new URL("../fixtures/surveys/", import.meta.url).pathname);
const group = (page, name) => page.getByRole("group", { name, exact: true });
/** What `partnerlens check` prints for a file: on stdout when it is fine, on stderr (exit 1)
 * with its problems when it is not. */
const check = (file) => {
  const run = spawnSync("cargo", ["run", "-q", "--bin", "partnerlens", "--", "check", file], { encoding: "utf8" });
  return run.stdout + run.stderr;
};

test("a vendor builds a survey from the default one, in two languages, and publishes it", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/editor.html");
  await expect(page.getByRole("heading", { level: 1, name: "Survey editor" })).toBeVisible();
  await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Renaming keeps the id: answers are keyed by it.
  await group(page, "Element 1: Reputation").getByLabel("Label").fill("Brand reputation");
  const renamed = group(page, "Element 1: Brand reputation");
  await expect(renamed.getByLabel("Id")).toHaveValue("reputation");

  // A new area comes with one element; their ids follow their English texts while new.
  await page.getByRole("button", { name: "Add an area" }).click();
  const added = group(page, "Area 8: New area");
  await expect(added.getByLabel("Title", { exact: true })).toBeFocused();
  await page.keyboard.type("Enablement");
  const area = group(page, "Area 8: Enablement");
  await expect(area.getByLabel("Id").first()).toHaveValue("enablement");
  await group(area, "Element 1: New element").getByLabel("Label").fill("Training");
  await area.getByRole("button", { name: "Add an element to “Enablement”" }).click();
  await group(area, "Element 2: New element").getByLabel("Label").fill("Certification");
  await expect(group(area, "Element 2: Certification").getByLabel("Id")).toHaveValue("certification");
  // Influencers do not certify: hidden from them, picked from the survey's partner functions.
  const shownTo = group(area, "Element 2: Certification").getByRole("group", { name: "Shown to" });
  await shownTo.getByLabel("Everyone but these partners").check();
  await expect(page.getByRole("link", { name: /show_if\[0\]: give any_of or none_of/ })).toBeVisible();
  await shownTo.getByLabel("Influencers").check();
  await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();

  // German texts: the English one is the hint.
  await page.getByLabel("Texts in").selectOption({ label: "Deutsch" });
  await expect(area.getByLabel("Title", { exact: true })).toHaveAttribute("placeholder", "Enablement");
  await area.getByLabel("Title", { exact: true }).fill("Befähigung");
  await group(area, "Element 1: Training").getByLabel("Label").fill("Schulung");
  const certification = group(area, "Element 2: Certification").getByLabel("Label");
  await certification.fill("Zertifizierung");

  // Undo and redo, from the keyboard, in the field too.
  await page.keyboard.press("Control+z");
  await expect(certification).toHaveValue("");
  await page.keyboard.press("Control+Shift+z");
  await expect(certification).toHaveValue("Zertifizierung");
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(certification).toHaveValue("Zertifizierung");
  await page.getByLabel("Texts in").selectOption({ label: "English" });

  // A new area changes the structure: the editor says so and offers a new survey id.
  await expect(page.getByText(/These edits change the survey's structure/)).toBeVisible();
  await page.getByRole("button", { name: "Give the survey a new id" }).click();
  await expect(page.getByRole("region", { name: "Survey", exact: true }).getByLabel("Id").first()).toHaveValue("partner-experience-2");

  // What changed since the file was opened, entry by entry.
  await page.getByText(/^Changes since the file was opened or saved/).click();
  const changed = page.locator(".editor-changes li");
  await expect(changed.filter({ hasText: "areas.brand.elements.reputation.label.en: changed from “Reputation” to “Brand reputation”" })).toHaveCount(1);
  await expect(changed.filter({ hasText: /^areas\.enablement: added$/ })).toHaveCount(1);
  await expect(changed.filter({ hasText: /^id: changed from “partner-experience” to “partner-experience-2”$/ })).toHaveCount(1);

  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save survey file" }).click();
  await expect(page.getByText("Changes since the file was opened or saved (0)")).toBeVisible();
  const file = testInfo.outputPath("acme.json");
  await (await downloaded).saveAs(file);
  await expect(page.getByRole("status").filter({ hasText: "?survey=surveys/partner-experience.json" })).toBeVisible();
  expect(cli("check", file)).toMatch(/ok: "Partner experience assessment" partner-experience-2 .* 8 areas, 30 elements/);

  // Opened again, the file is written byte for byte the same.
  await page.getByLabel("Open a survey file").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "acme.json is open." })).toBeVisible();
  const again = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save survey file" }).click();
  const second = testInfo.outputPath("again.json");
  await (await again).saveAs(second);
  expect(fs.readFileSync(second, "utf8")).toBe(fs.readFileSync(file, "utf8"));

  // Hosted, partners see it in German too, and the dashboard scores answers to it.
  await page.route("**/surveys/acme.json", (route) => route.fulfill({ path: file, contentType: "application/json" }));
  const q = new QuestionnairePage(page);
  await q.open("?survey=surveys/acme.json");
  await q.fillProfile();
  await expect(q.rating("Brand reputation — importance")).toBeVisible();
  for (let i = 0; i < 12 && !(await q.pageHeading("Enablement").isVisible()); i++) await q.nextPage();
  await expect(q.rating("Certification — importance")).toBeVisible();
  await q.chooseLanguage("Language", "Deutsch");
  await expect(q.pageHeading("Befähigung")).toBeVisible();
  await expect(q.rating("Zertifizierung — Wichtigkeit")).toBeVisible();
  await q.chooseLanguage(/^Sprache/, "English");
  // An influencer, in a browser of their own, is not asked about certification.
  const influencer = await browser.newContext({ serviceWorkers: "block" });
  await influencer.route("**/surveys/acme.json", (route) => route.fulfill({ path: file, contentType: "application/json" }));
  const analyst = new QuestionnairePage(await influencer.newPage());
  await analyst.page.goto("http://127.0.0.1:8091/?survey=surveys/acme.json");
  await analyst.fillProfile({ type: "Industry analyst" });
  for (let i = 0; i < 12 && !(await analyst.pageHeading("Enablement").isVisible()); i++) await analyst.nextPage();
  await expect(analyst.rating("Training — importance")).toBeVisible();
  await expect(analyst.rating("Certification — importance")).toHaveCount(0);
  await influencer.close();

  const responses = testInfo.outputPath("responses.json");
  fs.writeFileSync(responses, cli("generate", "--survey", file, "--count", "20", "--seed", "3"));
  await page.goto("/dashboard.html?survey=surveys/acme.json");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(responses);
  await expect(page.getByText("20 of 20 responses match the filters.")).toBeVisible();
  await expect(page.locator("#dash-gap-chart-table")).toContainText("Certification");
});

test("every broken survey opens with its problems at their fields; a file that is not JSON leaves the draft", async ({ page }) => {
  await page.goto("/editor.html");
  const picker = page.getByLabel("Open a survey file");
  const problems = page.locator(".editor-problems li");
  for (const name of fs.readdirSync(FIXTURES).sort()) {
    const file = path.join(FIXTURES, name);
    const printed = check(file);
    const checked = printed.split("\n")[0];
    if (checked.includes(": ok:")) continue;
    const surveyId = page.locator('[id="f-id"]');
    const before = await surveyId.inputValue();
    await picker.setInputFiles(file);
    if (/not valid JSON|not valid UTF-8/.test(printed)) {
      await expect(page.getByRole("status").filter({ hasText: `${name} could not be opened` })).toBeVisible();
      await expect(surveyId).toHaveValue(before);
      continue;
    }
    await expect(page.getByRole("status").filter({ hasText: `${name} is open.` })).toBeVisible();
    const count = Number(checked.match(/(\d+) error\(s\)/)[1]);
    await expect(problems, name).toHaveCount(count);
    // Each links to a place on the page, where the same words show (the survey as a whole
    // keeps them in the list).
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll(".editor-problems li a")].map((a) => {
        const target = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
        const words = a.textContent.replace(/^[^:]*\]?[^ ]*: /, "");
        const shown = target && target.id !== "f-" && [...target.querySelectorAll(".field-problems li"), ...(target.parentElement?.querySelectorAll(".field-problems li") ?? [])].some((li) => a.textContent.endsWith(li.textContent));
        return { target: target?.id ?? null, whole: target?.id === "f-", shown: Boolean(shown), words };
      }));
    for (const place of placed) {
      expect(place.target, `${name}: ${place.words}`).not.toBeNull();
      expect(place.whole || place.shown, `${name}: ${place.words} at ${place.target}`).toBe(true);
    }
  }
});

test("a reload keeps the draft, and undo still works after it", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("/editor.html");
  const title = page.getByRole("region", { name: "Survey", exact: true }).getByLabel("Title", { exact: true }).first();
  await title.fill("Acme partner survey");
  await page.reload();
  await expect(title).toHaveValue("Acme partner survey");
  await expect(page.getByText("Changed since the file was opened or last saved.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(title).toHaveValue("Partner experience assessment");
  // The draft is written at an idle moment, not in the key's own task; a page hidden or left
  // before that moment writes it at once.
  for (const [leaving, text] of [["visibilitychange", "Typed as the tab is hidden"], ["pagehide", "Typed as the page closes"]]) {
    const stored = await title.evaluate((input, [leaving, text]) => {
      const draft = () => localStorage.getItem("partnerlens.editor.draft").includes(text);
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const typed = draft();
      (leaving === "pagehide" ? window : document).dispatchEvent(new Event(leaving, { bubbles: true }));
      return [typed, draft()];
    }, [leaving, text]);
    expect(stored, leaving).toEqual([false, true]);
  }
  await page.reload();
  await expect(title).toHaveValue("Typed as the page closes");
});

test("the translation grid marks what is missing, and a language goes to a translator and back as CSV", async ({ page }, testInfo) => {
  await page.goto("/editor.html");
  await page.getByText("Translations", { exact: true }).click();
  await expect(page.getByText(/^\u2068?Deutsch\u2069?: 234 of 234 texts$/)).toBeVisible();
  const brand = page.getByRole("textbox", { name: "areas[0].title in Deutsch" });
  await expect(brand).toHaveValue("Marke");
  await brand.fill("");
  await expect(page.getByText(/^\u2068?Deutsch\u2069?: 233 of 234 texts$/)).toBeVisible();
  await expect(page.locator("td.missing").getByRole("textbox", { name: "areas[0].title in Deutsch" })).toHaveAttribute("placeholder", "missing");

  await page.getByLabel("Language for a translator").selectOption({ label: "Deutsch" });
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download it as CSV" }).click();
  const csv = testInfo.outputPath("de.csv");
  await (await downloaded).saveAs(csv);
  const text = fs.readFileSync(csv, "utf8").replace(/^\uFEFF/, "");
  expect(text.split("\n")[0]).toBe("place,en,de");
  expect(text).toContain("\nareas[0].title,Brand,\n");
  // The translator fills the gap; a row for a place the survey no longer has is left out.
  fs.writeFileSync(csv, text.replace("\nareas[0].title,Brand,\n", "\nareas[0].title,Brand,Marke (neu)\n") + "areas[40].title,Gone,Weg\n");
  await page.getByLabel("Import a translation (CSV)").setInputFiles(csv);
  await expect(page.getByRole("status").filter({ hasText: /1 texts in \u2068?Deutsch\u2069? taken from de\.csv; 1 rows left out/ })).toBeVisible();
  await expect(brand).toHaveValue("Marke (neu)");
  await expect(page.getByText(/^\u2068?Deutsch\u2069?: 234 of 234 texts$/)).toBeVisible();
  // The whole import is one step back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(brand).toHaveValue("");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("an edit in the translation grid shows at once in the form, with its problem, and undo takes it back", async ({ page }) => {
  await page.goto("/editor.html");
  await page.getByText("Translations", { exact: true }).click();
  const cell = page.getByRole("textbox", { name: "areas[0].title in English" });
  await cell.fill("Trademark");
  // The form's field, and the area's legend that its title names.
  const area = group(page, "Area 1: Trademark");
  const title = area.getByLabel("Title", { exact: true });
  await expect(title).toHaveValue("Trademark");
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  // Every text needs English: with none, the field says so, and the legend falls back to the id.
  await cell.fill("");
  const bare = group(page, "Area 1: brand").getByLabel("Title", { exact: true });
  await expect(bare).toHaveValue("");
  await expect(bare).toHaveAttribute("aria-invalid", "true");
  // Undo takes back the whole typing in the grid, in both places.
  await page.getByRole("button", { name: "Undo" }).click();
  const brand = group(page, "Area 1: Brand").getByLabel("Title", { exact: true });
  await expect(brand).toHaveValue("Brand");
  await expect(cell).toHaveValue("Brand");
  await expect(brand).not.toHaveAttribute("aria-invalid", "true");
});

test("the profile's choices are edited as lists: a new region and a new partner type reach the partner", async ({ page }, testInfo) => {
  await page.goto("/editor.html");
  const region = group(page, "Region");
  await region.getByRole("button", { name: "Add a choice to “Region”" }).click();
  await page.keyboard.type("Nordic countries");
  await expect(group(region, "Choice 5: Nordic countries").getByLabel("Id")).toHaveValue("nordic-countries");
  const sales = group(page, "Partner function 2: Sales partners");
  await sales.getByRole("button", { name: "Add a partner type to “Sales partners”" }).click();
  await page.keyboard.type("Marketplace seller");
  await expect(group(sales, "Choice 5: Marketplace seller").getByLabel("Id")).toHaveValue("marketplace-seller");
  await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();

  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save survey file" }).click();
  const file = testInfo.outputPath("choices.json");
  await (await downloaded).saveAs(file);
  expect(cli("check", file)).toContain(": ok:");
  await page.route("**/surveys/choices.json", (route) => route.fulfill({ path: file, contentType: "application/json" }));
  await page.goto("/?survey=surveys/choices.json");
  await expect(page.getByRole("radiogroup", { name: /^Region/ }).getByRole("radio", { name: "Nordic countries" })).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: /^Partner type/ }).getByRole("radio", { name: /^Marketplace seller/ })).toBeVisible();
});

test("sections, rating prompts and categories are edited like the rest, and the preview shows the draft as partners will", async ({ page }) => {
  await page.goto("/editor.html");
  await group(page, "Importance rating").getByLabel("Partners' wording").fill("How much does this matter to your firm?");
  // The profile's own questions: their wording, whether they must be answered, revenue.
  await expect(group(page, "Company name").getByLabel("Partners must answer")).toBeChecked();
  await expect(group(page, "Revenue with the vendor").getByLabel("Currency (ISO code, such as EUR)")).toHaveValue("USD");
  await expect(group(page, "Partner function 1: Solution partners").getByLabel("Primary value")).toHaveValue("Build and deploy solutions");

  // A new statement in the five Cs: focus lands in its wording, and its id follows the text.
  const sections = page.getByRole("region", { name: "Sections" });
  const contribution = group(sections, "Dimension 1: Contribution");
  await contribution.getByRole("button", { name: "Add a statement to “Contribution”" }).click();
  const wording = group(contribution, "Statement 4: New statement").getByLabel("Partners' wording");
  await expect(wording).toBeFocused();
  await page.keyboard.type("We resell every product line");
  await expect(group(contribution, "Statement 4: We resell every product line").getByLabel("Id")).toHaveValue("we-resell-every-product-line");

  // A section goes out of the survey, and undo brings it back.
  const principles = group(sections, "Program principles");
  await principles.getByRole("button", { name: "Take “Program principles” out of the survey" }).click();
  await expect(principles.getByRole("button", { name: "Add “Program principles”" })).toBeVisible();
  await expect(group(principles, "Principle 1: Simple, gated access to resources")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(group(principles, "Principle 1: Simple, gated access to resources")).toBeVisible();

  // Bands of the five-Cs score need a lowest score: the problem shows until it is given.
  await page.getByLabel("Group partners for ranking by").selectOption({ label: "Bands of the five-Cs score" });
  const band = group(page, "Band 1: New band");
  await expect(band).toBeVisible();
  await expect(page.getByRole("link", { name: /^categories\.bands\[0\]\.min: / })).toBeVisible();
  await band.getByLabel("Lowest five-Cs score in the band (0 to 100)").fill("0");
  await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // The preview: the partners' questionnaire with the draft, nothing of it stored.
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open the preview" }).click()]);
  const q = new QuestionnairePage(popup);
  await expect(popup.getByRole("note")).toContainText("Preview of the editor's draft");
  await q.fillProfile();
  await expect(popup.getByText("How much does this matter to your firm?").first()).toBeVisible();
  await q.nextUntil("Your business with the vendor: the five Cs");
  await q.rate(/^We resell every product line/, 4);
  const stored = await popup.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("partnerlens.assessment.") || k === "partnerlens.open"));
  expect(stored).toEqual([]);
  // It follows the draft: a new title shows there once typing rests.
  await page.getByRole("region", { name: "Survey", exact: true }).getByLabel("Title", { exact: true }).first().fill("Acme partner survey");
  await expect(q.heading("Acme partner survey")).toBeVisible();
  await popup.close();

  // As the vendor: the profile opens with the vendor's side chosen.
  await page.getByRole("radio", { name: "The vendor", exact: true }).check();
  const [vendor] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open the preview" }).click()]);
  await expect(vendor.getByRole("radio", { name: "The vendor, giving its own view" })).toBeChecked();
});

test("a survey file dropped on the page opens in the editor", async ({ page }) => {
  await page.goto("/editor.html");
  await expect(page.getByRole("heading", { level: 1, name: "Survey editor" })).toBeVisible();
  const text = fs.readFileSync(path.join(FIXTURES, "..", "..", "..", "web", "public", "surveys", "extended-example.json"), "utf8");
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return data;
  }, text);
  await page.dispatchEvent("main", "dragover", { dataTransfer: drop });
  await expect(page.locator(".editor-tools.dragging")).toHaveCount(1);
  await page.dispatchEvent("main", "drop", { dataTransfer: drop });
  await expect(page.getByRole("status").filter({ hasText: "dropped.json is open." })).toBeVisible();
  const survey = JSON.parse(text);
  await expect(page.locator('[id="f-id"]')).toHaveValue(survey.id);
});

test("the anonymity threshold and the overall verdict are edited like the rest", async ({ page }, testInfo) => {
  await page.goto("/editor.html");
  const threshold = page.getByLabel("Fewest partners in a reported group (empty: 5)");
  await expect(threshold).toHaveValue("");
  await threshold.fill("0");
  await expect(page.locator(".editor-problems li")).toContainText(["0 is not a group size; use a whole number of 1 or more"]);
  await threshold.fill("3");
  await expect(page.getByText("No problems: partners' browsers will accept this survey.")).toBeVisible();
  // The overall section's two questions, as partners and the vendor read them.
  const overall = group(page, "Overall verdict");
  const recommend = group(overall, "Recommendation, 0 to 10");
  await expect(recommend.getByRole("textbox").first()).toHaveValue("How likely are you to recommend the vendor's partner program?");
  await expect(group(overall, "Overall satisfaction").getByLabel("Id")).toHaveValue("overall-satisfaction");

  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save survey file" }).click();
  const file = testInfo.outputPath("threshold.json");
  await (await downloaded).saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(saved.min_group_size).toBe(3);
  expect(saved.sections.overall.recommend.id).toBe("recommend");
  expect(cli("check", file)).toContain(": ok:");
});
