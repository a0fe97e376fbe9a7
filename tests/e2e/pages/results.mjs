// The results report as a page object: a fill whose scores were worked out by hand, and the
// gap table as text.
import { expect } from "@playwright/test";
import { QuestionnairePage } from "./questionnaire.mjs";

// Every element at importance 3 and performance 3, except three:
export const PLANTED = {
  "Deal registration": [5, 1],
  Leads: [5, 2],
  Training: [2, 5],
};

/** Fills the profile, rates the 28 elements of the seven area pages as planted, answers every
 *  later question with its third option (or its last, for yes/no), then opens the results. */
export async function fillAndOpenResults(page) {
  const q = new QuestionnairePage(page);
  await q.open();
  await q.fillProfile();
  for (let p = 0; !(await page.getByRole("button", { name: "Next" }).isDisabled()); p++) {
    const groups = page.locator("main fieldset.choice");
    const count = await groups.count();
    for (let g = 0; g < count; g++) {
      const group = groups.nth(g);
      const name = await group.getAttribute("aria-label");
      if (p < 7) {
        const [element, dimension] = name.split(" — ");
        const [importance, performance] = PLANTED[element] ?? [3, 3];
        await q.rate(name, dimension === "importance" ? importance : performance);
      } else {
        const radios = group.getByRole("radio");
        await radios.nth(Math.min(2, (await radios.count()) - 1)).check();
      }
    }
    await q.nextPage();
  }
  await page.getByRole("button", { name: "See results" }).click();
  await expect(page.getByRole("heading", { name: "Your results so far" })).toBeFocused();
}

/** The gap table's rows as arrays of cell texts. */
export async function gapTable(page) {
  const rows = page.locator("#gap-chart-table tbody tr");
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
}

