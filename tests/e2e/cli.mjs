// The `partnerlens` CLI, which the tests use to make data sets and to work out expected figures.
import { execFileSync } from "node:child_process";

export const DEFAULT_SURVEY = "web/public/surveys/partner-experience.json";

/** Runs the CLI with `args`; its standard output. */
export const cli = (...args) =>
  execFileSync("cargo", ["run", "-q", "--bin", "partnerlens", "--", ...args], { encoding: "utf8", maxBuffer: 64 << 20 });

/** `count` generated responses to the default survey, as a JSON array. */
export const generated = (count, seed) =>
  cli("generate", "--survey", DEFAULT_SURVEY, "--count", String(count), "--seed", String(seed));
