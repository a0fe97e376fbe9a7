//! Argument handling and the commands.

use engine::analysis::alignment::align_rows;
use engine::analysis::drivers::drivers_report;
use engine::analysis::portfolio::portfolio;
use engine::analysis::summary::executive_summary;
use engine::analysis::waves::{compare_waves, wave_tally};
use engine::codec::export::{looks_exported, read_envelopes};
use engine::codec::report_csv::{
    aggregate_csv, alignment_csv, drivers_csv, long_csv, portfolio_csv, ranking_csv, results_csv,
    waves_csv,
};
use engine::codec::response_rows::rows_from_json;
use engine::generate::{generate_plan, Plan, Shift};
use engine::scoring::aggregate::{Aggregation, CrosshairMode, Filter, GroupBy, Reported};
use engine::scoring::anonymity::{Threshold, Withheld};
use engine::scoring::model::Row;
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::{rank_partners, ranking_report, survey_weights};
use engine::scoring::scorecard::score;
use engine::{load_survey, Response, Survey};
use engine::{Dimension, Side};
use lexopt::prelude::*;
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
                        [--format json|csv] [--crosshair data|scale] [--min-n N]
      Aggregate responses. A group of fewer than N partners' responses (the survey's
      min_group_size, 5 unless it says otherwise) is withheld.
  partnerlens drivers --survey SURVEY FILE... [--format json|csv] [--min-n N]
      The Net Promoter Score, the overall satisfaction, and each element's derived
      importance: how its performance moves with overall satisfaction across partners.
  partnerlens summary --survey SURVEY FILE... [--by region|function|type|tier|side|wave]
                      [--crosshair data|scale] [--min-n N]
      The executive summary as JSON: responses by segment (default by region), the PXI and
      the NPS with their intervals, the priorities and changes that hold up, and the
      vendor's largest disagreements.
  partnerlens rank --survey SURVEY FILE... [--wave W] [--format json|csv]
      Rank the partners by their five-Cs score, overall and within their category. With
      several waves in the files, one counts: W, else the latest.
  partnerlens align --survey SURVEY FILE... [--format json|csv] [--crosshair data|scale]
                    [--min-n N]
      The vendor-side responses against the partner-side ones, per element.
  partnerlens waves --survey SURVEY --earlier WAVE --later WAVE FILE... [--format json|csv]
                    [--crosshair data|scale] [--min-n N]
      Two waves of partner-side responses, per element, and the quadrant movers.
  partnerlens portfolio --survey SURVEY FILE... [--wave W] [--format json|csv]
      Current against potential revenue per partner and per category, in one wave as rank.
  partnerlens answers --survey SURVEY FILE...
      Print the answers as CSV in long form: a row per element per respondent.
  Each FILE holds one response or an array of them, bare or as the app exports them.
  partnerlens generate --survey SURVEY --count N --seed K [--side partner|vendor]
                       [--wave W] [--shift ELEMENT:importance|performance:POINTS]...
      Print N realistic generated responses as one JSON array, answered by that side in
      that wave (default partner, 2026), each --shift moving one rating by scale points.
  partnerlens --version | --help

Exit status: 0 on success, 1 when a file is invalid or refused, 2 on a usage error.
";

/// One command's part of `HELP` (its usage and description), the note on FILE arguments when
/// it reads them, and the exit statuses; None for a command `HELP` does not describe.
fn command_help(command: &str) -> Option<String> {
    let start = format!("  partnerlens {command} ");
    let mut lines = HELP.lines().skip_while(|line| !line.starts_with(&start));
    let first = lines.next()?;
    let mut text = format!("Usage:\n{first}\n");
    for line in lines.take_while(|l| l.starts_with("    ")) {
        text.push_str(line);
        text.push('\n');
    }
    let note = HELP.lines().find(|line| line.starts_with("  Each FILE"));
    if let Some(note) = note.filter(|_| first.contains("FILE...")) {
        text.push_str(note);
        text.push('\n');
    }
    let status = HELP.lines().find(|line| line.starts_with("Exit status"));
    text.push_str(&format!("\n{}\n", status.unwrap_or_default()));
    Some(text)
}

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
    side: Option<Side>,
    wave: Option<String>,
    shifts: Vec<Shift>,
    earlier: Option<String>,
    later: Option<String>,
    min_n: Option<u64>,
}

