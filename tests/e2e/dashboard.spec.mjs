// The vendor dashboard on 200 generated responses from the survey's 4 regions: every number it
// shows or exports agrees with `partnerlens aggregate` and `partnerlens rank` on the same file,
// and the data set survives a reload.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { cli, DEFAULT_SURVEY as SURVEY } from "./cli.mjs";
import fs from "node:fs";


/** One decimal, halves away from zero, as the app writes it. */
const decimal = (value) => {
  if (value === null || value === undefined) return "–";
  const tenths = Math.sign(value) * Math.round(Math.abs(value) * 10);
  const text = (Math.abs(tenths) / 10).toFixed(1);
  return tenths < 0 ? `-${text}` : text;
};

async function download(page, name) {
  const done = page.waitForEvent("download");
  await page.getByRole("button", { name }).click();
  const file = await done;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") };
}

const tableRows = (page, id) =>
  page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));

test("the dashboard agrees with the CLI on 200 responses from 4 regions, and keeps them", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath("responses.json");
  fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "200", "--seed", "11"));
  const byRegion = JSON.parse(cli("aggregate", "--survey", SURVEY, file, "--by", "region"));
  const aggregateCsv = cli("aggregate", "--survey", SURVEY, file, "--by", "region", "--format", "csv");
  const rankingCsv = cli("rank", "--survey", SURVEY, file, "--format", "csv");
  expect(byRegion.groups.map((g) => g.key)).toEqual(["americas", "apac", "emea", "latam"]);

  const requests = [];
  await page.goto("/dashboard.html");
  // The heading comes with the HTML; the file picker, once the wasm has loaded and started.
  await expect(page.getByLabel("Files: exports, or arrays of responses")).toBeVisible();
  page.on("request", (request) => requests.push(request.url()));
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("Added: 200. Already in the set: 0. Of another survey: 0. Not readable: 0.")).toBeVisible();
  await expect(page.getByText("200 of 200 responses match the filters.")).toBeVisible();
  // The view is there for its gap chart: drawn at once, though it starts two screens down.
  await expect(page.locator("section[aria-labelledby=dash-gap-chart] canvas")).toHaveAttribute("data-draw-ms", /\d/);
  expect(await page.evaluate(() => [scrollY, document.querySelector("section[aria-labelledby=dash-gap-chart] canvas").getBoundingClientRect().top > 2 * innerHeight])).toEqual([0, true]);
  // Reading, scoring and exporting fetch nothing.
  expect(requests).toEqual([]);

  // Per-element means: the gap chart's table against the CLI's overall summary.
  const elements = byRegion.overall.elements;
  const gapRows = await tableRows(page, "dash-gap-chart-table");
  const plotted = elements.filter((e) => e.importance !== null && e.performance !== null);
  expect(gapRows).toHaveLength(plotted.length);
  gapRows.forEach((row, i) => {
    const e = plotted[i];
    expect([row[3], row[4], row[5], row[7]]).toEqual([decimal(e.importance), decimal(e.performance), decimal(e.gap), String(e.n)]);
    // The gap's 95 % interval, and a quadrant named "not clearly" where an interval crosses.
    expect(row[10]).toBe(`${decimal(e.gap_ci.low)} to ${decimal(e.gap_ci.high)}`);
    expect(row[6].includes("not clearly")).toBe(e.clear_quadrant === false);
  });
  // Two hundred partners still leave some elements near the crosshair: the marks say which.
  expect(plotted.some((e) => e.clear_quadrant === false)).toBe(true);
  // The intervals as error bars: the chart is drawn again with them.
  const chart = page.locator('section[aria-labelledby="dash-gap-chart"] canvas');
  const before = await chart.evaluate((canvas) => canvas.toDataURL());
  await page.getByLabel("Show 95% intervals as error bars").check();
  await expect.poll(() => chart.evaluate((canvas) => canvas.toDataURL())).not.toBe(before);

  // The region comparison: each region's gap per element.
  const segmentRows = await tableRows(page, "dash-segments-table");
  expect(segmentRows).toHaveLength(elements.length);
  segmentRows.forEach((row, i) => {
    expect(row.slice(1)).toEqual(byRegion.groups.map((g) => decimal(g.summary.elements[i].gap)));
  });

  // The exports are the CLI's output, byte for byte after the byte-order mark.
  const aggregate = await download(page, "Download the results (CSV)");
  expect(aggregate.text.replace(/^\ufeff/, "")).toBe(aggregateCsv);
  const ranking = await download(page, "Download the ranking (CSV)");
  expect(ranking.text.replace(/^\ufeff/, "")).toBe(rankingCsv);

  // The ranking's first page, in the CLI's order.
  const ranked = rankingCsv.trim().split("\n").slice(1).map((line) => line.split(","));
  const names = await page.locator("#ranking-table tbody th").allTextContents();
  expect(names).toEqual(ranked.slice(0, 25).map((r) => r[2]));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#ranking-table tbody th").first()).toHaveText(ranked[25][2]);

  // A C's column sorts the highest first, and says so; again, the lowest first.
  const consumption = page.getByRole("columnheader", { name: "Consumption" });
  await consumption.getByRole("button").click();
  await expect(consumption).toHaveAttribute("aria-sort", "descending");
  const column = rankingCsv.split("\n")[0].split(",").indexOf("consumption");
  const scores = ranked.map((r) => r[column]).filter((v) => v !== "").map(Number).sort((a, b) => b - a);
  await expect(page.locator("#ranking-table tbody tr").first().locator("td").nth(5)).toHaveText(decimal(scores[0]));
  await consumption.getByRole("button").click();
  await expect(consumption).toHaveAttribute("aria-sort", "ascending");
  await expect(page.locator("#ranking-table tbody tr").first().locator("td").nth(5)).toHaveText(decimal(scores.at(-1)));
  await page.getByRole("columnheader", { name: "Rank", exact: true }).getByRole("button").click();

  // A filter applies to every view: EMEA alone.
  const emea = byRegion.groups.find((g) => g.key === "emea").summary;
  await page.getByLabel("Region", { exact: true }).selectOption("emea");
  await expect(page.getByText(`${emea.responses} of 200 responses match the filters.`)).toBeVisible();
  const emeaRows = await tableRows(page, "dash-gap-chart-table");
  expect(emeaRows[0][3]).toBe(decimal(emea.elements[0].importance));

  // Compared by partner type, the six largest of many types are shown until the user picks.
  // (Within EMEA, most types hold fewer than 5 partners and are withheld: all 200 here.)
  await page.getByLabel("Region", { exact: true }).selectOption("");
  await page.getByLabel("Compare by").selectOption("type");
  await expect(page.getByRole("heading", { name: "Gaps by Partner type" })).toBeVisible();
  await expect(page.locator("#dash-segments-table thead th")).toHaveCount(1 + 6);
  await expect(page.getByRole("group", { name: "Segments to compare" }).getByRole("checkbox", { checked: true })).toHaveCount(6);
  await page.getByLabel("Compare by").selectOption("region");

  // A partner's own results open from the ranking.
  await page.getByRole("button", { name: `Open the results of ${ranked[0][2]}` }).click();
  await expect(page.getByRole("heading", { name: "Results" })).toBeFocused();
  await expect(page.getByRole("heading", { level: 2, name: `${ranked[0][2]} · 2026` })).toBeVisible();
  await page.getByRole("button", { name: "Back to the dashboard" }).click();

  // A reload keeps the data set, which the assessments list never shows.
  await page.reload();
  await expect(page.getByLabel("Data set", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByText("200 of 200 responses match the filters.")).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("partnerlens.assessment.")))).toEqual([]);
});

