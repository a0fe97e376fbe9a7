//! The vendor dashboard's wasm entry (dashboard.html): a binary of its own, so partners never
//! download the dashboard and vendors never download the questionnaire.

fn main() {
    console_error_panic_hook::set_once();
    partnerlens_web::mount_dashboard();
}
