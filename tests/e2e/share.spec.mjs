// Results leave the browser only as files and links the user makes: the downloads, the share
// link opened elsewhere, every kind of broken link, and no request while any of it happens.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import zlib from "node:zlib";
import { cli, DEFAULT_SURVEY } from "./cli.mjs";
import { QuestionnairePage } from "./pages/questionnaire.mjs";
import { fillAndOpenResults, gapTable } from "./pages/results.mjs";

/** A payload as the app makes one: format byte, FNV-1a of the deflated bytes, deflated JSON. */
function payload(deflated, version = 1) {
  let hash = 0x811c9dc5;
  for (const byte of deflated) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  const header = Buffer.alloc(5);
  header[0] = version;
  header.writeUInt32BE(hash, 1);
  return Buffer.concat([header, deflated]).toString("base64url");
}

const answers = (json) => payload(zlib.deflateRawSync(Buffer.from(JSON.stringify(json))));

/** Every stored assessment, as text, to show that a bad link changes none of them. */
const stored = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("partnerlens.assessment."))
      .sort()
      .map((k) => localStorage.getItem(k)),
  );

async function download(page, name) {
  const done = page.waitForEvent("download");
  await page.getByRole("button", { name }).click();
  const file = await done;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") };
}

test("the answers download as JSON and CSV, named for the partner, survey and day", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await fillAndOpenResults(page);
  const json = await download(page, "Download answers (JSON)");
  expect(json.name).toMatch(/^acme-integration-partner-experience-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(json.text);
  expect(envelope.kind).toBe("partnerlens-results");
  expect(envelope.format_version).toBe(1);
  expect(envelope.survey.id).toBe("partner-experience");
  expect(envelope.response.ratings["deal-registration"]).toEqual({ importance: 5, performance: 1 });
  expect(envelope.response.profile.wave).toBe("2026");

  const answersCsv = await download(page, "Download answers (CSV)");
  expect(answersCsv.name).toBe(json.name.replace(".json", "-answers.csv"));
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  expect(answersCsv.text.startsWith("\ufeff")).toBe(true);
  const rows = answersCsv.text.trim().split("\n");
  // A header, then 28 elements and 7 principles.
  expect(rows).toHaveLength(1 + 28 + 7);
  expect(rows[1]).toBe(`${envelope.id},Acme Integration,solution-reseller,emea,gold,partner,2026,brand,reputation,3,3,false`);

  const resultsCsv = await download(page, "Download results (CSV)");
  const deal = resultsCsv.text.split("\n").find((line) => line.includes(",deal-registration,"));
  // Gap 5 - 1 = 4, the largest: rank 1, Concentrate here (data-centred crosshair). One
  // partner's answers have no spread, so the seven interval columns after it are empty.
  expect(deal).toMatch(/,4,2\.82842712474619\d*,concentrate_here,1,,,,,,,$/);

  // The five Cs, in the ranking's columns: what `partnerlens rank` makes of the JSON export.
  const exported = testInfo.outputPath("export.json");
  fs.writeFileSync(exported, json.text);
  const fiveCs = await download(page, "Download the five Cs (CSV)");
  expect(fiveCs.name).toBe(json.name.replace(".json", "-five-cs.csv"));
  const ranked = cli("rank", "--survey", DEFAULT_SURVEY, exported, "--format", "csv");
  expect(fiveCs.text.replace(/^\ufeff/, "")).toBe(ranked);
  expect(ranked.split("\n")[0]).toMatch(/,weight_contribution,weight_consumption,weight_coverage,weight_capability,weight_commitment$/);
  // A what-if weight is stated in the file it scores.
  await page.getByLabel("Weight of Contribution").fill("2.5");
  const weighted = (await download(page, "Download the five Cs (CSV)")).text.trim().split("\n")[1];
  expect(weighted).toMatch(/,2\.5,1,1,1,1$/);
});

