//! The full partner app (the review and results, the list of assessments, share links,
//! import): a second wasm module that the first one loads at idle and starts with `start`.

/// Mounts the full app where the first module left off; `handover` is its state as JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(handover: &str) {
    partnerlens::ui::mount_full(handover);
}

/// Loading the module only installs the panic hook; `start` mounts the app.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

/// On the host this binary has nothing to do; the `partnerlens` CLI is the native program.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnerlens-full runs in the browser: build it with `make serve`, or use the `partnerlens` CLI.");
    std::process::exit(2);
}
