// Exported results come back in: a round trip through a file, fifty files dropped at once,
// newer copies that wait for a confirmation, and every kind of bad file, which changes nothing.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { fillAndOpenResults, gapTable } from "./pages/results.mjs";
import { QuestionnairePage } from "./pages/questionnaire.mjs";

const SEED = JSON.parse(fs.readFileSync("tests/fixtures/results/two-exports.json", "utf8"))[0];

/** An export of the seed's answers under another id and partner name. */
function envelope(id, name, changes = {}) {
  return {
    ...SEED,
    id,
    ...changes,
    response: { ...SEED.response, id, profile: { ...SEED.response.profile, partner_name: name } },
  };
}

const file = (name, content) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(typeof content === "string" ? content : JSON.stringify(content)),
});

/** Every stored assessment, as text. */
const stored = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("partnerlens.assessment."))
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );

/** The start screen of an empty browser: the fresh questionnaire, then its way to the list. */
async function openStart(page) {
  await page.goto("/");
  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await expect(page.getByRole("heading", { name: "Import results" })).toBeVisible();
}

const summary = (page) => page.locator("section.import").getByRole("status");
const report = (page) => page.getByRole("list", { name: "What each file held" });

test("an exported file deleted here and imported again gives the same results", async ({ page }) => {
  test.setTimeout(120_000);
  await fillAndOpenResults(page);
  const before = await gapTable(page);
  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download answers (JSON)" }).click();
  const exported = await (await saved).path();

  await page.getByRole("button", { name: "All assessments in this browser" }).click();
  await page.getByRole("button", { name: "Delete – Acme Integration" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("row", { name: /Acme Integration/ })).toHaveCount(0);
  expect(await stored(page)).toEqual([]);

  // Nothing is fetched while a file is imported.
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.getByLabel("Choose exported files").setInputFiles(exported);
  await expect(summary(page)).toHaveText("Imported: 1. Unchanged: 0. Waiting for you: 0. Not imported: 0.");
  await expect(report(page)).toContainText("Acme Integration · 2026: Imported.");
  expect(requests).toEqual([]);

  // The list shows it as complete as it was, and its results are the same.
  const row = page.getByRole("row", { name: /Acme Integration/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText("100%");
  await row.getByRole("button", { name: "Continue – Acme Integration" }).click();
  await new QuestionnairePage(page).nextUntil("Review");
  await page.getByRole("button", { name: "See results" }).click();
  await expect(page.getByRole("heading", { name: "Your results so far" })).toBeFocused();
  expect(await gapTable(page)).toEqual(before);
});

test("fifty exports dropped at once are all imported, each with its status", async ({ page }) => {
  await openStart(page);
  const texts = Array.from({ length: 50 }, (_, i) =>
    JSON.stringify(envelope(`drop-${i}`, `Partner ${String(i).padStart(2, "0")}`)),
  );
  // Files dragged over any part of the page light up the import, and dropping them anywhere
  // imports them: the window takes the drop, not only the import section.
  const drag = (type, texts) =>
    page.evaluate(
      ([type, texts]) => {
        const data = new DataTransfer();
        texts.forEach((text, i) => data.items.add(new File([text], `export-${i}.json`, { type: "application/json" })));
        document.querySelector("h1").dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [type, texts],
    );
  await drag("dragover", texts);
  await expect(page.locator("section.import")).toHaveClass(/dragging/);
  await expect(page.getByText("Drop the files to import them")).toBeVisible();
  await drag("drop", texts);
  await expect(summary(page)).toHaveText("Imported: 50. Unchanged: 0. Waiting for you: 0. Not imported: 0.");
  await expect(report(page).locator(":scope > li")).toHaveCount(50);
  await expect(page.locator(".import")).not.toHaveClass(/dragging/);
  await expect(page.locator("tbody tr")).toHaveCount(50);
  expect(await stored(page)).toHaveLength(50);

  // The same fifty again change nothing, and each file says so.
  await drag("drop", texts);
  await expect(summary(page)).toHaveText("Imported: 0. Unchanged: 50. Waiting for you: 0. Not imported: 0.");
  await expect(report(page).getByText("Already here, unchanged.")).toHaveCount(50);
  await expect(page.locator("tbody tr")).toHaveCount(50);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a newer copy replaces the one here only when the user says so", async ({ page }) => {
  await openStart(page);
  const input = page.getByLabel("Choose exported files");
  await input.setInputFiles([file("a.json", envelope("n-1", "Acme")), file("b.json", envelope("n-2", "Bolt")), file("c.json", envelope("n-3", "Cobalt"))]);
  await expect(summary(page)).toHaveText("Imported: 3. Unchanged: 0. Waiting for you: 0. Not imported: 0.");
  const before = await stored(page);

  // Later copies of all three, and an older copy of the first.
  const later = (id, name) => envelope(id, name, { updated_at: SEED.updated_at + 60_000 });
  await input.setInputFiles([
    file("a-later.json", later("n-1", "Acme")),
    file("b-later.json", later("n-2", "Bolt")),
    file("c-later.json", later("n-3", "Cobalt")),
    file("a-older.json", envelope("n-1", "Acme", { updated_at: SEED.updated_at - 60_000 })),
  ]);
  await expect(summary(page)).toHaveText("Imported: 0. Unchanged: 1. Waiting for you: 3. Not imported: 0.");
  await expect(report(page)).toContainText("Acme · 2026: Not imported: the copy here was changed later.");
  // Nothing was replaced yet.
  expect(await stored(page)).toEqual(before);

  const acme = report(page).getByRole("listitem").filter({ hasText: "a-later.json" }).getByRole("listitem");
  await expect(acme).toHaveText(/^Acme · 2026: This is a newer copy/);
  await acme.getByRole("button", { name: "Keep the one here" }).click();
  await expect(acme).toContainText("The copy here was kept.");
  expect(await stored(page)).toEqual(before);

  await page.getByRole("button", { name: "Replace all 2 with the newer copies" }).click();
  await expect(summary(page)).toHaveText("Imported: 2. Unchanged: 2. Waiting for you: 0. Not imported: 0.");
  await expect(summary(page)).toBeFocused();
  await expect(report(page).getByText("Replaced the copy here with the newer one.")).toHaveCount(2);
  const after = Object.fromEntries((await stored(page)).map(([k, v]) => [k, JSON.parse(v).updated_at]));
  expect(after).toEqual({
    "partnerlens.assessment.n-1": SEED.updated_at,
    "partnerlens.assessment.n-2": SEED.updated_at + 60_000,
    "partnerlens.assessment.n-3": SEED.updated_at + 60_000,
  });
});

test("each bad file gets its own message and changes nothing stored", async ({ page }) => {
  await openStart(page);
  const input = page.getByLabel("Choose exported files");
  await input.setInputFiles(file("keep.json", envelope("k-1", "Kept GmbH")));
  await expect(summary(page)).toHaveText("Imported: 1. Unchanged: 0. Waiting for you: 0. Not imported: 0.");
  const before = await stored(page);

  const outOfScale = envelope("bad-1", "Scale");
  outOfScale.response = { ...outOfScale.response, ratings: { reputation: { importance: 9 } } };
  const negative = envelope("bad-2", "Money");
  negative.response = { ...negative.response, profile: { ...negative.response.profile, revenue_current: -5 } };
  const bad = [
    ["empty.json", "", "The file is empty."],
    ["huge.json", "[" + " ".repeat(5 * 1024 * 1024) + "]", "The file is 5.0 MB; files of at most 5 MB are read here."],
    ["notes.json", "{ not json", "The file is not JSON."],
    ["survey.json", fs.readFileSync("web/public/surveys/partner-experience.json", "utf8"), "This is a survey file, not results."],
    ["other.json", { hello: "world" }, 'The file is JSON but not PartnerLens results: entry 1: it has no "kind": "partnerlens-results"'],
    ["future.json", { ...envelope("f-1", "Future"), format_version: 7 }, "exported by a newer version of PartnerLens (format 7)"],
    ["scale.json", outOfScale, 'Not imported: the importance of "reputation" is 9, outside the survey\'s scale of 1 to 5'],
    ["money.json", negative, "Not imported: the current revenue is negative or not a number"],
    ["foreign.json", { ...envelope("w-1", "Elsewhere"), survey: { ...SEED.survey, id: "other-survey" } }, "another survey (other-survey)"],
    ["deep.json", "[".repeat(100_000) + "]".repeat(100_000), "The file is JSON but not PartnerLens results: entry 1"],
  ];
  await input.setInputFiles(bad.map(([name, content]) => file(name, content)));
  await expect(summary(page)).toHaveText(`Imported: 0. Unchanged: 0. Waiting for you: 0. Not imported: ${bad.length}.`);
  for (const [name, , message] of bad) {
    await expect(report(page).getByRole("listitem").filter({ hasText: name }).first()).toContainText(message);
  }
  expect(await stored(page)).toEqual(before);
  await expect(page.locator("tbody tr")).toHaveCount(1);
});

test("answers to unknown questions are kept and named, and names are shown as text", async ({ page }) => {
  await openStart(page);
  const odd = envelope("u-1", "<img src=x onerror=alert(1)><b>Bold</b>");
  odd.response = { ...odd.response, ratings: { ...odd.response.ratings, teleportation: { importance: 3 } } };
  await page.getByLabel("Choose exported files").setInputFiles(file("odd.json", odd));
  const item = report(page).getByRole("listitem").filter({ hasText: "Bold" }).last();
  await expect(item).toContainText("<img src=x onerror=alert(1)><b>Bold</b> · 2026: Imported.");
  await expect(item).toContainText("ratings/teleportation");
  await expect(page.locator(".import-report b, .import-report img, tbody b, tbody img")).toHaveCount(0);
  const kept = JSON.parse((await stored(page))[0][1]);
  expect(kept.response.ratings.teleportation).toEqual({ importance: 3 });
});

test("the import reads German and stays accessible in both themes", async ({ page }) => {
  await openStart(page);
  await page.getByLabel("Choose exported files").setInputFiles([file("a.json", envelope("g-1", "Acme")), file("e.json", "")]);
  await expect(summary(page)).toHaveText("Imported: 1. Unchanged: 0. Waiting for you: 0. Not imported: 1.");
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
  await page.getByLabel("Language").selectOption("de");
  await expect(summary(page)).toHaveText("Importiert: 1. Unverändert: 0. Warten auf Sie: 0. Nicht importiert: 1.");
  await expect(page.getByRole("list", { name: "Was jede Datei enthielt" })).toContainText("Die Datei ist leer.");
});

test("of two newer copies, replacing with the later first leaves the earlier out", async ({ page }) => {
  await openStart(page);
  const input = page.getByLabel("Choose exported files");
  await input.setInputFiles(file("a.json", envelope("t-1", "Twice")));
  await expect(summary(page)).toHaveText("Imported: 1. Unchanged: 0. Waiting for you: 0. Not imported: 0.");
  const at = (minutes) => envelope("t-1", "Twice", { updated_at: SEED.updated_at + minutes * 60_000 });
  await input.setInputFiles([file("one-hour.json", at(60)), file("two-hours.json", at(120))]);
  await expect(summary(page)).toHaveText("Imported: 0. Unchanged: 0. Waiting for you: 2. Not imported: 0.");
  const row = (name) => report(page).getByRole("listitem").filter({ hasText: name }).getByRole("listitem");
  await row("two-hours.json").getByRole("button", { name: "Replace" }).click();
  await expect(row("two-hours.json")).toContainText("Replaced the copy here with the newer one.");
  await row("one-hour.json").getByRole("button", { name: "Replace" }).click();
  await expect(row("one-hour.json")).toContainText("Not imported: the copy here was changed later.");
  const kept = JSON.parse((await stored(page))[0][1]);
  expect(kept.updated_at).toBe(SEED.updated_at + 120 * 60_000);
});
