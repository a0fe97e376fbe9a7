// A minimal static file server for the end-to-end tests: serves a folder on loopback,
// optionally under a sub-path (to test builds made with `trunk build --public-url /assess/`).
// Usage: node tests/e2e/serve.mjs DIR PORT [PREFIX]
// Files under tests/fixtures/surveys are also served at PREFIX/test-fixtures/, so tests can
// load broken surveys without shipping them in dist/.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, port, prefix = "/"] = process.argv.slice(2);
const root = resolve(dir);
const fixtures = resolve(new URL("../fixtures/surveys", import.meta.url).pathname);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (!path.startsWith(prefix)) {
    res.writeHead(404).end("not under " + prefix);
    return;
  }
  const rest = path.slice(prefix.length);
  // A survey address whose body never ends (64 MB at 2 MB a second): the app must stop
  // reading at its 1 MB limit instead of waiting for the whole body.
  if (rest === "test-fixtures/endless.json") {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    const chunk = Buffer.alloc(64 * 1024, " ");
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= 64 << 20 || res.destroyed) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(chunk);
      sent += chunk.length;
    }, 32);
    res.on("close", () => clearInterval(timer));
    return;
  }
  const base = rest.startsWith("test-fixtures/") ? fixtures : root;
  let file = normalize(join(base, rest.replace(/^test-fixtures\//, "")));
  if (!file.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    let body = await readFile(file);
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    };
    // Compress like any static host would, so timings under network throttling are realistic.
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && extname(file) !== ".png") {
      body = gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(Number(port), "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
