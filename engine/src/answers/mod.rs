//! One respondent's answers and everything that keeps them: the questionnaire's pages, the
//! stored assessment and its merge, prefilled profiles, entries set aside, the hand-over
//! between the partner's two modules.

pub mod assessment;
pub mod handover;
pub mod prefill;
pub mod questionnaire;
pub mod response;
pub mod set_aside;
pub mod validation;
