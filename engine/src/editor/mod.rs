//! The survey editor's model: edits of a survey file's JSON tree that undo and redo, the draft
//! that holds them, and the one way the editor writes a file.

pub mod audience;
pub mod changes;
pub mod draft;
pub mod edit;
pub mod form;
pub mod places;
pub mod translations;
pub mod write;
