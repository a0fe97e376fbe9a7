//! The engine stays pure: nothing it depends on, directly or through other crates, is a web
//! crate. Cargo resolves the graph; this test reads it (`cargo metadata`) and fails on a web
//! crate anywhere in the engine's normal dependencies, so the engine keeps building and testing
//! on the host for the CLI and the exports.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::process::Command;

/// Crates that only make sense in a browser (or draw on a canvas).
const WEB_CRATES: &[&str] = &[
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "gloo-storage",
    "idb",
    "plotters",
    "plotters-canvas",
    "console_error_panic_hook",
];

/// Every crate the engine's library links, by name.
fn engine_dependencies() -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata is JSON");
    let names: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|package| {
            (
                package["id"].as_str().unwrap(),
                package["name"].as_str().unwrap(),
            )
        })
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("a resolved graph")
        .iter()
        .map(|node| (node["id"].as_str().unwrap(), node))
        .collect();
    let engine = names
        .iter()
        .find(|(_, name)| **name == "partnerlens-engine")
        .map(|(id, _)| *id)
        .expect("the engine is a workspace member");
    let mut seen = BTreeSet::new();
    let mut pending = vec![engine];
    while let Some(id) = pending.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            // Normal dependencies only: the engine's tests and benches may use anything.
            let normal = dep["dep_kinds"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind["kind"].is_null()));
            let pkg = dep["pkg"].as_str().unwrap();
            if normal && seen.insert(names[pkg].to_owned()) {
                pending.push(pkg);
            }
        }
    }
    seen
}

#[test]
fn the_engine_depends_on_no_web_crate() {
    let dependencies = engine_dependencies();
    // The walk itself works: the engine's own direct dependencies are found.
    for expected in ["serde", "serde_json", "miniz_oxide"] {
        assert!(
            dependencies.contains(expected),
            "{expected} missing from {dependencies:?}"
        );
    }
    let web: Vec<&str> = WEB_CRATES
        .iter()
        .copied()
        .filter(|name| dependencies.contains(*name))
        .collect();
    assert!(web.is_empty(), "the engine depends on web crates: {web:?}");
}
