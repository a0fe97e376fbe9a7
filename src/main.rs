//! The wasm entry point that Trunk builds: install the panic hook, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    partnerlens::ui::mount();
}

/// On the host this binary has nothing to do; the `partnerlens` CLI is the native program.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnerlens-web runs in the browser: build it with `make serve`, or use the `partnerlens` CLI.");
    std::process::exit(2);
}
