import { chromium } from "playwright-core";
const [url, prefix, width = "1280"] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const page = await browser.newPage({ viewport: { width: +width, height: 900 }, colorScheme: process.env.COLOR || "light" });
page.on("console", m => { if (m.type() !== "log") console.log("console:", m.type(), m.text()); });
page.on("pageerror", e => console.log("pageerror:", e.message));
await page.goto(url);
await page.getByLabel("Company name").fill("Acme Integration");
const choose = async (q, o) => page.getByRole("radiogroup", { name: new RegExp(`^${q}`) }).getByRole("radio", { name: new RegExp(`^${o}`) }).check();
await choose("Partner type", "Solution reseller");
await choose("Region", "Europe");
await choose("Program tier", "Gold");
await choose("You are answering as", "A partner");
await page.getByLabel("Survey wave").fill("2026");
const next = () => page.getByRole("button", { name: "Next" }).click();
let n = 1;
for (;;) {
  await next();
  await page.waitForTimeout(100);
  n++;
  const h = await page.locator("h2").innerText();
  console.log(n, h, await page.locator("[role=progressbar]").getAttribute("aria-valuenow"));
  if (["Five Cs", "Journey", "Maturity", "Review"].some(x => h.includes(x)) || /Operations|journey|proposition/i.test(h)) {
    await page.screenshot({ path: `${prefix}-${n}.png`, fullPage: true });
  }
  if (await page.getByRole("button", { name: "Next" }).isDisabled()) break;
}
await page.getByRole("button", { name: "See results" }).click();
await page.waitForTimeout(200);
await page.screenshot({ path: `${prefix}-results.png`, fullPage: true });
console.log(await page.locator(".save-status").innerText());
await browser.close();