test("data sets are renamed, kept apart and deleted, and the dashboard is accessible", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath("responses.json");
  fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "30", "--seed", "5"));
  await page.goto("/dashboard.html");
  await expect(page.getByText("No data set yet.", { exact: false })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const files = page.getByLabel("Files: exports, or arrays of responses");
  await files.setInputFiles(file);
  await expect(page.getByText("Added: 30.", { exact: false })).toBeVisible();
  // The same file again adds nothing.
  await files.setInputFiles(file);
  await expect(page.getByText("Added: 0. Already in the set: 30.", { exact: false })).toBeVisible();

  await page.getByLabel("Name of the data set").fill("EMEA partners 2026");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByLabel("Data set", { exact: true }).locator("option:checked")).toHaveText("EMEA partners 2026 (30 responses)");

  // Links that do not open, added to a new set, create no set: bad input stores nothing.
  await page.getByRole("button", { name: "New data set" }).click();
  await page.getByLabel("Share links, one per line").fill("not a link\nhttp://127.0.0.1:8091/#r=AAAA");
  await page.getByRole("button", { name: "Add the links" }).click();
  await expect(page.getByText("Added: 0. Already in the set: 0. Of another survey: 0. Not readable: 2.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^Link 1: / })).toBeVisible();
  await expect(page.getByLabel("Data set", { exact: true }).locator("option")).toHaveCount(2);

  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByLabel("Data set", { exact: true }).selectOption({ label: "EMEA partners 2026 (30 responses)" });
    await expect(page.getByText("30 of 30 responses match the filters.")).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    // One partner's results, opened from the ranking.
    await page.locator("#ranking-table tbody th button").first().click();
    await expect(page.getByRole("heading", { name: "Results" })).toBeFocused();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole("button", { name: "Back to the dashboard" }).click();
  }

  page.on("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete data set" }).click();
  await expect(page.getByText("No data set yet.", { exact: false })).toBeVisible();
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByRole("heading", { level: 1, name: "Partner-Dashboard" })).toBeVisible();
});

