// Makes a built site work offline and under a strict Content-Security-Policy: `make build` runs
// it last (after Trunk and tools/prerender.mjs), on dist/ and dist-assess/.
// - Puts the partner's page's styles and its first-page chooser (tools/prerender.mjs) into
//   index.html, so its first question needs the HTML alone: one round trip, not two, which is
//   150 ms and more on a phone's network (docs/performance.md).
// - Puts the policy in each page as a <meta>, with the hash of each inline script and style of
//   that page, so the policy stays strict (no 'unsafe-inline'). A host adds frame-ancestors,
//   which a <meta> cannot carry, as a header of its own (docs/hosting.md).
// - Tells each page's loader (public/loader.js) where the service worker is.
// - Puts the icon into the vendor pages (dashboard.html, editor.html, preview.html) as a data:
//   address: the browser asks for a page's icon again whenever the address changes, as the
//   dashboard's views do.
// - Writes sw.js: on install it caches the files of the page that installed it (the partner's
//   page, the dashboard, or the editor with its preview: a partner never downloads the vendor
//   pages' wasm) and those all use; another page's files are cached, all of them, when it is
//   first opened online. It answers this copy's files from the cache, keeps the vendor surveys
//   it fetched for offline use, and deletes only this copy's old caches. Its version is a hash of the files, so a new build is a new worker.
// Usage: node tools/offline.mjs <dist dir>   (idempotent)
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
const PAGES = ["index.html", "dashboard.html", "editor.html", "preview.html"];
const WORKER = "sw.js";
const FIRST_PAGE = "first-page.js";

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node tools/offline.mjs <dist dir>");
  process.exit(2);
}

// index.html's style sheets and first-page script, put inline; the style files are then
// removed, as no other page uses them (the vendor pages link style/). Running it again finds
// nothing left to put inline.
function inline(html) {
  html = html.replace(/<link [^>]*rel="?stylesheet"?[^>]*>/g, (link) => {
    const name = /href="?[^" >]*\/([^/" >]+\.css)/.exec(link)?.[1];
    if (!name) throw new Error(`index.html: a style sheet without a file name: ${link}`);
    const css = readFileSync(join(dir, name), "utf8");
    rmSync(join(dir, name));
    return `<style>${css}</style>`;
  });
  html = html.replace(`<link rel="preload" href="${FIRST_PAGE}" as="script">`, "");
  return html.replace(new RegExp(`<script src="${FIRST_PAGE}" ([^>]*)></script>`), (_, attributes) =>
    `<script ${attributes}>${readFileSync(join(dir, FIRST_PAGE), "utf8")}</script>`);
}

// The policy, with the hash of every inline script and style the page carries.
function policy(html) {
  const hashes = (tag) => [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, "g"))]
    .map(([, text]) => ` 'sha256-${createHash("sha256").update(text).digest("base64")}'`).join("");
  return POLICY.replace("script-src 'self' 'wasm-unsafe-eval'", (s) => s + hashes("script"))
    .replace("style-src 'self'", (s) => s + hashes("style"));
}

for (const page of PAGES) {
  const file = join(dir, page);
  let html = readFileSync(file, "utf8");
  if (page === "index.html") html = inline(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html)}">`;
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${meta}`);
  if (!html.includes(meta)) throw new Error(`${file}: no <meta charset> to put the policy after`);
  html = html.replace(/ data-worker="[^"]*"/g, "").replace(/<script (?=[^>]*data-wasm=)/, `<script data-worker="${WORKER}" `);
  if (!html.includes(`data-worker="${WORKER}"`)) throw new Error(`${file}: no loader script (data-wasm) found`);
  if (page !== "index.html") {
    const icon = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(dir, "icons", "icon.svg"), "utf8"))}`;
    html = html.replace(/(<link rel="icon" href=")[^"]*(")/, `$1${icon}$2`);
    if (!html.includes(icon)) throw new Error(`${file}: no <link rel="icon"> found`);
  }
  writeFileSync(file, html);
}

// Every file of this copy, as paths relative to its root ("" is the root itself). A folder with
// its own index.html is another copy (such as /assess/ beside /), with its own worker.
const files = [];
const walk = (at) => {
  for (const name of readdirSync(at).sort()) {
    const path = join(at, name);
    if (!statSync(path).isDirectory()) files.push(relative(dir, path).split(sep).join("/"));
    else if (!existsSync(join(path, "index.html"))) walk(path);
  }
};
walk(dir);
const cached = files.filter((f) => f !== WORKER);
const hash = createHash("sha256");
for (const file of cached) hash.update(file).update("\0").update(readFileSync(join(dir, file)));
const version = hash.digest("hex").slice(0, 16);
const bytes = cached.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

