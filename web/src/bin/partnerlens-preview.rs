//! The survey editor's preview (preview.html): a binary of its own, so that the editor does
//! not carry the questionnaire and partners never download either.

fn main() {
    console_error_panic_hook::set_once();
    partnerlens_web::mount_preview();
}
