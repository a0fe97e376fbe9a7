// The languages the app ships, read from their files (web/locales) as the build reads them,
// English first: a test that loops over them covers a new language without being edited.
import { readdirSync, readFileSync } from "node:fs";

const DIR = new URL("../../web/locales/", import.meta.url);

export const LANGUAGES = readdirSync(DIR)
  .filter((file) => file.endsWith(".json"))
  .map((file) => {
    const data = JSON.parse(readFileSync(new URL(file, DIR), "utf8"));
    return { code: file.slice(0, -".json".length), name: data.locale.name, dir: data.locale.direction, app: data.app, dash: data.dashboard, editor: data.editor };
  })
  .sort((a, b) => (a.code !== "en") - (b.code !== "en") || a.code.localeCompare(b.code));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The language menu, whichever language the page is in. */
export const languageMenu = (page) =>
  page.getByRole("combobox", { name: new RegExp(`^(${LANGUAGES.map((l) => escape(l.app.language)).join("|")})$`) });
