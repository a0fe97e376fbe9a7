//! The partner's first module (index.html's wasm): the survey and the questionnaire only;
//! the rest is `partnerlens-full`, loaded after the first question is on screen.

fn main() {
    console_error_panic_hook::set_once();
    partnerlens_web::mount_first();
}