const FILES = "Files: exports, or arrays of responses";
const addStatus = (page) => page.locator("section.add-responses").getByRole("status");

test("two tabs adding to one data set keep both tabs' responses", async ({ context }, testInfo) => {
  test.setTimeout(120_000);
  const files = [1, 2, 3].map((seed) => {
    const file = testInfo.outputPath(`seed-${seed}.json`);
    fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "20", "--seed", String(seed)));
    return file;
  });
  const a = await context.newPage();
  await a.goto("/dashboard.html");
  await a.getByLabel(FILES).setInputFiles(files[0]);
  await expect(a.getByText("20 of 20 responses match the filters.")).toBeVisible();
  // "Added" is reported once the set is stored.
  await expect(addStatus(a)).toContainText("Added: 20.");
  // The second tab opens the set as it is now; then the first adds to it.
  const b = await context.newPage();
  await b.goto("/dashboard.html");
  await expect(b.getByText("20 of 20 responses match the filters.")).toBeVisible();
  await a.getByLabel(FILES).setInputFiles(files[1]);
  await expect(a.getByText("40 of 40 responses match the filters.")).toBeVisible();
  await expect(addStatus(a)).toContainText("Added: 20.");
  // The second tab's copy is older than the stored set: its addition goes onto the stored one.
  await b.getByLabel(FILES).setInputFiles(files[2]);
  await expect(b.getByText("60 of 60 responses match the filters.")).toBeVisible();
  await expect(addStatus(b)).toContainText("Added: 20.");
  await a.reload();
  await expect(a.getByText("60 of 60 responses match the filters.")).toBeVisible();
  await expect(a.getByLabel("Data set", { exact: true }).locator("option")).toHaveCount(2);
});

test("each file the dashboard refuses says why, and one of millions of entries leaves the page working", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // 24 MB of zeros: twelve million entries, which once took the page down.
  const zeros = testInfo.outputPath("zeros.json");
  fs.writeFileSync(zeros, `[${"0,".repeat(12_000_000)}0]`);
  const notes = testInfo.outputPath("notes.txt");
  fs.writeFileSync(notes, "hello");
  const mixed = testInfo.outputPath("mixed.json");
  fs.writeFileSync(mixed, JSON.stringify([...JSON.parse(cli("generate", "--survey", SURVEY, "--count", "2", "--seed", "7")), 42]));
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/dashboard.html");
  await page.getByLabel(FILES).setInputFiles([zeros, notes, mixed]);
  const status = addStatus(page);
  await expect(status).toContainText("Added: 2. Already in the set: 0. Of another survey: 0. Not readable: 3.", { timeout: 60_000 });
  await expect(status.getByRole("listitem")).toHaveText([
    "zeros.json: The file holds more than 100,000 entries. Split it into several files.",
    /^notes\.txt: The file is not JSON\. Choose a file exported from PartnerLens\. \(.+\)$/,
    /^mixed\.json, entry 3: not PartnerLens answers \(.+\)$/,
  ]);
  // Two partners are fewer than the anonymity threshold: the page says so, and works on.
  await expect(page.getByRole("status").filter({ hasText: "Withheld: this view would show fewer than 5" })).toBeVisible();
  await expect(page.getByLabel("Data set", { exact: true }).locator("option:checked")).toContainText("(2 responses)");
  expect(errors).toEqual([]);
});