impl Options {
    /// `--min-n`, else the survey's anonymity threshold.
    fn threshold(&self, survey: &Survey) -> Threshold {
        self.min_n
            .map_or_else(|| Threshold::of(survey), Threshold::new)
    }
}

/// What the CLI says when the numbers asked for would describe too few partners.
fn withheld(what: &str, withheld: Withheld) -> Failure {
    failed(format!(
        "{what}: withheld, as fewer than {} partners' responses would be reported (or be found \
         by subtraction); lower the threshold with --min-n only where the partners agreed to it",
        withheld.fewer_than
    ))
}

/// `ELEMENT:importance|performance:POINTS`, such as `leads:importance:-2`.
fn parse_shift(text: &str) -> Result<Shift, Failure> {
    let wrong = || {
        usage(format!(
            "--shift {text}: use ELEMENT:importance|performance:POINTS"
        ))
    };
    let mut parts = text.rsplitn(3, ':');
    let (by, rated, element) = (parts.next(), parts.next(), parts.next());
    let by: f64 = by
        .and_then(|b| b.parse().ok())
        .filter(|b: &f64| b.is_finite())
        .ok_or_else(wrong)?;
    let rated = match rated {
        Some("importance") => Dimension::Importance,
        Some("performance") => Dimension::Performance,
        _ => return Err(wrong()),
    };
    let element = element
        .filter(|e| !e.is_empty())
        .ok_or_else(wrong)?
        .to_owned();
    Ok(Shift { element, rated, by })
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
            Long("help") | Short('h') => {
                let help = command_help(&command)
                    .ok_or_else(|| usage(format!("unknown command '{command}'")))?;
                print!("{help}");
                return Ok(ExitCode::SUCCESS);
            }
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
            Long("side") => {
                let name = parser.value()?.string()?;
                options.side = Some(
                    Side::from_id(&name)
                        .ok_or_else(|| usage(format!("--side {name}: use partner or vendor")))?,
                );
            }
            Long("wave") => options.wave = Some(parser.value()?.string()?),
            Long("shift") => options
                .shifts
                .push(parse_shift(&parser.value()?.string()?)?),
            Long("earlier") => options.earlier = Some(parser.value()?.string()?),
            Long("later") => options.later = Some(parser.value()?.string()?),
            Long("min-n") => {
                let value = parser.value()?.string()?;
                let n = value.parse::<u64>().ok().filter(|n| *n >= 1);
                options.min_n = Some(n.ok_or_else(|| {
                    usage(format!("--min-n {value}: use a whole number of 1 or more"))
                })?);
            }
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
        "drivers" => drivers_command(&options),
        "summary" => summary_command(&options),
        "align" => align_command(&options),
        "waves" => waves_command(&options),
        "portfolio" => portfolio_command(&options),
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

/// The survey of a command that reads response FILEs, and a usage error without any.
fn survey_and_files(options: &Options, command: &str) -> Result<Survey, Failure> {
    let survey = read_survey(options)?;
    if options.files.is_empty() {
        return Err(usage(format!("{command} needs at least one FILE")));
    }
    Ok(survey)
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
    let survey = survey_and_files(options, "aggregate")?;
    let model = ScoringModel::new(&survey);
    let mut aggregation = Aggregation::new(&model, Filter::default(), options.by)
        .with_threshold(options.threshold(&survey));
    for row in &rows_of_files(&model, &options.files)? {
        aggregation.add(row);
    }
    let report = aggregation.report(&model, options.crosshair);
    print_either(options, || aggregate_csv(&report), &report)
}

fn drivers_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "drivers")?;
    let model = ScoringModel::new(&survey);
    let mut aggregation = Aggregation::new(&model, Filter::default(), None)
        .with_threshold(options.threshold(&survey));
    for row in &rows_of_files(&model, &options.files)? {
        aggregation.add(row);
    }
    let report = aggregation.report(&model, options.crosshair);
    let summary = match &report.overall {
        Reported::Shown(summary) => summary,
        Reported::Withheld { withheld: w } => return Err(withheld("the responses", *w)),
    };
    let drivers = drivers_report(summary).ok_or_else(|| {
        failed("the survey has no overall section (sections.overall): there is nothing to relate")
    })?;
    print_either(options, || drivers_csv(&drivers), &drivers)
}

