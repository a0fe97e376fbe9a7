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

  /** A radio group by its accessible name, e.g. "Reputation — importance" or /^Region/. */
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

  /** Presses "Next" and waits for the next page: it is drawn in the task after the click's
   * own frame, so a question read right after the click would still be the old page's. */
  async nextPage() {
    const count = this.page.locator(".page-count");
    const before = await count.innerText();
    await this.next();
    await expect(count).not.toHaveText(before);
  }

  /** Presses "Next" until the page titled `title` is on screen. */
  async nextUntil(title, max = 20) {
    for (let i = 0; i < max && (await this.currentPage()) !== title; i++) await this.nextPage();
    await expect(this.pageHeading(title)).toBeVisible();
  }

  async previous() {
    await this.page.getByRole("button", { name: "Previous" }).click();
  }

  /** The page's own title (level 2), whatever it is. */
  async currentPage() {
    return (await this.page.locator("#page-title").innerText()).trim();
  }

  /** Presses Tab until `target` has focus, as a keyboard user would; fails after `max` presses. */
  async tabTo(target, max = 40) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
  }

  /** With focus in a radio group, presses arrow keys until `option` is chosen. */
  async arrowTo(group, option, max = 30) {
    const radio = this.rating(group).getByRole("radio", { name: new RegExp(`^${option}`) });
    for (let i = 0; i < max && !(await radio.isChecked()); i++) {
      await this.page.keyboard.press("ArrowDown");
    }
    await expect(radio).toBeChecked();
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
    await this.nextPage();
  }

  async chooseLanguage(label, language) {
    await this.page.getByLabel(label).selectOption({ label: language });
  }
}
