//! The partner's first module (index.html's wasm): the survey and the questionnaire only;
//! the rest is `partnerlens-full`, loaded after the first question is on screen.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    partnerlens::ui::mount_first();
}

/// On the host this binary has nothing to do; the `partnerlens` CLI is the native program.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnerlens-web runs in the browser: build it with `make serve`, or use the `partnerlens` CLI.");
    std::process::exit(2);
}
