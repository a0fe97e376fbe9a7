//! `partnerlens`: the command-line companion to the app, over the same engine.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}

/// The CLI is a native program; a wasm32 build of it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
