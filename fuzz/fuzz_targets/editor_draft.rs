//! The survey editor's stored draft on any text: reading it never panics, and neither does
//! undoing and redoing its whole history (a draft edited by hand may hold edits that no longer
//! fit its tree), checking it or writing its file.
#![no_main]

use engine::editor::draft::Draft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut draft) = Draft::from_json(text) else {
        return;
    };
    while draft.undo() {}
    while draft.redo() {}
    let _ = draft.check();
    let file = draft.file();
    assert!(file.ends_with('\n'));
});
