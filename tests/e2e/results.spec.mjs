// The results report, as a partner reads it: answers whose scores were worked out by hand,
// the gap chart's table, the crosshair switch, PNG downloads, print, and accessibility.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { fillAndOpenResults, gapTable } from "./pages/results.mjs";

test("the gap table and the charts agree with scores worked out by hand", async ({ page }) => {
  test.setTimeout(90_000);
  await fillAndOpenResults(page);
  const results = page.getByRole("region", { name: "Your results so far" });

  // PXI = 100 * sum(I * (P - 1) / 4) / sum(I) over 28 elements of weight 1:
  // 25 x 3 x 2/4 + 5 x 0 + 5 x 1/4 + 2 x 4/4 = 40.75 over 75 + 5 + 5 + 2 = 87: 46.8, shown 47.
  await expect(results.locator("dd").nth(0)).toHaveText("47");
  await expect(results.locator("dd").nth(1)).toHaveText("56 of 56 ratings");

  // Data-centred crosshair: importance 87/28 = 3.107, performance 83/28 = 2.964. The 25 elements
  // at (3, 3) are below the importance mean and above the performance mean: Possible overkill.
  const rows = await gapTable(page);
  expect(rows).toHaveLength(28);
  const row = (element) => rows.find((r) => r[1] === element);
  // Columns: number, element, area, importance, performance, gap, quadrant. Numbers key the
  // chart's markers: the 25 coincident elements share marker 1 (Reputation is first), then
  // Training, Leads and Deal registration get 2, 3 and 4 in survey order.
  expect(row("Deal registration")).toEqual(["4", "Deal registration", "Transact", "5.0", "1.0", "4.0", "Concentrate here"]);
  expect(row("Leads")).toEqual(["3", "Leads", "Transact", "5.0", "2.0", "3.0", "Concentrate here"]);
  expect(row("Training")).toEqual(["2", "Training", "Enable", "2.0", "5.0", "-3.0", "Possible overkill"]);
  expect(row("Reputation")).toEqual(["1", "Reputation", "Brand", "3.0", "3.0", "0.0", "Possible overkill"]);
  expect(rows.filter((r) => r[0] === "1")).toHaveLength(25);

  const gapChart = page.getByRole("img", { name: /^Gap chart of 28 elements/ });
  await expect(gapChart).toHaveAccessibleName(
    "Gap chart of 28 elements with a Data-centred crosshair: 2 in Concentrate here, 0 in Keep up the good work, 0 in Low priority and 26 in Possible overkill.",
  );

  // Priorities, worded as actions, largest gap first.
  const actions = page.locator("ol.actions li");
  await expect(actions).toHaveText([
    "Improve Deal registration: rated 5.0 for importance but 1.0 for performance (gap 4.0).",
    "Improve Leads: rated 5.0 for importance but 2.0 for performance (gap 3.0).",
  ]);

  // Ranked gaps: Deal registration first, Training (-3) last.
  const ranked = page.getByRole("region", { name: "Gaps, largest first: the data as a table" }).locator("tbody tr");
  await expect(ranked.first()).toContainText("Deal registration");
  await expect(ranked.last()).toContainText("Training");
  await expect(page.getByRole("img", { name: "Deal registration has the largest gap (4.0) and Training the smallest (-3.0)." })).toBeVisible();

  // Areas: Transact's importance (5 + 5 + 3 + 3 + 3) / 5 = 3.8, performance (1 + 2 + 3 + 3 + 3) / 5 = 2.4.
  const transact = page.getByRole("region", { name: "Areas: the data as a table" }).getByRole("row", { name: /^Transact/ });
  await expect(transact.getByRole("cell")).toHaveText(["3.8", "2.4", "1.4"]);
  await expect(page.getByRole("img", { name: "Transact has the largest gap of all areas: importance 3.8, performance 2.4." })).toBeVisible();

  // Scale-centred, the crosshair is (3, 3) and on the line counts as high: the 25 move to
  // Keep up the good work.
  await page.getByRole("radio", { name: /^Scale-centred/ }).check();
  await expect(gapChart).toHaveAccessibleName(
    "Gap chart of 28 elements with a Scale-centred crosshair: 2 in Concentrate here, 25 in Keep up the good work, 0 in Low priority and 1 in Possible overkill.",
  );
  expect((await gapTable(page)).find((r) => r[1] === "Reputation")[6]).toBe("Keep up the good work");

  // The management approach for a solution reseller (a sales partner).
  await expect(page.getByRole("region", { name: "How partners like you are usually managed" })).toContainText(
    "formal, tiered program",
  );

  // In German the report stays open with its settings, German numbers, and focus on the menu.
  await page.getByLabel("Language").focus();
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(page.getByRole("heading", { name: "Ihre bisherigen Ergebnisse" })).toBeVisible();
  await expect(page.getByLabel("Sprache")).toBeFocused();
  await expect
    .poll(async () => (await gapTable(page)).find((r) => r[1] === "Deal-Registrierung"))
    .toEqual(["4", "Deal-Registrierung", "Geschäftsabwicklung", "5,0", "1,0", "4,0", "Hier ansetzen"]);
  await expect(page.getByRole("radio", { name: /^Skalenzentriert/ })).toBeChecked();
  expect((await gapTable(page)).find((r) => r[1] === "Ansehen")[6]).toBe("Weiter so");

  // "See results" again goes to the open report instead of drawing it anew.
  await page.getByRole("button", { name: "Ergebnisse ansehen" }).click();
  await expect(page.getByRole("heading", { name: "Ihre bisherigen Ergebnisse" })).toBeFocused();
  await expect(page.getByRole("radio", { name: /^Skalenzentriert/ })).toBeChecked();
});

test("a chart downloads as a PNG at twice its size, and the printed report has the charts", async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: "dark" });
  await fillAndOpenResults(page);
  const canvas = page.getByRole("img", { name: /^Gap chart/ });
  const cssWidth = await canvas.evaluate((c) => c.getBoundingClientRect().width);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download Gap chart as PNG" }).click();
  const file = await (await download).path();
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(Math.round(cssWidth * 2));

  // In print, the charts switch to their light colours (the page prints on white).
  await page.emulateMedia({ media: "print" });
  await expect
    .poll(() => canvas.evaluate((c) => [...c.getContext("2d").getImageData(2, 2, 1, 1).data].slice(0, 3).join()))
    .toBe("255,255,255");
  const pdf = await page.pdf({ format: "A4" });
  if (process.env.RESULTS_PDF) fs.writeFileSync(process.env.RESULTS_PDF, pdf);
  // Every chart is in the PDF as an image of at least 1,000 pixels across.
  const widths = [...pdf.toString("latin1").matchAll(/\/Subtype \/Image\s*\/Width (\d+)/g)].map((m) => +m[1]);
  expect(widths.filter((w) => w >= 1000).length).toBeGreaterThanOrEqual(4);
});

for (const scheme of ["light", "dark"]) {
  test(`the results have no accessibility violations (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await fillAndOpenResults(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}

test("on a phone the gap chart fits the screen, nothing scrolls sideways, and a wider window redraws it", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await fillAndOpenResults(page);
  const canvas = page.getByRole("img", { name: /^Gap chart/ });
  expect(await canvas.evaluate((c) => c.getBoundingClientRect().width)).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Widening the window redraws the chart to the new width.
  await page.setViewportSize({ width: 1000, height: 740 });
  await expect.poll(() => canvas.evaluate((c) => c.getBoundingClientRect().width)).toBeGreaterThan(600);
});
