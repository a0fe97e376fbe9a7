//! The survey editor's wasm entry (editor.html): a binary of its own, so that neither partners
//! nor the dashboard download the editor.

fn main() {
    console_error_panic_hook::set_once();
    partnerlens_web::mount_editor();
}
