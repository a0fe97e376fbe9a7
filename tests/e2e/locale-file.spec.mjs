// Adding a language is adding its file: in a copy of the tree, a throwaway language file, and
// no other change, builds into the app (`trunk build --release`, as `make build` runs it), shows
// in the language menu named in itself, and its texts replace the English ones.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(new URL("../..", import.meta.url).pathname);

test("a language file alone adds a language to the app", async ({ browser }) => {
  test.setTimeout(1_200_000);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "partnerlens-locale-"));
  // The tree as it stands: tracked files and new ones, not what git ignores (builds, modules).
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  for (const file of files.split("\0").filter((f) => f && fs.existsSync(path.join(ROOT, f)))) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  const english = JSON.parse(fs.readFileSync(path.join(copy, "web/locales/en.json"), "utf8"));
  const esperanto = {
    ...english,
    locale: { ...english.locale, name: "Esperanto", decimal: ",", group: " ", clock: "24h" },
    app: { ...english.app, language: "Lingvo", next: "Sekva", previous: "Antaŭa" },
  };
  fs.writeFileSync(path.join(copy, "web/locales/eo.json"), JSON.stringify(esperanto, null, 2));

  // A target folder of its own, kept between runs under target/: sharing `make build`'s would
  // leave the copy's wasm (Esperanto included) in place of the tree's, since cargo names the
  // workspace's outputs the same wherever the tree lies and finds them newer than its sources.
  execFileSync("trunk", ["build", "--release", "--dist", path.join(copy, "dist")], {
    cwd: path.join(copy, "web"),
    env: { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, "target", "locale-copy") },
    stdio: "inherit",
  });
  const server = spawn("node", [path.join(ROOT, "tests/e2e/serve.mjs"), path.join(copy, "dist"), "8095", "/"], { stdio: "ignore" });
  try {
    const page = await browser.newPage();
    await expect(async () => {
      await page.goto("http://127.0.0.1:8095/");
    }).toPass({ timeout: 10_000 });
    const menu = page.getByRole("combobox", { name: "Language" });
    await expect(menu.locator("option", { hasText: "Esperanto" })).toHaveAttribute("lang", "eo");
    await menu.selectOption({ label: "Esperanto" });
    await expect(page.getByRole("combobox", { name: "Lingvo" })).toHaveValue("eo");
    await expect(page.getByRole("button", { name: "Sekva" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "eo");
  } finally {
    server.kill();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