test("the dashboard names the saved entries of this browser it cannot add", async ({ page }) => {
  await page.goto("/dashboard.html");
  await page.evaluate(() =>
    localStorage.setItem(
      "partnerlens.assessment.future",
      JSON.stringify({ storage_version: 7, response: { profile: { partner_name: "Future GmbH", wave: "2031" } } }),
    ),
  );
  await page.getByRole("button", { name: "Add the assessments saved in this browser" }).click();
  const status = addStatus(page);
  await expect(status).toContainText("Added: 0. Already in the set: 0. Of another survey: 0. Not readable: 1.");
  await expect(status.getByRole("listitem")).toHaveText([
    /^Future GmbH, 2031: a newer version of PartnerLens saved this entry \(storage version 7\)\./,
  ]);
  // Listing it changed nothing.
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => /^partnerlens\.(assessment|quarantine)\./.test(k))),
  ).toEqual(["partnerlens.assessment.future"]);
});

test("every export of 10,000 responses downloads whole and reads back", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const generate = (count, seed, ...more) =>
    JSON.parse(cli("generate", "--survey", SURVEY, "--count", String(count), "--seed", String(seed), ...more));
  // Two waves and five vendor answers, so that every view has something to export.
  const all = [...generate(5000, 41, "--wave", "2025"), ...generate(4995, 42), ...generate(5, 43, "--side", "vendor")];
  const file = testInfo.outputPath("responses-10000.json");
  fs.writeFileSync(file, JSON.stringify(all));
  const json = (command, ...more) => JSON.parse(cli(command, "--survey", SURVEY, file, ...more));

  await page.goto("/dashboard.html");
  await page.getByLabel(FILES).setInputFiles(file);
  await expect(page.getByText("Added: 10000.", { exact: false })).toBeVisible({ timeout: 60_000 });
  const csvRows = (download) => download.text.replace(/^\ufeff/, "").trimEnd().split("\n").length;

  const answers = await download(page, "Download all answers (JSON)");
  expect(JSON.parse(answers.text)).toEqual(all);
  // A header, then one row per rated element (28 and 7 principles) of each response.
  expect(csvRows(await download(page, "Download all answers (CSV)"))).toBe(1 + 10_000 * 35);
  expect(JSON.parse((await download(page, "Download the results (JSON)")).text)).toEqual(json("aggregate", "--by", "region"));
  const ranking = json("rank");
  expect(JSON.parse((await download(page, "Download the ranking (JSON)")).text)).toEqual(ranking);
  expect(csvRows(await download(page, "Download the ranking (CSV)"))).toBe(1 + ranking.partners.length);

  await page.getByRole("radio", { name: "Vendor and partners" }).check();
  expect(JSON.parse((await download(page, "Download the alignment (JSON)")).text)).toEqual(json("align"));
  expect(csvRows(await download(page, "Download the alignment (CSV)"))).toBeGreaterThan(28);
  await page.getByRole("radio", { name: "Waves" }).check();
  expect(JSON.parse((await download(page, "Download the wave comparison (JSON)")).text)).toEqual(
    json("waves", "--earlier", "2025", "--later", "2026"),
  );
  expect(csvRows(await download(page, "Download the wave comparison (CSV)"))).toBeGreaterThan(28);
  await page.getByRole("radio", { name: "Partner portfolio" }).check();
  const portfolio = json("portfolio");
  expect(JSON.parse((await download(page, "Download the portfolio (JSON)")).text)).toEqual(portfolio);
  expect(csvRows(await download(page, "Download the portfolio (CSV)"))).toBeGreaterThan(1);
});

