//! `partnerlens check`, run as a vendor would run it.

use std::process::Command;

fn partnerlens(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the CLI runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_summarises_both_shipped_surveys() {
    let (code, out, _) = partnerlens(&[
        "check",
        "public/surveys/partner-experience.json",
        "public/surveys/extended-example.json",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("7 areas, 28 elements"), "{}", lines[0]);
    assert!(lines[0].contains("locales en,de"), "{}", lines[0]);
    assert!(lines[1].contains("9 areas, 33 elements"), "{}", lines[1]);
}

#[test]
fn check_lists_every_error_and_fails() {
    let (code, out, err) = partnerlens(&["check", "tests/fixtures/surveys/many-errors.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("4 error(s)"), "{err}");
    assert!(
        err.contains("areas[1].elements[0].id: duplicate id \"leads\""),
        "{err}"
    );
}

#[test]
fn a_valid_and_an_invalid_file_together_fail() {
    let (code, out, err) = partnerlens(&[
        "check",
        "tests/fixtures/surveys/minimal.json",
        "tests/fixtures/surveys/bad-scale.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("minimal.json: ok"));
    assert!(err.contains("bad-scale.json: 1 error(s)"));
}

#[test]
fn version_help_and_usage_errors() {
    let (code, out, _) = partnerlens(&["--version"]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("partnerlens ", env!("CARGO_PKG_VERSION")))
    );
    let (code, out, _) = partnerlens(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("partnerlens check FILE..."));
    let (code, _, err) = partnerlens(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown command 'frobnicate'"));
    let (code, _, err) = partnerlens(&["check", "no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("no-such-file.json: cannot read"));
}
