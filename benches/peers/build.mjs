// Builds the two pages `make bench` measures PartnerLens against, from the default survey's
// 28 elements (web/public/surveys/partner-experience.json), into target/bench-peers/:
// - floor/: a hand-written page with no framework: the 28 elements' 56 ratings as native
//   radios, saved to localStorage on every change, and an SVG gap chart drawn as they change.
//   Nothing can be faster at this job, so it is the floor every ratio is taken against.
// - surveyjs/: the same 56 ratings in SurveyJS 2.5 (one page per area, as PartnerLens pages
//   them), saved on every change, with a Chart.js scatter of the gap when completed.
// Usage: node benches/peers/build.mjs (from the repository root, after `npm ci` in benches/peers).
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "./node_modules/esbuild/lib/main.js";

const OUT = "target/bench-peers";
const survey = JSON.parse(readFileSync("web/public/surveys/partner-experience.json", "utf8"));
const en = (text) => text.en;
const labels = survey.scale.labels.map((l) => ({ value: l.value, text: en(l.text) }));
const elements = survey.areas.flatMap((area) =>
  area.elements.map((e) => ({ id: e.id, area: en(area.title), label: en(e.label), description: en(e.description) })));
const question = (kind) => en(survey.ratings[kind].question.partner);
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function floor() {
  const dir = join(OUT, "floor");
  mkdirSync(dir, { recursive: true });
  const group = (e, kind) => `<fieldset><legend>${escape(e.label)} — ${kind}</legend>${labels
    .map((l) => `<label><input type="radio" name="${e.id}.${kind}" value="${l.value}">${l.value} ${escape(l.text)}</label>`)
    .join("")}</fieldset>`;
  let area = "";
  const body = elements.map((e) => {
    const heading = e.area === area ? "" : `<h2>${escape((area = e.area))}</h2>`;
    return `${heading}<section><h3>${escape(e.label)}</h3><p>${escape(e.description)}</p>${group(e, "importance")}${group(e, "performance")}</section>`;
  }).join("");
  writeFileSync(join(dir, "index.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title>
<style>body{font:16px/1.4 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem}
fieldset{border:1px solid #999;margin:.5rem 0}label{display:inline-block;margin:.25rem .75rem .25rem 0}
svg{width:100%;max-width:30rem;border:1px solid #999}</style></head><body><main>
<h1>${escape(en(survey.title))}</h1><p>${escape(question("importance"))} ${escape(question("performance"))}</p>
<form id="answers">${body}</form><h2>Gap chart</h2>
<svg id="chart" viewBox="0 0 100 100" role="img" aria-label="Importance against performance">
<line x1="50" y1="0" x2="50" y2="100" stroke="#999"/><line x1="0" y1="50" x2="100" y2="50" stroke="#999"/></svg>
</main><script src="floor.js"></script></body></html>`);
  writeFileSync(join(dir, "floor.js"), `// Saves every answer and moves its element's point on the chart.
const form = document.getElementById("answers");
const chart = document.getElementById("chart");
const answers = JSON.parse(localStorage.getItem("floor") || "{}");
const points = {};
function draw(id) {
  const i = answers[id + ".importance"], p = answers[id + ".performance"];
  if (!i || !p) return;
  let dot = points[id];
  if (!dot) {
    dot = points[id] = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    dot.setAttribute("r", "2");
    chart.appendChild(dot);
  }
  dot.setAttribute("cx", String((p - 1) * 25));
  dot.setAttribute("cy", String(100 - (i - 1) * 25));
}
form.addEventListener("change", (event) => {
  const [id] = event.target.name.split(".");
  answers[event.target.name] = Number(event.target.value);
  localStorage.setItem("floor", JSON.stringify(answers));
  draw(id);
});
`);
}

async function surveyjs() {
  const dir = join(OUT, "surveyjs");
  mkdirSync(dir, { recursive: true });
  const model = {
    title: en(survey.title),
    pages: survey.areas.map((area) => ({
      name: area.id,
      title: en(area.title),
      elements: area.elements.flatMap((e) => ["importance", "performance"].map((kind) => ({
        type: "radiogroup",
        name: `${e.id}.${kind}`,
        title: `${e.label.en} — ${kind}`,
        description: kind === "importance" ? e.description.en : undefined,
        choices: labels.map((l) => ({ value: l.value, text: `${l.value} ${l.text}` })),
        colCount: 5,
      }))),
    })),
  };
  writeFileSync(join(dir, "survey.json"), JSON.stringify(model));
  writeFileSync(join(dir, "entry.js"), `import { Model } from "survey-core";
import { renderSurvey } from "survey-js-ui";
import { Chart, ScatterController, LinearScale, PointElement } from "chart.js";
import "survey-core/survey-core.fontless.css";
Chart.register(ScatterController, LinearScale, PointElement);
const survey = new Model(${JSON.stringify(model)});
survey.data = JSON.parse(localStorage.getItem("surveyjs") || "{}");
survey.onValueChanged.add((sender) => localStorage.setItem("surveyjs", JSON.stringify(sender.data)));
survey.onComplete.add((sender) => {
  const ids = ${JSON.stringify(elements.map((e) => e.id))};
  const data = ids.map((id) => ({ x: sender.data[id + ".performance"], y: sender.data[id + ".importance"] }));
  const canvas = document.createElement("canvas");
  canvas.id = "chart";
  canvas.setAttribute("aria-label", "Importance against performance");
  document.getElementById("results").appendChild(canvas);
  new Chart(canvas, { type: "scatter", data: { datasets: [{ data }] },
    options: { animation: false, scales: { x: { min: 1, max: 5 }, y: { min: 1, max: 5 } } } });
});
renderSurvey(survey, document.getElementById("survey"));
`);
  await build({
    entryPoints: [join(dir, "entry.js")],
    bundle: true,
    minify: true,
    format: "iife",
    outdir: dir,
    entryNames: "bundle",
    define: { "process.env.NODE_ENV": '"production"' },
    nodePaths: ["benches/peers/node_modules"],
    logLevel: "warning",
  });
  writeFileSync(join(dir, "index.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>SurveyJS</title>
<link rel="stylesheet" href="bundle.css"></head><body><main><div id="survey"></div><div id="results"></div></main>
<script src="bundle.js"></script></body></html>`);
}

floor();
await surveyjs();
console.log(`peer pages built in ${OUT}/floor and ${OUT}/surveyjs`);
