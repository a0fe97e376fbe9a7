//! The vendor dashboard's wasm entry (dashboard.html): a second binary, so partners never
//! download the dashboard and vendors never download the questionnaire.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    partnerlens::ui::mount_dashboard();
}

/// On the host this binary has nothing to do; the `partnerlens` CLI is the native program.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnerlens-dashboard runs in the browser: build it with `make serve`, or use the `partnerlens` CLI.");
    std::process::exit(2);
}
