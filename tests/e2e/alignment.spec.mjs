// Alignment, waves and the partner portfolio on generated data sets with planted differences:
// the views find what was planted, agree with the CLI, and are accessible in both languages
// and themes.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { cli, DEFAULT_SURVEY as SURVEY } from "./cli.mjs";
import fs from "node:fs";


async function download(page, name) {
  const done = page.waitForEvent("download");
  await page.getByRole("button", { name }).click();
  const file = await done;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8").replace(/^\ufeff/, "") };
}

const tableRows = (page, id) =>
  page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));

const axeClean = async (page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

// The vendor (4 answers) sees five ratings differently from its partners: three elements it
// rates 3 points less important, two it rates its own performance 3 points higher on.
const PLANTED_VENDOR = [
  ["deal-registration", "importance", -3, "Deal registration"],
  ["training", "importance", -3, "Training"],
  ["support-staff", "importance", -3, "Support staff"],
  ["competitive-pricing", "performance", 3, "Competitive pricing"],
  ["reputation", "performance", 3, "Reputation"],
];

test("the vendor's view against its partners names the five planted disagreements", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const partners = testInfo.outputPath("partners.json");
  const vendor = testInfo.outputPath("vendor.json");
  fs.writeFileSync(partners, cli("generate", "--survey", SURVEY, "--count", "200", "--seed", "21"));
  const shifts = PLANTED_VENDOR.flatMap(([id, rated, by]) => ["--shift", `${id}:${rated}:${by}`]);
  fs.writeFileSync(vendor, cli("generate", "--survey", SURVEY, "--count", "4", "--seed", "24", "--side", "vendor", ...shifts));
  const alignment = JSON.parse(cli("align", "--survey", SURVEY, partners, vendor));
  const alignmentCsv = cli("align", "--survey", SURVEY, "--format", "csv", partners, vendor);

  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles([partners, vendor]);
  await expect(page.getByText("Added: 204.", { exact: false })).toBeVisible();
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.getByRole("radio", { name: "Vendor and partners" }).check();
  await expect(page.getByText("Vendor answers: 4. Partner answers: 200.")).toBeVisible();

  // The five sentences are the planted ratings, each "far" and in the planted direction:
  // importance planted lower means partners rate it more important; performance planted
  // higher means partners rate it lower.
  const items = page.getByRole("list").filter({ has: page.getByText("Partners rate") }).getByRole("listitem");
  await expect(items).toHaveCount(5);
  const sentences = await items.allTextContents();
  const expected = PLANTED_VENDOR.map(([, rated, , label]) =>
    rated === "importance" ? `Partners rate ${label} far more important than you do` : `Partners rate your performance on ${label} far lower than you do`,
  );
  expect(sentences.map((s) => s.replace(/ \(.*$/, "")).sort()).toEqual(expected.sort());
  // Each names both means, the partners' first, as the CLI computes them.
  for (const sentence of sentences) {
    const [, partnersMean, vendorMean] = sentence.match(/\((\d\.\d) vs (\d\.\d)\)\.$/);
    const planted = PLANTED_VENDOR.find(([, , , label]) => sentence.includes(label));
    const e = alignment.elements.find((x) => x.id === planted[0]);
    expect([partnersMean, vendorMean]).toEqual([e[`partner_${planted[1]}`].toFixed(1), e[`vendor_${planted[1]}`].toFixed(1)]);
  }
  await expect(page.getByText(/^Importance: Spearman ρ = -?\d\.\d\d\./)).toBeVisible();
  await expect(page.getByText(/^Performance: Spearman ρ = -?\d\.\d\d\./)).toBeVisible();
  // The chart's table carries every element with the partners' mean.
  await expect(page.locator("#dash-alignment-chart-table tbody tr")).toHaveCount(28);
  const download1 = await download(page, "Download the alignment (CSV)");
  expect(download1.name).toMatch(/-alignment\.csv$/);
  expect(download1.text).toBe(alignmentCsv);
  expect(JSON.parse((await download(page, "Download the alignment (JSON)")).text)).toEqual(alignment);
  expect(requests).toEqual([]);
  await axeClean(page);

  // Per segment: the vendor against EMEA partners only.
  const emea = JSON.parse(fs.readFileSync(partners, "utf8")).filter((r) => r.profile.region === "emea").length;
  await page.getByLabel("Region", { exact: true }).selectOption("emea");
  await expect(page.getByText(`Vendor answers: 4. Partner answers: ${emea}.`)).toBeVisible();
  await expect(items).toHaveCount(5);
  // The side filter leaves both sides in place.
  await page.getByLabel("Region", { exact: true }).selectOption("");
  await page.getByLabel("Side", { exact: true }).selectOption("vendor");
  await expect(page.getByText("Vendor answers: 4. Partner answers: 200.")).toBeVisible();
  await page.getByLabel("Side", { exact: true }).selectOption("");

  await page.emulateMedia({ colorScheme: "dark" });
  await axeClean(page);
  await page.getByLabel("Language").selectOption("de");
  await page.getByRole("radio", { name: "Anbieter und Partner" }).check();
  await expect(page.getByText("Antworten des Anbieters: 4. Antworten von Partnern: 200.")).toBeVisible();
  const german = page.getByRole("list").filter({ has: page.getByText("Partner halten") }).getByRole("listitem");
  await expect(page.getByRole("listitem").filter({ hasText: /^Partner (halten|bewerten)/ })).toHaveCount(5);
  await expect(german.first()).toContainText("viel");
  await axeClean(page);
});

// 2026 against 2025, 300 partners each: four elements planted to change quadrant.
const PLANTED_WAVES = [
  ["relevance", 1.5, "Relevance", "Concentrate here", "Keep up the good work"],
  ["marketing-materials", 1.5, "Marketing materials", "Low priority", "Possible overkill"],
  ["ordering", -1.5, "Ordering", "Keep up the good work", "Concentrate here"],
  ["partner-conference", -1.5, "Partner conference", "Possible overkill", "Low priority"],
];

test("two waves show the planted quadrant movers, in one data set or two", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const earlier = testInfo.outputPath("wave-2025.json");
  const later = testInfo.outputPath("wave-2026.json");
  fs.writeFileSync(earlier, cli("generate", "--survey", SURVEY, "--count", "300", "--seed", "37", "--wave", "2025"));
  const shifts = PLANTED_WAVES.flatMap(([id, by]) => ["--shift", `${id}:performance:${by}`]);
  // And a planted rise of the NPS: every 2026 partner would recommend the program.
  const planted = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "300", "--seed", "38", "--wave", "2026", ...shifts));
  for (const response of planted) response.items.recommend = 10;
  fs.writeFileSync(later, JSON.stringify(planted));
  const wavesCsv = cli("waves", "--survey", SURVEY, "--earlier", "2025", "--later", "2026", "--format", "csv", earlier, later);

  // The 2025 wave in a data set of its own.
  await page.goto("/dashboard.html");
  const files = page.getByLabel("Files: exports, or arrays of responses");
  await files.setInputFiles(earlier);
  await expect(page.getByText("Added: 300.", { exact: false })).toBeVisible();
  await page.getByLabel("Name of the data set").fill("Survey 2025");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByLabel("Data set", { exact: true }).locator("option:checked")).toHaveText("Survey 2025 (300 responses)");
  await page.getByRole("button", { name: "New data set" }).click();
  await files.setInputFiles(later);
  await expect(page.getByText("Added: 300.", { exact: false })).toBeVisible();

  // One wave here: the view says how to get another.
  await page.getByRole("radio", { name: "Waves" }).check();
  await expect(page.getByText("This data set holds only one wave.", { exact: false })).toBeVisible();
  // The earlier wave from the other data set.
  await page.getByLabel("Earlier wave from").selectOption({ label: "Survey 2025" });
  await expect(page.getByRole("heading", { name: "Waves: 2025 (Survey 2025) against 2026" })).toBeVisible();
  const movers = page.getByRole("region", { name: "Elements that moved quadrant" }).getByRole("listitem");
  // Each planted move holds up: its gap changed by far more than chance.
  const expectedMovers = PLANTED_WAVES.map(([, , label, from, to]) => `${label}: ${from} → ${to} (adjusted p < 0.001)`);
  await expect(movers).toHaveText(expectedMovers);

  // The same two waves in one data set: add 2025 to this one.
  await page.getByLabel("Earlier wave from").selectOption({ label: "This data set" });
  await files.setInputFiles(earlier);
  await expect(page.getByText("Added: 300.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Waves: 2025 against 2026" })).toBeVisible();
  await expect(page.getByText("Partner answers in 2025: 300; in 2026: 300.", { exact: false })).toBeVisible();
  await expect(movers).toHaveText(expectedMovers);
  await expect(page.locator("p.nps")).toHaveText(
    /^Net Promoter Score: 2025 \S+ \(n = \d+\), 2026 \+100\.0 \(n = 300\)\. This change is more than chance \(Welch's test, p < 0\.001\)\.$/,
  );
  // Planted changes in performance show in the table with their sign.
  const rows = await tableRows(page, "dash-waves-chart-table");
  for (const [, by, label] of PLANTED_WAVES) {
    const row = rows.find((r) => r[1] === label);
    expect(Math.sign(Number(row[5])), label).toBe(Math.sign(by));
  }
  await expect(page.getByText("Every element with data has it in both waves.")).toBeVisible();
  expect((await download(page, "Download the wave comparison (CSV)")).text).toBe(wavesCsv);
  const wavesJson = JSON.parse(cli("waves", "--survey", SURVEY, "--earlier", "2025", "--later", "2026", earlier, later));
  expect(JSON.parse((await download(page, "Download the wave comparison (JSON)")).text)).toEqual(wavesJson);
  await axeClean(page);
  // A partner answers once per wave: the portfolio counts the latest wave's 300, and says so.
  await page.getByRole("radio", { name: "Partner portfolio" }).check();
  await expect(page.getByText("Wave 2026 only, the latest: partners answer once per wave.", { exact: false })).toBeVisible();
  await expect(page.getByText("300 partners with both revenue figures; 0 without.", { exact: false })).toBeVisible();
  await page.getByRole("radio", { name: "Waves" }).check();

  // Picked by hand: the same wave twice compares nothing; the other way round, 2026 to 2025.
  await page.getByLabel("Earlier wave", { exact: true }).selectOption("2026");
  await expect(page.getByText("Pick two different waves to compare.")).toBeVisible();
  await page.getByLabel("Later wave").selectOption("2025");
  await expect(page.getByRole("heading", { name: "Waves: 2026 against 2025" })).toBeVisible();
  await expect(movers).toHaveText(PLANTED_WAVES.map(([, , label, from, to]) => `${label}: ${to} → ${from} (adjusted p < 0.001)`));
  await page.getByLabel("Earlier wave", { exact: true }).selectOption("2025");
  await page.getByLabel("Later wave").selectOption("2026");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByRole("heading", { name: "Wellen: 2025 im Vergleich zu 2026" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Elemente, die den Quadranten gewechselt haben" }).getByRole("listitem")).toHaveCount(4);
  await axeClean(page);
});

test("the portfolio places partners by revenue and names those without", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath("partners.json");
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "60", "--seed", "8"));
  // Two partners gave no revenue figures, one only its current revenue.
  responses[0].profile.partner_name = "No Figures Ltd";
  delete responses[0].profile.revenue_current;
  delete responses[0].profile.revenue_potential;
  responses[1].profile.partner_name = "Half Figures GmbH";
  delete responses[1].profile.revenue_potential;
  fs.writeFileSync(file, JSON.stringify(responses));
  const portfolioCsv = cli("portfolio", "--survey", SURVEY, "--format", "csv", file);

  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("Added: 60.", { exact: false })).toBeVisible();
  await page.getByRole("radio", { name: "Partner portfolio" }).check();
  await expect(page.getByText("58 partners with both revenue figures; 2 without.")).toBeVisible();
  const missing = page.getByRole("region", { name: "Partners without revenue figures (2)" });
  await expect(missing.getByRole("listitem")).toHaveText(["No Figures Ltd", "Half Figures GmbH"]);
  // The largest headroom first, in a table of its own: the text alternative to the points.
  const top = await tableRows(page, "headroom-table");
  const placed = responses.filter((r) => r.profile.revenue_current !== undefined && r.profile.revenue_potential !== undefined);
  const largest = placed.reduce((a, b) => (b.profile.revenue_potential - b.profile.revenue_current > a.profile.revenue_potential - a.profile.revenue_current ? b : a));
  expect(top).toHaveLength(25);
  expect(top[0][0]).toBe(largest.profile.partner_name);
  expect(top[0][5]).toBe((largest.profile.revenue_potential - largest.profile.revenue_current).toLocaleString("en-US"));
  // The category table adds up to the 58 placed partners.
  const rows = await tableRows(page, "dash-portfolio-chart-table");
  expect(rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(58);
  await expect(page.getByRole("img", { name: /^58 partners by current and potential revenue\./ })).toBeVisible();
  expect((await download(page, "Download the portfolio (CSV)")).text).toBe(portfolioCsv);
  const portfolioJson = JSON.parse(cli("portfolio", "--survey", SURVEY, file));
  expect(JSON.parse((await download(page, "Download the portfolio (JSON)")).text)).toEqual(portfolioJson);
  const png = await download(page, "Download Current against potential revenue as PNG");
  expect(png.name).toBe("dash-portfolio-chart.png");
  await axeClean(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByText("58 Partner mit beiden Umsatzangaben; 2 ohne.")).toBeVisible();
  await axeClean(page);
});

