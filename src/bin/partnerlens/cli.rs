//! Argument handling and the commands.

use lexopt::prelude::*;
use partnerlens::engine::aggregate::{Aggregation, CrosshairMode, Filter, GroupBy};
use partnerlens::engine::export::{looks_exported, read_envelopes};
use partnerlens::engine::generate::generate;
use partnerlens::engine::model::Row;
use partnerlens::engine::model::ScoringModel;
use partnerlens::engine::ranking::rank_partners;
use partnerlens::engine::report_csv::{aggregate_csv, long_csv, ranking_csv, results_csv};
use partnerlens::engine::response_rows::rows_from_json;
use partnerlens::engine::scorecard::score;
use partnerlens::engine::{load_survey, Response, Survey};
use std::ffi::OsString;
use std::process::ExitCode;

const HELP: &str = "\
partnerlens: check surveys and score partner-experience responses

Usage:
  partnerlens check FILE...
      Validate survey files; print a one-line summary or every error.
  partnerlens score --survey SURVEY RESPONSE [--format json|csv] [--crosshair data|scale]
      Score one response; print the full result as JSON, or its elements as CSV.
  partnerlens aggregate --survey SURVEY FILE... [--by region|function|type|tier|side|wave]
                        [--format json|csv] [--crosshair data|scale]
      Aggregate responses.
  partnerlens rank --survey SURVEY FILE... [--format json|csv]
      Rank the partners by their five-Cs score, overall and within their category.
  partnerlens answers --survey SURVEY FILE...
      Print the answers as CSV in long form: a row per element per respondent.
  Each FILE holds one response or an array of them, bare or as the app exports them.
  partnerlens generate --survey SURVEY --count N --seed K
      Print N realistic generated responses as one JSON array.
  partnerlens --version | --help

Exit status: 0 on success, 1 when a file is invalid or refused, 2 on a usage error.
";

/// A problem to report, with the exit status it calls for.
struct Failure {
    message: String,
    usage: bool,
}

impl From<lexopt::Error> for Failure {
    fn from(error: lexopt::Error) -> Failure {
        usage(error.to_string())
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        usage: true,
    }
}

fn failed(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        usage: false,
    }
}

