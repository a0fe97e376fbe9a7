//! Every format that leaves or enters the app: the exported file and its import, share links,
//! CSV, the rows read straight from JSON, and the vendor's data sets.

pub mod dataset;
pub mod entries;
pub mod export;
pub mod import;
pub mod report_csv;
pub mod response_rows;
pub mod share_link;