// Which page needs a file: each page's own (the vendor pages share style/), or every page (the
// rest).
const GROUPS = {
  "index.html": ["", ...cached.filter((f) => f === "index.html" || /^partnerlens-(web|full)/.test(f))],
  "dashboard.html": cached.filter((f) => f === "dashboard.html" || f.startsWith("partnerlens-dashboard") || f.startsWith("style/")),
  // The editor's preview opens from the editor, so the editor caches it too.
  "editor.html": cached.filter((f) => /^(editor|preview)\.html$/.test(f) || /^partnerlens-(editor|preview)/.test(f) || f.startsWith("style/")),
  "preview.html": cached.filter((f) => f === "preview.html" || f.startsWith("partnerlens-preview") || f.startsWith("style/")),
};

writeFileSync(join(dir, WORKER), `// Written by tools/offline.mjs: PartnerLens offline, for the copy this file sits in.
const VERSION = "${version}";
const FILES = ${JSON.stringify(["", ...cached])};
const GROUPS = ${JSON.stringify(GROUPS)};
${worker.toString().replace(/^function worker\(\) \{\n?|\}$/g, "")}`);
console.log(`${join(dir, WORKER)}: ${cached.length} files, ${(bytes / 1024).toFixed(0)} KB, version ${version}`);

// The worker's code (FILES and VERSION come first). Kept as a function here so it is checked
// as JavaScript with this file.
function worker() {
  // This copy's root, such as https://example.com/assess/; its caches carry it in their names,
  // so a second copy on the same origin keeps its own.
  const ROOT = new URL("./", self.location).href;
  const PREFIX = `partnerlens ${ROOT} `;
  const APP = PREFIX + VERSION;
  // Vendor surveys (?survey=) fetched while online, kept from version to version.
  const SURVEYS = PREFIX + "surveys";
  const OWN = new Set(FILES.map((file) => ROOT + file));

  // The pages this copy serves now (the one installing, or those an update replaces) and the
  // pages an earlier version had cached: their files, and the files every page uses.
  self.addEventListener("install", (event) => {
    event.waitUntil((async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const pageOf = (path) => Object.keys(GROUPS).find((page) => page !== "index.html" && path.endsWith("/" + page)) || "index.html";
      const opened = new Set(windows.map((client) => pageOf(new URL(client.url).pathname)));
      const earlier = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== APP && key !== SURVEYS);
      for (const key of earlier) {
        const cache = await caches.open(key);
        for (const page of Object.keys(GROUPS)) if (await cache.match(ROOT + page)) opened.add(page);
      }
      if (!opened.size) opened.add("index.html");
      const grouped = new Set(Object.values(GROUPS).flat());
      const keep = new Set(Object.entries(GROUPS).filter(([page]) => opened.has(page)).flatMap(([, files]) => files));
      const skip = new Set([...grouped].filter((file) => !keep.has(file)));
      const cache = await caches.open(APP);
      await cache.addAll(FILES.filter((file) => !skip.has(file)).map((file) => new Request(ROOT + file, { cache: "reload" })));
    })());
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys
      .filter((key) => key.startsWith(PREFIX) && key !== APP && key !== SURVEYS)
      .map((key) => caches.delete(key)))));
  });

  // The page's "Reload" once a new version is ready (public/loader.js).
  self.addEventListener("message", (event) => {
    if (event.data === "activate") self.skipWaiting();
  });

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    url.hash = "";
    // A page answers whatever its query (?survey=) or fragment (#r=, a personal link).
    if (request.mode === "navigate") url.search = "";
    const own = url.href.startsWith(ROOT) && OWN.has(url.href);
    if (own) {
      event.respondWith(file(url.href, request));
      if (request.mode === "navigate") event.waitUntil(group(url.href));
    } else if (url.origin === self.location.origin && url.pathname.endsWith(".json")) {
      event.respondWith(survey(request));
    }
  });

  // This copy's file from the cache; the other page's files the first time it is opened.
  async function file(address, request) {
    const cache = await caches.open(APP);
    const hit = await cache.match(address);
    if (hit) return hit;
    const response = await fetch(request.mode === "navigate" ? address : request);
    if (response.ok) await cache.put(address, response.clone());
    return response;
  }

  // A page opened online: the rest of its group too (the editor's preview, which it opens in a
  // window of its own), so that all of it works offline from then on.
  async function group(address) {
    const page = Object.keys(GROUPS).find((name) => name !== "index.html" && address === ROOT + name) || "index.html";
    const cache = await caches.open(APP);
    for (const name of GROUPS[page]) {
      const at = ROOT + name;
      if (await cache.match(at)) continue;
      try {
        const response = await fetch(new Request(at, { cache: "reload" }));
        if (response.ok) await cache.put(at, response);
      } catch {
        // Offline again: the next visit online fills the gap.
      }
    }
  }

  // A vendor's survey: the network first, so a change reaches the partner; offline, the copy
  // from the last time it was opened; never opened, a 504 that the app explains.
  async function survey(request) {
    const cache = await caches.open(SURVEYS);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request.url, response.clone());
      return response;
    } catch {
      const kept = await cache.match(request.url);
      return kept || new Response("", { status: 504, statusText: "Not saved for offline use", headers: { "X-PartnerLens-Offline": "not-saved" } });
    }
  }
}
