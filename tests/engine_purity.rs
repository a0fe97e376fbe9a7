//! The engine is pure: no web crate and no UI code may be reached from `src/engine/`.
//! It must build and test on the host and be shared by the app, the CLI and the exports.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "plotters",
    "crate::ui",
    "super::super::ui",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/engine is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The forbidden names found in one file's source, outside comments.
fn offences(source: &str) -> Vec<String> {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .enumerate()
        .flat_map(|(n, code)| {
            FORBIDDEN
                .iter()
                .filter(move |name| code.contains(*name))
                .map(move |name| format!("line {}: {name}", n + 1))
        })
        .collect()
}

#[test]
fn the_engine_uses_no_web_crate_and_no_ui_code() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    assert!(
        files.len() >= 5,
        "expected the engine's modules, found {files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).expect("engine source is UTF-8");
        for offence in offences(&source) {
            found.push(format!("{}: {offence}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "the engine must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_each_kind_of_offence() {
    assert_eq!(offences("use leptos::prelude::*;"), ["line 1: leptos"]);
    assert_eq!(
        offences("fn f() {}\nlet w = web_sys::window();"),
        ["line 2: web_sys"]
    );
    assert_eq!(offences("use crate::ui::App;"), ["line 1: crate::ui"]);
    assert!(offences("// leptos is only named in a comment").is_empty());
}
