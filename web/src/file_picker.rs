//! Choosing files: the import's and the dashboard's picker of JSON files, and a file chooser
//! that looks like a button (the survey editor's).

use leptos::prelude::*;

/// The files of a picker or a drop, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Files dropped anywhere on the window go to `take` while the calling component lives: a drop
/// that misses a small target would otherwise open the file in place of the app. `dragging`
/// is true while files are held over the window.
pub fn take_dropped_files(dragging: RwSignal<bool>, take: impl Fn(Vec<web_sys::File>) + 'static) {
    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .is_some_and(|data| data.types().includes(&"Files".into(), 0))
    };
    let listeners = [
        window_event_listener(leptos::ev::dragover, move |event| {
            if carries_files(&event) {
                event.prevent_default();
                dragging.set(true);
            }
        }),
        window_event_listener(leptos::ev::dragleave, move |event| {
            // Leaving for a child element is not leaving the window.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        }),
        window_event_listener(leptos::ev::drop, move |event| {
            // Text dragged into a field is the browser's to handle.
            if !carries_files(&event) {
                return;
            }
            event.prevent_default();
            dragging.set(false);
            take(files_of(
                event.data_transfer().and_then(|data| data.files()),
            ));
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
}

/// A labelled picker of one or many JSON files. Choosing the same files again is a new choice.
#[component]
pub fn FilePicker(
    id: &'static str,
    label: Signal<&'static str>,
    /// While files are being read, no more can be chosen.
    busy: Signal<bool>,
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    view! {
        <p class="pick">
            <label for=id>{label}</label>
            <input
                type="file"
                id=id
                multiple
                accept=".json,application/json"
                prop:disabled=busy
                on:change:target=move |ev| {
                    let input = ev.target();
                    on_files.run(files_of(input.files()));
                    input.set_value("");
                }
            />
        </p>
    }
}

/// A file chooser that looks like a button: its label is the button, and the input, kept for
/// the keyboard and screen readers, is hidden from sight. Choosing the same file again is a
/// new choice.
#[component]
pub fn FileButton(
    id: &'static str,
    label: Signal<&'static str>,
    /// The file types offered, as the input's `accept`.
    accept: &'static str,
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    view! {
        <label class="button" for=id>{label}</label>
        <input
            type="file"
            id=id
            class="visually-hidden"
            accept=accept
            on:change:target=move |ev| {
                let input = ev.target();
                on_files.run(files_of(input.files()));
                input.set_value("");
            }
        />
    }
}
