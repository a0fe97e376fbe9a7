// Page object for the questionnaire: what a partner sees and does, by role and label.
import { expect } from "@playwright/test";

export class QuestionnairePage {
  constructor(page) {
    this.page = page;
  }

  /** Opens the app (optionally with a query such as "?survey=...") on an empty browser profile. */
  async open(query = "", base = "/") {
    await this.page.goto(base + query);
  }

  heading(name) {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** A rating group by its accessible name, e.g. "Reputation — importance". */
  rating(name) {
    return this.page.getByRole("radiogroup", { name });
  }

  async rate(name, value) {
    await this.rating(name).getByRole("radio", { name: new RegExp(`^${value}\\b`) }).check();
  }

  async expectRated(name, value) {
    await expect(this.rating(name).getByRole("radio", { name: new RegExp(`^${value}\\b`) })).toBeChecked();
  }

  async chooseLanguage(label, language) {
    await this.page.getByLabel(label).selectOption({ label: language });
  }
}