pub fn run(args: Vec<OsString>) -> ExitCode {
    match dispatch(args) {
        Ok(code) => code,
        Err(Failure {
            message,
            usage: true,
        }) => {
            eprintln!("partnerlens: {message}\n\n{HELP}");
            ExitCode::from(2)
        }
        Err(Failure { message, .. }) => {
            eprintln!("partnerlens: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Options shared by the commands; each command checks the ones it needs.
#[derive(Default)]
struct Options {
    survey: Option<String>,
    files: Vec<String>,
    by: Option<GroupBy>,
    csv: bool,
    crosshair: CrosshairMode,
    count: Option<usize>,
    seed: Option<u64>,
}

fn dispatch(args: Vec<OsString>) -> Result<ExitCode, Failure> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next()? {
        Some(Long("version") | Short('V')) => {
            println!("partnerlens {}", env!("CARGO_PKG_VERSION"));
            return Ok(ExitCode::SUCCESS);
        }
        Some(Long("help") | Short('h')) => {
            print!("{HELP}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(Value(command)) => command.string()?,
        Some(other) => return Err(other.unexpected().into()),
        None => return Err(usage("no command given")),
    };
    let mut options = Options::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("survey") => options.survey = Some(parser.value()?.string()?),
            Long("by") => {
                let name = parser.value()?.string()?;
                options.by = Some(GroupBy::from_name(&name).ok_or_else(|| {
                    usage(format!(
                        "--by {name}: use region, function, type, tier, side or wave"
                    ))
                })?);
            }
            Long("format") => {
                options.csv = match parser.value()?.string()?.as_str() {
                    "csv" => true,
                    "json" => false,
                    other => return Err(usage(format!("--format {other}: use json or csv"))),
                }
            }
            Long("crosshair") => {
                options.crosshair = match parser.value()?.string()?.as_str() {
                    "data" => CrosshairMode::DataCentred,
                    "scale" => CrosshairMode::ScaleCentred,
                    other => return Err(usage(format!("--crosshair {other}: use data or scale"))),
                }
            }
            Long("count") => options.count = Some(parser.value()?.parse()?),
            Long("seed") => options.seed = Some(parser.value()?.parse()?),
            Value(file) => options.files.push(file.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    match command.as_str() {
        "check" if options.files.is_empty() => Err(usage("check needs at least one FILE")),
        "check" => Ok(check(&options.files)),
        "score" => score_command(&options),
        "aggregate" => aggregate_command(&options),
        "rank" => rank_command(&options),
        "answers" => answers_command(&options),
        "generate" => generate_command(&options),
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}

fn check(files: &[String]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{file}: cannot read: {error}");
                all_valid = false;
                continue;
            }
        };
        match load_survey(&bytes) {
            Ok(survey) => println!(
                "{file}: ok: \"{}\" {} ({}), {} areas, {} elements, {} items, locales {}, structure {}",
                survey.title.get("en"),
                survey.id,
                survey.version,
                survey.areas.len(),
                survey.elements().count(),
                survey.item_count(),
                survey.locales().join(","),
                survey.structure_hash()
            ),
            Err(errors) => {
                all_valid = false;
                eprintln!("{file}: {} error(s)", errors.0.len());
                for error in &errors.0 {
                    eprintln!("  {error}");
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn read_survey(options: &Options) -> Result<Survey, Failure> {
    let path = options
        .survey
        .as_deref()
        .ok_or_else(|| usage("--survey SURVEY is required"))?;
    let bytes = std::fs::read(path).map_err(|e| failed(format!("{path}: cannot read: {e}")))?;
    load_survey(&bytes).map_err(|errors| failed(format!("{path}: invalid survey:\n{errors}")))
}

/// A response file holds one response or an array of them, bare or as the app exports them.
fn read_responses(path: &str) -> Result<Vec<Response>, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| failed(format!("{path}: cannot read: {e}")))?;
    responses_from_text(path, &text)
}

fn responses_from_text(path: &str, text: &str) -> Result<Vec<Response>, Failure> {
    if looks_exported(text) {
        return read_envelopes(text.as_bytes())
            .map(|envelopes| envelopes.into_iter().map(|e| e.response).collect())
            .map_err(|problem| failed(format!("{path}: {problem}")));
    }
    let parsed = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<Response>>(text)
    } else {
        serde_json::from_str::<Response>(text).map(|r| vec![r])
    };
    parsed.map_err(|e| {
        failed(format!(
            "{path}: not a response or an array of responses: {e}"
        ))
    })
}

fn print_json(value: &impl serde::Serialize) -> Result<ExitCode, Failure> {
    let json = serde_json::to_string_pretty(value).map_err(|e| failed(e.to_string()))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

fn score_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = read_survey(options)?;
    let [file] = options.files.as_slice() else {
        return Err(usage("score takes exactly one RESPONSE file"));
    };
    let responses = read_responses(file)?;
    let [response] = responses.as_slice() else {
        return Err(failed(format!(
            "{file}: holds {} responses; score takes one",
            responses.len()
        )));
    };
    let model = ScoringModel::new(&survey);
    let scorecard =
        score(&model, response, options.crosshair).map_err(|e| failed(format!("{file}: {e}")))?;
    if options.csv {
        print!("{}", results_csv(&response.id, &scorecard.summary));
        Ok(ExitCode::SUCCESS)
    } else {
        print_json(&scorecard)
    }
}

/// Every response of the files as a scoring row, checked against the survey.
fn rows_of_files(model: &ScoringModel, files: &[String]) -> Result<Vec<Row>, Failure> {
    let mut all = Vec::new();
    for file in files {
        let json = std::fs::read_to_string(file)
            .map_err(|e| failed(format!("{file}: cannot read: {e}")))?;
        let rows = if looks_exported(&json) {
            responses_from_text(file, &json)?
                .iter()
                .map(|response| {
                    model.accepts(response)?;
                    Ok(model.row(response))
                })
                .collect::<Result<Vec<_>, String>>()
        } else {
            rows_from_json(model, &json)
        }
        .map_err(|e| failed(format!("{file}: {e}")))?;
        all.extend(rows);
    }
    Ok(all)
}

fn aggregate_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = read_survey(options)?;
    if options.files.is_empty() {
        return Err(usage("aggregate needs at least one FILE"));
    }
    let model = ScoringModel::new(&survey);
    let mut aggregation = Aggregation::new(&model, Filter::default(), options.by);
    for row in &rows_of_files(&model, &options.files)? {
        aggregation.add(row);
    }
    let report = aggregation.report(&model, options.crosshair);
    if options.csv {
        print!("{}", aggregate_csv(&report));
        Ok(ExitCode::SUCCESS)
    } else {
        print_json(&report)
    }
}

fn rank_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = read_survey(options)?;
    if options.files.is_empty() {
        return Err(usage("rank needs at least one FILE"));
    }
    let model = ScoringModel::new(&survey);
    let partners = rank_partners(&model, &rows_of_files(&model, &options.files)?);
    if options.csv {
        print!("{}", ranking_csv(&survey, &partners));
        Ok(ExitCode::SUCCESS)
    } else {
        print_json(&partners)
    }
}

fn answers_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = read_survey(options)?;
    if options.files.is_empty() {
        return Err(usage("answers needs at least one FILE"));
    }
    let mut responses = Vec::new();
    for file in &options.files {
        responses.extend(read_responses(file)?);
    }
    print!("{}", long_csv(&survey, &responses));
    Ok(ExitCode::SUCCESS)
}

fn generate_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = read_survey(options)?;
    let count = options
        .count
        .ok_or_else(|| usage("--count N is required"))?;
    let seed = options.seed.ok_or_else(|| usage("--seed K is required"))?;
    let responses = generate(&survey, count, seed);
    let json = serde_json::to_string(&responses).map_err(|e| failed(e.to_string()))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}