test("a planted regional difference holds up, with its adjusted p-value, and chance differences are not findings", async ({ page }, testInfo) => {
  // EMEA's partners find leads unimportant and well served; everyone else answers as generated.
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "120", "--seed", "21"));
  for (const r of responses) {
    if (r.profile.region === "emea") r.ratings.leads = { importance: 1, performance: 5 };
  }
  const file = testInfo.outputPath("planted.json");
  fs.writeFileSync(file, JSON.stringify(responses));
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("120 of 120 responses match the filters.")).toBeVisible();
  const differs = page.locator('section[aria-labelledby="differs-title"]');
  const leads = differs.locator("li").filter({ hasText: /^Leads – / });
  await expect(leads).toContainText("Europe, Middle East and Africa: Possible overkill");
  await expect(leads).toContainText("(adjusted p < 0.001)");
  // Every finding listed carries its adjusted p-value, below 0.05.
  const adjustedBelow5 = /\(adjusted p (< 0\.001|= 0\.0[0-4]\d)\)$/;
  for (const text of await differs.locator("li").allTextContents()) expect(text).toMatch(adjustedBelow5);
  // EMEA is the best practice for leads, and it holds up; so does every best listed.
  const best = page.locator('section[aria-labelledby="best-title"] li');
  for (const text of await best.allTextContents()) expect(text).toMatch(adjustedBelow5);
  await expect(best.filter({ hasText: /^Leads: Europe, Middle East and Africa \(5\.0\)/ })).toHaveCount(1);
  // What does not hold up is said once, not listed as a finding.
  await expect(page.locator('section[aria-labelledby="best-title"] p.not-findings')).toContainText("no segment performs better than the other partners by more than chance");
});