test("the executive summary holds the counts, PXI and NPS with intervals, and only what holds up", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const earlier = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "300", "--seed", "37", "--wave", "2025"));
  const waveShifts = PLANTED_WAVES.flatMap(([id, by]) => ["--shift", `${id}:performance:${by}`]);
  const later = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "300", "--seed", "38", "--wave", "2026", ...waveShifts));
  const vendorShifts = PLANTED_VENDOR.flatMap(([id, rated, by]) => ["--shift", `${id}:${rated}:${by}`]);
  const vendor = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "4", "--seed", "24", "--side", "vendor", "--wave", "2026", ...vendorShifts));
  const file = testInfo.outputPath("summary.json");
  fs.writeFileSync(file, JSON.stringify([...earlier, ...later, ...vendor]));
  const aggregate = JSON.parse(cli("aggregate", "--survey", SURVEY, file));
  const drivers = JSON.parse(cli("drivers", "--survey", SURVEY, file));

  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("604 of 604 responses match the filters.")).toBeVisible();
  await page.getByRole("radio", { name: "Executive summary" }).check();
  await expect(page).toHaveURL(/#summary$/);
  await expect(page.getByRole("heading", { name: /^Executive summary: / })).toBeVisible();
  await expect(page.getByText("604 responses, 600 of them from partners.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Responses by Region" }).locator("tbody tr")).toHaveCount(5);
  const one = (v) => (Math.sign(v) * Math.round(Math.abs(v) * 10) / 10).toFixed(1);
  await expect(page.locator("p.pxi")).toHaveText(new RegExp(`^Partner Experience Index: ${one(aggregate.overall.pxi)} of 100 \\(95% interval \\d+\\.\\d to \\d+\\.\\d\\)\\.$`));
  await expect(page.locator("p.nps")).toContainText(`from ${drivers.nps.n} partners: ${drivers.nps.promoters} promoters`);
  // The priorities: "Concentrate here", clearly, largest gap first, at most five.
  const clear = aggregate.overall.elements
    .filter((e) => e.quadrant === "concentrate_here" && e.clear_quadrant === true)
    .sort((a, b) => a.gap_rank - b.gap_rank)
    .slice(0, 5);
  const priorities = page.locator('section[aria-labelledby="summary-priorities"] li');
  await expect(priorities).toHaveCount(clear.length);
  // The changes since 2025: every planted one, each with its adjusted p-value.
  const changes = page.locator('section[aria-labelledby="summary-changes"] li');
  await expect(page.getByRole("heading", { name: "Changes since 2025" })).toBeVisible();
  for (const [, , label] of PLANTED_WAVES) await expect(changes.filter({ hasText: `${label}: gap ` })).toHaveCount(1);
  for (const text of await changes.allTextContents()) expect(text).toMatch(/\(adjusted p (< 0\.001|= 0\.0[0-4]\d)\)$/);
  // The NPS of both waves, and whether its change is more than chance, as `partnerlens waves` has it.
  const waves = JSON.parse(cli("waves", "--survey", SURVEY, "--earlier", "2025", "--later", "2026", file));
  const signed = (v) => (v > 0 ? "+" : "") + one(v);
  const p = waves.nps_change.p;
  const relation = p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
  const verdict = p < 0.05
    ? `This change is more than chance (Welch's test, p ${relation}).`
    : `This change is within chance (Welch's test, p ${relation}), so it is not a finding.`;
  await expect(page.locator("p.nps-change")).toHaveText(
    `Net Promoter Score: 2025 ${signed(waves.earlier_nps.score)} (n = ${waves.earlier_nps.n}), ` +
      `2026 ${signed(waves.later_nps.score)} (n = ${waves.later_nps.n}). ${verdict}`,
  );
  // The vendor's five largest disagreements are the five planted ones.
  const disagreements = page.locator('section[aria-labelledby="summary-disagreements"] li');
  await expect(disagreements).toHaveCount(5);
  for (const [, , , label] of PLANTED_VENDOR) await expect(disagreements.filter({ hasText: label })).toHaveCount(1);
  // Its download is what `partnerlens summary` writes.
  const json = await download(page, "Download the summary (JSON)");
  expect(json.name).toMatch(/-summary\.json$/);
  const summary = JSON.parse(json.text);
  expect(summary).toEqual(JSON.parse(cli("summary", "--survey", SURVEY, file)));
  expect(summary.priorities.map((e) => e.id)).toEqual(clear.map((e) => e.id));
  expect(summary.disagreements.map((d) => d.id).sort()).toEqual(PLANTED_VENDOR.map(([id]) => id).sort());
  await axeClean(page);
  // Printed, the page is the summary: the controls are left out.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".filters")).toBeHidden();
  await expect(page.locator("fieldset.view-switch")).toBeHidden();
  await expect(page.locator(".print-action")).toBeHidden();
  await expect(page.getByRole("heading", { name: /^Executive summary: / })).toBeVisible();
});