test("a share link opened in a fresh browser shows the same results, and a copy can be kept", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await fillAndOpenResults(page);
  const original = await gapTable(page);
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("The link is copied.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8091\/#r=[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Shared results" })).toBeVisible();
  await expect(other.getByRole("heading", { level: 2, name: "Acme Integration · 2026" })).toBeVisible();
  await expect(other.locator("#gap-chart-table tbody tr")).toHaveCount(28);
  expect(await gapTable(other)).toEqual(original);
  expect(await stored(other)).toEqual([]);
  for (const scheme of ["light", "dark"]) {
    await other.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page: other }).analyze();
    expect(axe.violations.map((v) => `${scheme}: ${v.id}: ${v.help}`)).toEqual([]);
  }

  await other.getByRole("button", { name: "Save a copy in this browser" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Partner experience assessment" })).toBeVisible();
  expect(await stored(other)).toHaveLength(1);
  expect(JSON.parse((await stored(other))[0]).response.ratings["deal-registration"]).toEqual({ importance: 5, performance: 1 });
  // The fragment is gone once the answers live here; a reload continues the copy.
  expect(other.url()).not.toContain("#r=");
  await other.reload();
  await expect(other.getByRole("heading", { level: 1, name: "Partner experience assessment" })).toBeVisible();
  await expect(other.getByRole("heading", { name: "Shared results" })).toHaveCount(0);
  // The 28 elements' 56 ratings are there: far past the start.
  expect(Number(await other.getByRole("progressbar", { name: "Progress" }).getAttribute("aria-valuenow"))).toBeGreaterThan(40);
  await fresh.close();
});

/** The answers a share link carries, decoded as the app does. */
const linkAnswers = (link) =>
  JSON.parse(zlib.inflateRawSync(Buffer.from(link.split("#r=")[1], "base64url").subarray(5)).toString("utf8"));

test("a share link says what it carries, and carries the revenue figures only when asked", async ({ page }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  await q.rate("Reputation — importance", 4);
  // Revenue figures arrive with imported files, as the vendor's portfolio view uses them.
  await expect.poll(() => stored(page).then((s) => s.length)).toBe(1);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("partnerlens.assessment."));
    const blob = JSON.parse(localStorage.getItem(key));
    Object.assign(blob.response.profile, { revenue_current: 250000, revenue_potential: 900000 });
    localStorage.setItem(key, JSON.stringify(blob));
  });
  await page.reload();
  await q.nextUntil("Review");
  await page.getByRole("button", { name: "See results" }).click();
  const copy = page.getByRole("button", { name: "Copy share link" });
  await expect(copy).toHaveAccessibleDescription(/^The share link carries the profile .* and the answers to this survey's questions/);
  const copied = async () => {
    await copy.click();
    return linkAnswers(await page.evaluate(() => navigator.clipboard.readText()));
  };
  let shared = await copied();
  expect(shared.profile.partner_name).toBe("Acme Integration");
  expect(shared.ratings.reputation).toEqual({ importance: 4 });
  expect(shared.profile.revenue_current).toBeUndefined();
  expect(shared.profile.revenue_potential).toBeUndefined();
  await page.getByLabel("Include the revenue figures in the link").check();
  shared = await copied();
  expect([shared.profile.revenue_current, shared.profile.revenue_potential]).toEqual([250000, 900000]);
});

test("without a clipboard the link is shown selected, ready to copy by hand", async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await fillAndOpenResults(page);
  await page.getByRole("button", { name: "Copy share link" }).click();
  const field = page.getByLabel("Share link");
  await expect(field).toBeFocused();
  expect(await field.inputValue()).toMatch(/#r=[A-Za-z0-9_-]+$/);
  expect(await field.evaluate((input) => input.selectionEnd - input.selectionStart)).toBe(
    (await field.inputValue()).length,
  );
});

