// Lighthouse 12.2.3 in `make test`: accessibility, best practices and SEO must each score 100 on
// the partner's page, the results report and the dashboard with a data set open, in both builds
// (dist/ at /, dist-assess/ at /assess/). Performance is `make bench`'s (benches/side_by_side.mjs).
// The partner page is audited as loaded (navigation); the results and the dashboard after the
// steps a user takes to reach them (snapshots of the page as it then is).
// Usage: node tests/lighthouse.mjs
import lighthouse, { snapshot } from "lighthouse";
import puppeteer from "puppeteer-core";
import { spawn } from "node:child_process";
import { generated } from "./e2e/cli.mjs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CATEGORIES = ["accessibility", "best-practices", "seo"];
const BUILDS = [["dist", "/", 8111], ["dist-assess", "/assess/", 8112]];
const PROFILE = "#partner=Acme%20Integration&type=solution-reseller&region=emea&tier=gold&side=partner&wave=2026";
const config = { extends: "lighthouse:default", settings: { onlyCategories: CATEGORIES } };

const responses = join(mkdtempSync(join(tmpdir(), "lighthouse-")), "responses.json");
writeFileSync(responses, generated(40, 8));

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
const failures = [];
const rows = [];

/** Records the scores of one audited screen, and every audit that kept a category from 100. */
function record(where, result) {
  const lhr = result.lhr;
  const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
  rows.push(`| ${where} | ${scores.join(" | ")} |`);
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (category?.score === 1) continue;
    const missed = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
    failures.push(`${where}, ${id} ${Math.round((category?.score ?? 0) * 100)}: ${missed.join("; ") || "no score"}`);
  }
}

/** A fresh browser context per screen, as a new visitor. */
async function fresh() {
  const context = await browser.createBrowserContext();
  return { context, page: await context.newPage() };
}

const servers = BUILDS.map(([dir, prefix, port]) =>
  spawn("node", ["tests/e2e/serve.mjs", dir, String(port), prefix], { stdio: "ignore" }));
await new Promise((resolve) => setTimeout(resolve, 700));
try {
  for (const [, prefix, port] of BUILDS) {
    const root = `http://127.0.0.1:${port}${prefix}`;
    {
      const { context, page } = await fresh();
      record(`partner page ${prefix}`, await lighthouse(root, { output: "json", logLevel: "error" }, config, page));
      await context.close();
    }
    {
      // The results report: a personal link's profile, every page answered, "See results".
      const { context, page } = await fresh();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(root + PROFILE);
      // The app has taken over from the first page in the HTML.
      await page.waitForFunction(() => !document.getElementById("first-page")
        && document.querySelector("nav.pager button:last-of-type:not([disabled])"));
      for (let i = 0; i < 20; i++) {
        const [title, count] = await page.evaluate(() =>
          [document.getElementById("page-title")?.textContent, document.querySelector(".page-count")?.textContent]);
        if (title === "Review") break;
        // Every question answered (options varied, so the charts have spread), then "Next".
        await page.evaluate(() => {
          document.querySelectorAll("main fieldset.choice").forEach((group, g) => {
            const radios = group.querySelectorAll("input[type=radio]");
            radios[(g * 3 + 1) % radios.length].click();
          });
          document.querySelector("nav.pager button:last-of-type").click();
        });
        await page.waitForFunction((before) => document.querySelector(".page-count")?.textContent !== before, {}, count);
      }
      // The review is the full app's: the first module hands over to it.
      await page.waitForSelector("::-p-text(See results)");
      await page.click("::-p-text(See results)");
      await page.waitForSelector("canvas[data-draw-ms]");
      record(`results report ${prefix}`, await snapshot(page, { config }));
      await context.close();
    }
    {
      const { context, page } = await fresh();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${root}dashboard.html`);
      const input = await page.waitForSelector("input[type=file]");
      await input.uploadFile(responses);
      await page.waitForSelector("::-p-text(40 of 40 responses match the filters.)");
      record(`dashboard with a data set ${prefix}`, await snapshot(page, { config }));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}

console.log(`\nLighthouse 12.2.3: ${CATEGORIES.join(", ")} (each must be 100)\n`);
console.log(`| screen | ${CATEGORIES.join(" | ")} |\n|---|${CATEGORIES.map(() => "---:").join("|")}|`);
console.log(rows.join("\n"));
if (failures.length) {
  console.error(`\n${failures.length} categories below 100:\n${failures.join("\n")}`);
  process.exit(1);
}
