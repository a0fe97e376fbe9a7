//! `partnerlens`: the command-line companion to the app, over the same engine.

use partnerlens::engine::load_survey;
use std::process::ExitCode;

const HELP: &str = "\
partnerlens: check partner-experience survey files

Usage:
  partnerlens check FILE...   validate survey files; print a summary or every error
  partnerlens --version       print the version
  partnerlens --help          print this help

Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version" | "-V") => {
            println!("partnerlens {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("check") => usage("check needs at least one FILE"),
        Some(other) => usage(&format!("unknown command '{other}'")),
        None => usage("no command given"),
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("partnerlens: {problem}\n\n{HELP}");
    ExitCode::from(2)
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
            Ok(survey) => {
                let elements = survey.elements().count();
                println!(
                    "{file}: ok: \"{}\" {} ({}), {} areas, {} elements, {} items, locales {}, structure {}",
                    survey.title.get("en"),
                    survey.id,
                    survey.version,
                    survey.areas.len(),
                    elements,
                    survey.item_count(),
                    survey.locales().join(","),
                    survey.structure_hash()
                );
            }
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