test("a segment of 3 partners shows no numbers anywhere, and every export says it is withheld", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // 60 generated partners; exactly three from Latin America, who rate everything 1 and 1.
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "60", "--seed", "31"));
  for (const r of responses) if (r.profile.region === "latam") r.profile.region = "emea";
  for (const r of responses.slice(0, 3)) {
    r.profile.region = "latam";
    for (const id of Object.keys(r.ratings)) r.ratings[id] = { importance: 1, performance: 1 };
  }
  const file = testInfo.outputPath("latam-3.json");
  fs.writeFileSync(file, JSON.stringify(responses));
  const aggregate = (...more) => cli("aggregate", "--survey", SURVEY, file, ...more);
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("60 of 60 responses match the filters.")).toBeVisible();

  // No export row of Latin America's three carries a number: a withheld group is its key
  // and the threshold, and their mean of 1 from n = 3 appears nowhere.
  const noLatamNumbers = (csv) => {
    const rows = csv.replace(/^\ufeff/, "").trimEnd().split("\n").map((line) => line.split(","));
    const header = rows[0];
    for (const row of rows.slice(1)) {
      const field = (name) => row[header.indexOf(name)];
      if (row[0] === "latam") expect(row.slice(1, -1).every((f) => f === "")).toBe(true);
      expect(field("n") === "3" && field("importance") === "1").toBe(false);
    }
  };

  // Compared by region: Latin America is withheld, and so is the next smallest region,
  // which the total would otherwise give away.
  await page.getByLabel("Compare by").selectOption("region");
  const latam = page.getByRole("checkbox", { name: "Latin America (fewer than 5 responses)" });
  await expect(latam).toBeDisabled();
  await expect(latam).not.toBeChecked();
  await expect(page.getByText("Groups of fewer than 5 partners’ responses are withheld")).toBeVisible();
  const byRegion = JSON.parse((await download(page, "Download the results (JSON)")).text);
  expect(byRegion).toEqual(JSON.parse(aggregate("--by", "region")));
  expect(byRegion.groups.find((g) => g.key === "latam").summary).toEqual({ withheld: { fewer_than: 5 } });
  expect(byRegion.groups.filter((g) => g.summary.withheld)).toHaveLength(2);
  const csv = (await download(page, "Download the results (CSV)")).text;
  expect(csv.replace(/^\ufeff/, "")).toBe(aggregate("--by", "region", "--format", "csv"));
  expect(csv).toContain(`\nlatam${",".repeat(19)}5\n`);
  noLatamNumbers(csv);

  // Filtered to Latin America: the view, its chart, its exports and the alignment hold nothing.
  await page.getByLabel("Compare by").selectOption("");
  await page.getByLabel("Region", { exact: true }).selectOption("latam");
  const status = page.getByRole("status").filter({ hasText: "Withheld" });
  await expect(status).toContainText("this view would show fewer than 5 partners’ responses");
  await expect(page.getByText(/3 of 60/)).toHaveCount(0);
  await expect(page.locator("#dash-gap-chart")).toHaveCount(0);
  const filtered = JSON.parse((await download(page, "Download the results (JSON)")).text);
  expect(filtered.overall).toEqual({ withheld: { fewer_than: 5 } });
  noLatamNumbers((await download(page, "Download the results (CSV)")).text);
  // Neither the overall verdict nor the drivers, nor their download, nor the summary.
  await expect(page.locator('section[aria-labelledby="verdict-title"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Download the drivers (CSV)" })).toHaveCount(0);
  // The ranking names partners on purpose, and says so.
  await expect(page.getByText("This table names each partner on purpose")).toBeVisible();
  await page.getByRole("radio", { name: "Vendor and partners" }).check();
  await expect(page.locator("p.notice").filter({ hasText: "Withheld: this view would show fewer than 5" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download the alignment (CSV)" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Download the alignment (JSON)" })).toBeDisabled();
  await page.getByRole("radio", { name: "Executive summary" }).check();
  await expect(page.locator("p.notice").filter({ hasText: "Withheld: this view would show fewer than 5" })).toBeVisible();
  await expect(page.locator("p.pxi")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Download the summary (JSON)" })).toBeDisabled();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

// Opens the dashboard on generated partners, one per row of `groups`: [region, tier, type],
// the type left as generated when absent.
async function loadPartners(page, testInfo, groups) {
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", String(groups.length), "--seed", "7"));
  responses.forEach((r, i) => {
    const [region, tier, type] = groups[i];
    Object.assign(r.profile, { side: "partner", region, program_tier: tier }, type ? { partner_type: type } : {});
  });
  const file = testInfo.outputPath("partners.json");
  fs.writeFileSync(file, JSON.stringify(responses));
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText(`${groups.length} of ${groups.length} responses match the filters.`)).toBeVisible();
}

test("a view one filter choice away from a few partners is withheld, and its download says so", async ({ page }, testInfo) => {
  // 30 partners: in EMEA 8 gold and 4 silver, in the Americas 18 gold (docs/scoring.md,
  // worked example 7). EMEA's gold partners, next to EMEA as a whole, would give away its 4
  // silver partners.
  await loadPartners(page, testInfo, [
    ...Array(8).fill(["emea", "gold"]),
    ...Array(4).fill(["emea", "silver"]),
    ...Array(18).fill(["americas", "gold"]),
  ]);
  const withheld = page.getByRole("status").filter({ hasText: "Withheld" });
  await page.getByLabel("Region", { exact: true }).selectOption("emea");
  await expect(page.getByText("12 of 30 responses match the filters.")).toBeVisible();
  await expect(withheld).toHaveCount(0);
  await page.getByLabel("Program tier", { exact: true }).selectOption("gold");
  await expect(withheld).toContainText("this view would show fewer than 5 partners’ responses");
  await expect(page.locator("#dash-gap-chart")).toHaveCount(0);
  const filtered = JSON.parse((await download(page, "Download the results (JSON)")).text);
  expect(filtered.overall).toEqual({ withheld: { fewer_than: 5 } });
  // The Americas' gold partners: gold everywhere has 8 more, the Americas in every tier none.
  await page.getByLabel("Region", { exact: true }).selectOption("americas");
  await expect(withheld).toHaveCount(0);
  await expect(page.locator("#dash-gap-chart")).toBeVisible();
});

test("views that subtraction would turn into a few partners are withheld: two choices wider, and among siblings", async ({ page }, testInfo) => {
  // After docs/scoring.md, worked example 7. In EMEA 8 gold, 6 silver and 2 registered
  // platform partners, in the Americas 20 gold; in Asia Pacific 10 gold resellers and 3
  // registered integrators. Silver everywhere is EMEA's silver, so only its siblings in EMEA
  // withhold that view.
  await loadPartners(page, testInfo, [
    ...Array(8).fill(["emea", "gold", "platform"]),
    ...Array(6).fill(["emea", "silver", "platform"]),
    ...Array(2).fill(["emea", "registered", "platform"]),
    ...Array(20).fill(["americas", "gold", "platform"]),
    ...Array(10).fill(["apac", "gold", "solution-reseller"]),
    ...Array(3).fill(["apac", "registered", "system-integrator"]),
  ]);
  const withheld = page.getByRole("status").filter({ hasText: "Withheld" });
  const region = page.getByLabel("Region", { exact: true });
  const tier = page.getByLabel("Program tier", { exact: true });

  // EMEA by tier withholds registered (2) and, so that EMEA less gold does not give them
  // away, silver (6): the views of EMEA's silver and registered partners are withheld too.
  await region.selectOption("emea");
  await expect(page.getByText("16 of 49 responses match the filters.")).toBeVisible();
  await page.getByLabel("Compare by").selectOption("tier");
  await expect(page.getByRole("checkbox", { name: "Silver (fewer than 5 responses)" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Gold", exact: true })).toBeEnabled();
  await page.getByLabel("Compare by").selectOption("");
  await tier.selectOption("silver");
  await expect(withheld).toContainText("this view would show fewer than 5 partners’ responses");
  await expect(page.locator("#dash-gap-chart")).toHaveCount(0);
  expect(JSON.parse((await download(page, "Download the results (JSON)")).text).overall).toEqual({ withheld: { fewer_than: 5 } });
  await tier.selectOption("gold");
  await expect(page.getByText("8 of 49 responses match the filters.")).toBeVisible();
  await expect(withheld).toHaveCount(0);
  await expect(page.locator("#dash-gap-chart")).toBeVisible();

  // Asia Pacific's gold resellers (10): each view one choice wider holds the same 10, but
  // Asia Pacific (13), two choices wider, less them is its 3 registered integrators.
  await region.selectOption("apac");
  await page.getByLabel("Partner type", { exact: true }).selectOption("solution-reseller");
  await expect(withheld).toContainText("this view would show fewer than 5 partners’ responses");
  await expect(page.locator("#dash-gap-chart")).toHaveCount(0);
});

test("a planted driver is found and named, with the NPS, and too few partners say so instead", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Partners rate leads unimportant (2), but their overall satisfaction is exactly their
  // rating of its performance: leads moves satisfaction more than partners say.
  const responses = JSON.parse(cli("generate", "--survey", SURVEY, "--count", "120", "--seed", "23"));
  for (const r of responses) {
    const performance = r.ratings.leads?.performance;
    if (performance === undefined || performance === null) delete r.items["overall-satisfaction"];
    else {
      r.ratings.leads = { importance: 2, performance };
      r.items["overall-satisfaction"] = performance;
    }
  }
  const file = testInfo.outputPath("driver.json");
  fs.writeFileSync(file, JSON.stringify(responses));
  const drivers = JSON.parse(cli("drivers", "--survey", SURVEY, file));
  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("120 of 120 responses match the filters.")).toBeVisible();

  const verdict = page.locator('section[aria-labelledby="verdict-title"]');
  const sign = (v) => (v > 0 ? "+" : "") + decimal(v);
  await expect(verdict.locator("p.nps")).toHaveText(
    `Net Promoter Score: ${sign(drivers.nps.score)} (95% interval ${sign(drivers.nps.interval.low)} to ${sign(drivers.nps.interval.high)}), ` +
      `from 120 partners: ${drivers.nps.promoters} promoters, ${drivers.nps.passives} passives, ${drivers.nps.detractors} detractors.`,
  );
  const section = page.locator('section[aria-labelledby="drivers-title"]');
  await expect(section.locator("li").nth(1)).toHaveText(/^Satisfaction moves with these more than partners say they matter: Leads[,.]/);
  await expect(section.locator("tbody tr").first()).toHaveText(/^Leads2\.01\.001\.00 to 1\.00\d+$/);
  const csv = (await download(page, "Download the drivers (CSV)")).text.replace(/^\ufeff/, "");
  expect(csv).toBe(cli("drivers", "--survey", SURVEY, file, "--format", "csv"));
  expect(csv).toMatch(/\nleads,2,1,1,1,\d+,true,hidden_driver\n/);
  // The gap chart's other mode plots derived against stated importance; its table agrees.
  await page.getByRole("radio", { name: "Derived against stated importance" }).check();
  const leadsRow = page.locator("#dash-drivers-chart-table tbody tr").filter({ hasText: "Leads" });
  await expect(leadsRow.locator("td").last()).toHaveText("Hidden drivers");
  await expect(leadsRow).toContainText("1.001.00 to 1.00");
  await expect(page.locator("#dash-gap-chart")).toHaveCount(0);

  // A partner type with fewer than 30 partners: too few for derived importance, and said.
  const counts = {};
  for (const r of responses) counts[r.profile.partner_type] = (counts[r.profile.partner_type] ?? 0) + 1;
  const [few] = Object.entries(counts).find(([, n]) => n >= 5 && n < 30);
  await page.getByLabel("Partner type", { exact: true }).selectOption(few);
  await expect(section.locator("p.notice")).toContainText("Too few partners for a stable estimate: derived importance needs 30 partners");
  await expect(section.locator("ul.drivers-named")).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("what-if weights of the five Cs re-rank partners at once, state themselves in exports, and reset", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath("what-if.json");
  fs.writeFileSync(file, cli("generate", "--survey", SURVEY, "--count", "40", "--seed", "29"));
  const ranking = JSON.parse(cli("rank", "--survey", SURVEY, file));
  expect(ranking.weights.map((w) => w.weight)).toEqual([1, 1, 1, 1, 1]);
  // By hand: the first C which, weighing 3 (or else 0) with the others at 1, puts another
  // partner first.
  const C = ["Contribution", "Consumption", "Coverage", "Capability", "Commitment"];
  const overallUnder = (weights) => (p) => {
    let total = 0, sum = 0;
    p.dimensions.forEach((d, i) => { if (d !== null) { total += d * weights[i]; sum += weights[i]; } });
    return sum > 0 ? total / sum : null;
  };
  const rankUnder = (weights) => {
    const overall = overallUnder(weights);
    return ranking.partners
      .filter((p) => overall(p) !== null)
      .sort((a, b) => overall(b) - overall(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
  };
  const tries = [3, 0].flatMap((w) => C.map((_, c) => C.map((__, i) => (i === c ? w : 1))));
  const weights = tries.find((w) => rankUnder(w)[0].name !== ranking.partners[0].name);
  const moved = weights.findIndex((w) => w !== 1);
  const expected = rankUnder(weights);
  const overall = overallUnder(weights);

  await page.goto("/dashboard.html");
  await page.getByLabel("Files: exports, or arrays of responses").setInputFiles(file);
  await expect(page.getByText("40 of 40 responses match the filters.")).toBeVisible();
  const first = page.locator("#ranking-table tbody tr").first();
  await expect(first).toContainText(ranking.partners[0].name);
  await page.getByLabel(`Weight of ${C[moved]}`).fill(String(weights[moved]));
  await expect(first).toContainText(expected[0].name);
  await expect(first.locator("td").nth(3)).toHaveText(decimal(overall(expected[0])));
  const csv = (await download(page, "Download the ranking (CSV)")).text.replace(/^\ufeff/, "");
  const [header, row] = csv.split("\n");
  expect(header.endsWith(",weight_contribution,weight_consumption,weight_coverage,weight_capability,weight_commitment")).toBe(true);
  expect(row.endsWith("," + weights.join(","))).toBe(true);
  const json = JSON.parse((await download(page, "Download the ranking (JSON)")).text);
  expect(json.weights.map((w) => w.weight)).toEqual(weights);
  expect(json.partners[0].name).toBe(expected[0].name);
  // Reset: the survey's weights, and the CLI's ranking, again.
  await page.getByRole("button", { name: "Reset to the survey's weights" }).first().click();
  await expect(first).toContainText(ranking.partners[0].name);
  await expect(page.getByLabel(`Weight of ${C[moved]}`)).toHaveValue("1");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
