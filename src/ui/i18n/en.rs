use super::Strings;

pub const STRINGS: Strings = Strings {
    app_name: "PartnerLens",
    language: "Language",
    loading_survey: "Loading the survey…",
    survey_error_title: "This survey could not be loaded",
    survey_error_intro: "The survey file at this address has problems:",
    survey_error_hint: "If you received this link from your vendor, please tell them. If you host this survey, fix the file (`partnerlens check` lists the same problems) and reload.",
    not_applicable: "Not applicable",
    previous: "Previous",
    next: "Next",
    page_of: "Page {page} of {pages}",
    saved: "Saved in this browser",
    storage_recovered: "Saved answers in this browser could not be read and were set aside. You are starting afresh.",
    privacy_note: "Your answers stay in this browser unless you export or share them.",
    not_saved: "Not saved: this browser refused to store the answers",
    pages: "Pages",
    progress: "Progress",
    answered_of: "{answered} of {total} answers given",
    profile_title: "About you",
    required: "required",
    missing_fields: "Please fill in:",
};