fn rank_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "rank")?;
    let model = ScoringModel::new(&survey);
    let rows = rows_of_files(&model, &options.files)?;
    let filter = one_wave(options, &rows);
    let partners = rank_partners(&model, rows.iter().filter(|r| filter.matches(&r.keys)));
    let report = ranking_report(&survey, partners, &survey_weights(&survey));
    print_either(options, || ranking_csv(&survey, &report), &report)
}

/// The wave that counts when partners are counted: `--wave`, else the latest in the files.
fn one_wave(options: &Options, rows: &[Row]) -> Filter {
    let chosen = Filter {
        wave: options.wave.iter().cloned().collect(),
        ..Filter::default()
    };
    chosen.one_wave(rows).0
}

/// Prints CSV, or the value as JSON.
fn print_either(
    options: &Options,
    csv: impl FnOnce() -> String,
    value: &impl serde::Serialize,
) -> Result<ExitCode, Failure> {
    if options.csv {
        print!("{}", csv());
        Ok(ExitCode::SUCCESS)
    } else {
        print_json(value)
    }
}

fn summary_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "summary")?;
    if options.csv {
        return Err(usage("summary writes JSON only"));
    }
    let model = ScoringModel::new(&survey);
    let rows = rows_of_files(&model, &options.files)?;
    let summary = executive_summary(
        &model,
        &rows,
        &Filter::default(),
        options.by.unwrap_or(GroupBy::Region),
        options.crosshair,
        options.threshold(&survey),
    )
    .map_err(|w| withheld("the responses", w))?;
    print_json(&summary)
}

fn align_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "align")?;
    let model = ScoringModel::new(&survey);
    let rows = rows_of_files(&model, &options.files)?;
    let threshold = options.threshold(&survey);
    let alignment = align_rows(
        &model,
        &rows,
        &Filter::default(),
        options.crosshair,
        threshold,
    )
    .map_err(|w| withheld("the partners' side", w))?;
    print_either(options, || alignment_csv(&alignment), &alignment)
}

fn waves_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "waves")?;
    let (Some(earlier), Some(later)) = (&options.earlier, &options.later) else {
        return Err(usage("waves needs --earlier WAVE and --later WAVE"));
    };
    if earlier == later {
        return Err(usage("waves compares two different waves"));
    }
    let model = ScoringModel::new(&survey);
    let rows = rows_of_files(&model, &options.files)?;
    let threshold = options.threshold(&survey);
    let tally = |wave: &String| {
        let tally = wave_tally(&model, &rows, &Filter::default(), wave, threshold)
            .map_err(|w| withheld(&format!("wave '{wave}'"), w))?;
        match tally.responses {
            0 => Err(failed(format!("no partner answers in wave '{wave}'"))),
            _ => Ok(tally),
        }
    };
    let comparison = compare_waves(&model, &tally(earlier)?, &tally(later)?, options.crosshair);
    print_either(options, || waves_csv(&comparison), &comparison)
}

fn portfolio_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "portfolio")?;
    let model = ScoringModel::new(&survey);
    let rows = rows_of_files(&model, &options.files)?;
    let filter = one_wave(options, &rows);
    let portfolio = portfolio(&model, rows.iter().filter(|r| filter.matches(&r.keys)));
    print_either(options, || portfolio_csv(&portfolio), &portfolio)
}

fn answers_command(options: &Options) -> Result<ExitCode, Failure> {
    let survey = survey_and_files(options, "answers")?;
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
    if let Some(shift) = options
        .shifts
        .iter()
        .find(|s| !survey.rated_elements().any(|e| e.id == s.element))
    {
        return Err(usage(format!(
            "--shift: the survey has no element '{}'",
            shift.element
        )));
    }
    let mut plan = Plan::new(count, seed);
    plan.side = options.side.unwrap_or(Side::Partner);
    if let Some(wave) = &options.wave {
        plan.wave = wave.clone();
    }
    plan.shifts = options.shifts.clone();
    let responses = generate_plan(&survey, &plan);
    let json = serde_json::to_string(&responses).map_err(|e| failed(e.to_string()))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}
