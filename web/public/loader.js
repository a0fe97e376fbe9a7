// Starts a page's wasm module, from a file rather than inline, so the pages can carry a strict
// Content-Security-Policy (no 'unsafe-inline'). index.html's <script> comes from Trunk's
// `pattern_script` (Trunk.toml) with the hashed file names; dashboard.html names its own.
//   data-js, data-wasm  the module's JS and wasm
//   data-full           index.html only: the full partner app, which a share link or a returning
//                       visitor needs first (the same test as `storage::has_entries` and
//                       tools/prerender.mjs's first-page.js); it then starts alone
// It also registers the service worker that a release build writes (tools/offline.mjs), and
// tells the app when a new version is ready (the "partnerlens:update" event).
const tag = document.querySelector("script[data-wasm]");
const saved = () => {
  try {
    return Object.keys(localStorage).some((key) => /^partnerlens\.(assessment|quarantine)\./.test(key));
  } catch {
    return false;
  }
};
const full = tag.dataset.full && (location.hash.startsWith("#r=") || saved());
const [js, wasm] = full
  ? [tag.dataset.full, tag.dataset.full.replace(/\.js$/, "_bg.wasm")]
  : [tag.dataset.js, tag.dataset.wasm];

const start = async () => {
  const module = await import(js);
  const instance = await module.default({ module_or_path: wasm });
  // The full app, started alone, reads its state from the page as a reload would.
  if (full) module.start("");
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
  // The worker's first download of every file waits until the page is up and idle.
  (self.requestIdleCallback || setTimeout)(offline);
};
// With a first page from the HTML (tools/prerender.mjs), the wasm starts once it is painted,
// so on a slow line the page's own files come first.
if (document.getElementById("first-page")) requestAnimationFrame(() => setTimeout(start));
else start();

// Offline: a release build has a service worker beside the page (tools/offline.mjs names it in
// data-worker); `trunk serve` has none.
const announce = () => {
  document.documentElement.dataset.update = "ready";
  dispatchEvent(new CustomEvent("partnerlens:update"));
};
function offline() {
  if (!("serviceWorker" in navigator) || !tag.dataset.worker) return;
  navigator.serviceWorker.register(tag.dataset.worker).then((registration) => {
    // Some browsers (and test harnesses) that block workers resolve with nothing.
    if (!registration) return;
    // A new version waits until the page says so: reloading mid-questionnaire is the user's call.
    const watch = (worker) => worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
    });
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
  }, () => {});
}
// The app's "Reload" asks the waiting worker to take over; the page reloads once it has.
addEventListener("partnerlens:activate", async () => {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting) return location.reload();
  navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
  registration.waiting.postMessage("activate");
});
