//! Loads the full partner app (its own wasm module, `partnerlens-full`) from the first
//! module and hands over to it. Its files sit next to index.html and are found relative to
//! this snippet's own address (`snippets/<crate>/inline0.js`), so any public URL works.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
let loading = null;
let attempts = 0;
const beside = (name, query) => new URL("../../" + name, import.meta.url).href + query;
export function load_full() {
  if (!loading) {
    // A retry asks again past any cached failure.
    const query = attempts++ ? "?retry=" + attempts : "";
    loading = import(beside("partnerlens-full.js", query)).then((m) =>
      m.default({ module_or_path: beside("partnerlens-full_bg.wasm", query) }).then(() => m));
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function preload_full(survey) {
  const later = self.requestIdleCallback || ((run) => setTimeout(run, 1));
  later(() => load_full().then((m) => later(() => m.prepare(survey))).catch(() => {}));
}
export function start_full(module, handover) {
  module.start(handover);
}
"#)]
extern "C" {
    fn load_full() -> Promise;
    fn preload_full(survey: &str);
    #[wasm_bindgen(catch)]
    fn start_full(module: &JsValue, handover: &str) -> Result<(), JsValue>;
}

/// Starts loading the full app when the browser is idle, and then has it read `survey` (the
/// survey's text) at the next idle moment, so it is ready before it is needed.
pub fn preload(survey: &str) {
    preload_full(survey);
}

/// Loads the full app (once; again after a failure) and starts it with `handover` (JSON).
/// Err when it could not be loaded or started.
pub async fn start(handover: &str) -> Result<(), JsValue> {
    let module = JsFuture::from(load_full()).await?;
    start_full(&module, handover)
}
