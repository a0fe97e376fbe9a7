//! A chart's canvas: sized to its container, sharp at any pixel ratio, redrawn when the
//! data, the width, the theme or print mode changes, named by a one-sentence summary, and
//! downloadable as a PNG at twice its size.

use super::painter::{measure_text, Painter};
use super::palette::Palette;
use crate::download::save_blob;
use crate::state::use_app_state;
use leptos::ev;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures a text at a font size, in CSS pixels: what a chart needs to know its height.
pub type Measure<'a> = &'a dyn Fn(&str, f64) -> f64;

/// A chart: its height for a width, and its drawing.
pub trait Chart {
    fn height(&self, width: f64, measure: Measure) -> f64;
    fn draw(&self, painter: &Painter);
}

/// Builds the chart from the current data; None while there is nothing to draw.
pub type ChartFn = Arc<dyn Fn() -> Option<Box<dyn Chart>> + Send + Sync>;

/// Draws `chart` onto `canvas` at `width` CSS pixels and `scale` backing pixels each.
pub fn render(
    canvas: &HtmlCanvasElement,
    chart: &dyn Chart,
    width: f64,
    scale: f64,
    palette: &'static Palette,
) {
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let height = chart.height(width, &|text, size| measure_text(&context, text, size));
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    if let Some(painter) = Painter::new(canvas, context, width, height, scale, palette) {
        chart.draw(&painter);
    }
}

fn container_width(canvas: &HtmlCanvasElement) -> f64 {
    canvas
        .parent_element()
        .map_or(0.0, |parent| f64::from(parent.client_width()))
}

/// Provided where each chart is what its view is for (the dashboard's views): they are drawn
/// at once, not when they come near the screen. Waiting for the reader to scroll there put
/// 130 ms between a data set's first views and their gap chart, two screens down in a 720 px
/// window.
#[derive(Clone, Copy)]
pub struct DrawAtOnce;

/// Tells `near` once an element comes within a screen's height of the screen.
struct NearWatch {
    observer: web_sys::IntersectionObserver,
    // Kept alive as long as the observer may call it.
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearWatch {
    fn new(element: &web_sys::Element, near: RwSignal<bool>) -> Option<NearWatch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let close = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if close && !near.get_untracked() {
                near.set(true);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(element);
        Some(NearWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// One chart, with its PNG download button. `chart` is read in an effect, so the chart is
/// redrawn whenever a signal it reads changes.
#[component]
pub fn ChartCanvas(
    /// One sentence that says what the chart shows: its accessible name.
    #[prop(into)]
    summary: Signal<String>,
    /// The PNG's file name, without the extension.
    file_name: String,
    /// The download button's text, naming the chart.
    download: String,
    chart: ChartFn,
) -> impl IntoView {
    let state = use_app_state();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0);
    // Phones fire resize events while scrolling (the address bar); only a new width redraws.
    let resize = window_event_listener(ev::resize, move |_| {
        if let Some(canvas) = canvas.get_untracked() {
            let now = container_width(&canvas);
            if now != width.get_untracked() {
                width.set(now);
            }
        }
    });
    on_cleanup(move || resize.remove());
    // A long report's lower charts are drawn when the reader comes within a screen of them
    // (or prints): opening the report then costs only the charts in view. Under
    // `DrawAtOnce`, at once.
    let near = RwSignal::new(use_context::<DrawAtOnce>().is_some());
    let watch = StoredValue::new_local(None::<NearWatch>);
    Effect::new(move || {
        if let Some(canvas) = canvas.get() {
            if !near.get_untracked() {
                watch.set_value(NearWatch::new(&canvas, near));
            }
        }
    });
    on_cleanup(move || drop(watch.try_update_value(Option::take)));
    let drawn = chart.clone();
    // Counts drawings, so that a first drawing still waiting for its frame is dropped when a
    // newer one has happened meanwhile.
    let generation = StoredValue::new(0_u32);
    let painted = StoredValue::new(false);
    Effect::new(move || {
        let Some(canvas) = canvas.get() else { return };
        let printing = state.printing.get();
        let palette = Palette::of(state.dark.get() && !printing);
        let known_width = width.get();
        if !near.get() && !printing {
            return;
        }
        let Some(chart) = drawn() else { return };
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let paint = move || {
            if generation.try_get_value() != Some(this) {
                return;
            }
            let css_width = match known_width {
                0.0 => container_width(&canvas),
                known => known,
            };
            if css_width <= 0.0 {
                return;
            }
            // The screen's pixels; print mode redraws at twice the CSS size at least, so a
            // printed chart is sharp. Drawing four times the pixels on a 1x screen made the
            // gap chart's first drawing 11 ms rather than 6.
            let ratio = window().device_pixel_ratio();
            let scale = if printing { ratio.max(2.0) } else { ratio };
            let clock = window().performance();
            let start = clock.as_ref().map(|c| c.now());
            render(&canvas, chart.as_ref(), css_width, scale, palette);
            painted.set_value(true);
            // `make bench` reads how long the last drawing took.
            if let (Some(clock), Some(start)) = (clock, start) {
                let _ = canvas.set_attribute("data-draw-ms", &(clock.now() - start).to_string());
            }
        };
        // The first drawing waits a frame, so the report's text paints first; later ones
        // (a new width, theme, print mode or answer) draw at once, before print takes its copy.
        if painted.get_value() || printing {
            paint();
        } else {
            request_animation_frame(paint);
        }
    });

    let save_png = move |_| {
        let Some(shown) = canvas.get_untracked() else {
            return;
        };
        let Ok(copy) = document().create_element("canvas") else {
            return;
        };
        let Ok(copy) = copy.dyn_into::<HtmlCanvasElement>() else {
            return;
        };
        let palette = Palette::of(state.dark.get_untracked());
        let Some(chart) = untrack(|| chart()) else {
            return;
        };
        render(&copy, chart.as_ref(), container_width(&shown), 2.0, palette);
        let name = format!("{file_name}.png");
        let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                save_blob(&name, &blob);
            }
        });
        let _ = copy.to_blob(saved.unchecked_ref());
    };

    view! {
        <div class="chart">
            <canvas node_ref=canvas role="img" aria-label=summary></canvas>
        </div>
        <button type="button" class="quiet download-png" on:click=save_png>
            {download}
        </button>
    }
}
