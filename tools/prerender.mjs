// Writes the partner's first page into a built index.html, so a partner sees the first
// question as soon as the HTML and CSS arrive, before any wasm: `make build` runs it on dist/
// and dist-assess/ after Trunk. It opens the built app in Debian's Chromium (a fresh profile
// per language), takes the first page exactly as the app draws it, and stores one inert
// <template> per language. A small script (first-page.js, written beside the pages; then
// tools/offline.mjs puts it inline in index.html, allowed by its hash) instantiates the one that fits, only
// for a first visit to the default survey (no ?survey=, no share link, nothing saved); the
// first module then takes over that page, keeping what was typed or chosen (web/src/first_page.rs).
// Replacing the default survey file after a build: run this again, or the old survey's first
// page shows until the app has taken over.
// The same for the vendor's dashboard.html: only its top (header, heading, introduction),
// which is the same whatever data sets the browser holds.
// Usage: node tools/prerender.mjs <dist dir> <public url>   (e.g. dist /, dist-assess /assess/)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, base] = process.argv.slice(2);
// Each page: which file, what must be absent for its first page to fit, and where it is cut.
const PAGES = [
  { file: "index.html", path: "", skip: "saved || /[?&]survey=/.test(location.search) || /^#r=/.test(location.hash)" },
  { file: "dashboard.html", path: "dashboard.html", skip: "/[?&]survey=/.test(location.search)", cut: "main > h1 + p" },
];
const SCRIPT = "first-page.js";
const PRELOAD = `<link rel="preload" href="${SCRIPT}" as="script">`;
if (!dir || !base) {
  console.error("usage: node tools/prerender.mjs <dist dir> <public url>");
  process.exit(2);
}
const PORT = 8097;
// One first page per language file (web/locales), English first: adding a language's file is
// enough for its first page to be written here too.
const LOCALES = readdirSync(new URL("../web/locales", import.meta.url))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length))
  .sort((a, b) => (a !== "en") - (b !== "en") || a.localeCompare(b));
const START = "<!--first-page-->";
const END = "<!--/first-page-->";

// Shows the fitting template unless the page's `skip` holds. Mirrors `Locale::from_code`
// (web/src/i18n): the saved choice, else the browser's language. A classic script, run where it
// stands (after the templates), so the first page is there before the first paint.
const script = () => `// Written by tools/prerender.mjs: shows the first page from the HTML, when it fits.
(function () {
  try {
    var store = window.localStorage, saved = false;
    for (var i = 0; i < store.length; i++) if (/^partnerlens\\.(assessment|quarantine)\\./.test(store.key(i))) saved = true;
    var page = document.currentScript.getAttribute("data-page");
${PAGES.map(({ file, skip }) => `    if (page === "${file}" && (${skip})) return;`).join("\n")}
    var code = (store.getItem("partnerlens.locale") || navigator.language || "en").split(/[-_]/)[0].toLowerCase();
    var first = document.getElementById("first-page-" + code) || document.getElementById("first-page-en");
    var root = document.createElement("div");
    root.id = "first-page";
    root.className = "app-root";
    root.appendChild(first.content.cloneNode(true));
    document.body.insertBefore(root, document.body.firstChild);
    document.documentElement.lang = first.id.slice("first-page-".length);
    document.documentElement.dir = first.getAttribute("data-dir");
    // The theme as the app will set it: the toggle's choice, else the system's.
    var theme = store.getItem("partnerlens.theme");
    if (theme) document.documentElement.setAttribute("data-theme", theme);
    var dark = theme ? theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    var toggle = root.querySelector("[aria-pressed]");
    if (toggle) toggle.setAttribute("aria-pressed", String(dark));
  } catch (e) {}
})();
`;

// The app's first screen as HTML, in one language, and that language's direction.
async function snapshot(browser, path, locale, cut) {
  const context = await browser.newContext({ locale, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}${base}${path}`);
  await page.waitForSelector("#app main:not(.loading)", { timeout: 30_000 });
  const body = await page.evaluate((cut) => {
    const live = document.getElementById("app");
    const root = live.cloneNode(true);
    // Properties the app sets (not attributes) become attributes, so the HTML shows them.
    const pairs = (selector) => [...live.querySelectorAll(selector)].map((el, i) => [el, root.querySelectorAll(selector)[i]]);
    for (const [from, to] of pairs("button, input, select")) if (from.disabled) to.setAttribute("disabled", "");
    for (const [from, to] of pairs("select")) to.querySelectorAll("option")[from.selectedIndex]?.setAttribute("selected", "");
    // Buttons act only once the app has taken over; until then they say so by being disabled
    // (what is typed or chosen meanwhile is carried over).
    for (const button of root.querySelectorAll("button")) button.setAttribute("disabled", "");
    // A strict policy blocks style attributes; the app sets its styles through the CSSOM.
    for (const styled of root.querySelectorAll("[style]")) styled.removeAttribute("style");
    const last = cut && root.querySelector(cut);
    while (last?.nextSibling) last.nextSibling.remove();
    return { html: root.innerHTML, dir: document.documentElement.dir || "ltr" };
  }, cut);
  await context.close();
  return body;
}

const server = spawn("node", ["tests/e2e/serve.mjs", dir, String(PORT), base], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  writeFileSync(join(dir, SCRIPT), script());
  for (const { file, path, cut } of PAGES) {
    const target = join(dir, file);
    // Without any earlier first page, so running it twice gives the same file.
    const html = readFileSync(target, "utf8").replace(new RegExp(`${START}[\\s\\S]*${END}`), "").replace(PRELOAD, "");
    writeFileSync(target, html);
    const templates = [];
    for (const code of LOCALES) {
      const { html, dir } = await snapshot(browser, path, code, cut);
      templates.push(`<template id="first-page-${code}" data-dir="${dir}">${html}</template>`);
    }
    const block = `${START}${templates.join("")}<script src="${SCRIPT}" data-page="${file}"></script>${END}`;
    // The script is asked for first (it is tiny, and the paint waits for it), ahead of the
    // styles, rather than when the parser reaches it after the templates.
    const head = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${PRELOAD}`);
    writeFileSync(target, head.replace(/<body>/, `<body>${block}`));
    console.log(`prerendered the first page into ${target} (${LOCALES.join(", ")}, ${block.length} bytes)`);
  }
} finally {
  await browser.close();
  server.kill();
}