test("every kind of broken share link gets its message and changes nothing stored", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await page.getByLabel("Company name").fill("Kept GmbH");
  await expect.poll(() => stored(page).then((s) => s.length)).toBe(1);
  const before = await stored(page);
  const valid = answers({ survey_id: "partner-experience", profile: { partner_name: "X" } });
  const flipped = Buffer.from(valid, "base64url");
  flipped[flipped.length - 1] ^= 1;
  const cases = [
    ["", "It holds no answers."],
    ["not*base64!", "It has characters a PartnerLens link never has"],
    ["AQID", "It is cut short."],
    ["AQIDB", "It is cut short."],
    [valid.slice(0, -8), "does not match"],
    [flipped.toString("base64url"), "does not match"],
    [payload(zlib.deflateRawSync(Buffer.from("{}")), 9), "made by a newer version"],
    [payload(Buffer.from([0xff, 0xfe, 0xfd, 0xfc])), "It is damaged."],
    ["A".repeat(70_000), "far longer than any set of answers"],
    [payload(zlib.deflateRawSync(Buffer.alloc(2 * 1024 * 1024, 32))), "more than 1 MB"],
    [answers({ areas: [], scale: {} }), "does not hold PartnerLens answers"],
    [answers({ survey_id: "acme-2025" }), "another survey (acme-2025)"],
    [
      answers({ survey_id: "partner-experience", ratings: { leads: { importance: 9 } } }),
      "It holds answers this survey cannot take (the importance of \"leads\" is 9",
    ],
  ];
  // Each link is pasted into the open tab: only the fragment changes, and the app opens it.
  for (const [bad, message] of cases) {
    await page.goto(`/#r=${bad}`);
    await expect(page.getByRole("heading", { name: "This share link cannot be opened" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText(message);
    expect(await stored(page)).toEqual(before);
  }
});

test("a link made before the survey changed shows what still fits and lists the rest", async ({ page }) => {
  const old = answers({
    id: "old-1",
    survey_id: "partner-experience",
    structure_hash: "0000000000000000",
    profile: { partner_name: "Old Co", wave: "2024" },
    ratings: { leads: { importance: 5, performance: 1 }, teleportation: { importance: 3, performance: 3 } },
  });
  await page.goto(`/#r=${old}`);
  await expect(page.getByRole("heading", { level: 2, name: "Old Co · 2024" })).toBeVisible();
  await expect(page.getByText("earlier version of the survey")).toContainText("ratings/teleportation");
  // Leads still exists and is scored: the only element with both ratings.
  const rows = await gapTable(page);
  expect(rows).toEqual([["1", "Leads", "Transact", "5.0", "1.0", "4.0", "Keep up the good work"]]);
});

test("nothing leaves the page while the user fills, scores, exports and shares", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await fillAndOpenResults(page);
  await download(page, "Download answers (JSON)");
  await download(page, "Download answers (CSV)");
  await download(page, "Download results (CSV)");
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("The link is copied.")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The page's own files load before the first question is on screen, and the rest of the
  // app (its second module) at idle after it; beyond those, the browser fetched nothing
  // (data: addresses are made in the page, not fetched).
  const after = await page.evaluate(() => {
    const first = performance.getEntriesByName("first-question")[0].startTime;
    return performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime > first && !entry.name.startsWith("data:"))
      .map((entry) => entry.name)
      .filter((name) => !/^http:\/\/127\.0\.0\.1:8091\/partnerlens-full(\.js|_bg\.wasm)$/.test(name));
  });
  expect(after).toEqual([]);
  expect(requests.every((url) => url.startsWith("http://127.0.0.1:8091/") || url.startsWith("data:"))).toBe(true);

  // Opening the link loads the app from its host; the answers stay in the fragment.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const opened = [];
  other.on("request", (request) => opened.push(request.url()));
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Shared results" })).toBeVisible();
  const payloadText = link.split("#r=")[1];
  expect(opened.every((url) => url.startsWith("http://127.0.0.1:8091/"))).toBe(true);
  expect(opened.some((url) => url.includes(payloadText))).toBe(false);
  await fresh.close();
});
