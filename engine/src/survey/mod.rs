//! The survey file: its model, the reader that validates it, where it comes from, and the
//! structure hash that says which answers it accepts.

pub mod definition;
pub mod finding;
pub mod load;
pub mod reader;
pub mod source;
pub mod structure;
pub mod text;
