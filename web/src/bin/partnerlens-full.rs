//! The full partner app (the review and results, the list of assessments, share links,
//! import): a second wasm module that the first one loads at idle and starts with `start`.

/// Mounts the full app where the first module left off; `handover` is its state as JSON.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(handover: &str) {
    partnerlens_web::mount_full(handover);
}

/// Reads the survey the first module shows (its text), ahead of the hand-over.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare(survey: &str) {
    partnerlens_web::prepare(survey);
}

/// Loading the module only installs the panic hook; `start` mounts the app.
fn main() {
    console_error_panic_hook::set_once();
}
