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

  pageHeading(name) {
    return this.page.getByRole("heading", { level: 2, name });
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

  async next() {
    await this.page.getByRole("button", { name: "Next" }).click();
  }

  /** A profile question's choice, e.g. choose("Region", "Asia Pacific"). */
  async choose(question, option) {
    await this.page
      .getByRole("radiogroup", { name: new RegExp(`^${question}`) })
      .getByRole("radio", { name: new RegExp(`^${option}`) })
      .check();
  }

  /** Fills the English profile page and moves on to the first area. */
  async fillProfile({ type = "Solution reseller", side = "A partner of the vendor" } = {}) {
    await this.page.getByLabel("Company name").fill("Acme Integration");
    await this.choose("Partner type", type);
    await this.choose("Region", "Europe, Middle East and Africa");
    await this.choose("Program tier", "Gold");
    await this.choose("You are answering as", side);
    await this.page.getByLabel("Survey wave").fill("2026");
    await this.next();
  }

  async chooseLanguage(label, language) {
    await this.page.getByLabel(label).selectOption({ label: language });
  }
}
