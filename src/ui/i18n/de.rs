use super::Strings;

pub const STRINGS: Strings = Strings {
    app_name: "PartnerLens",
    language: "Sprache",
    loading_survey: "Die Umfrage wird geladen …",
    survey_error_title: "Diese Umfrage konnte nicht geladen werden",
    survey_error_intro: "Die Umfragedatei unter dieser Adresse enthält Fehler:",
    survey_error_hint: "Wenn Sie diesen Link von Ihrem Anbieter erhalten haben, geben Sie ihm bitte Bescheid. Wenn Sie diese Umfrage bereitstellen, korrigieren Sie die Datei (`partnerlens check` listet dieselben Fehler) und laden Sie die Seite neu.",
    not_applicable: "Nicht zutreffend",
    previous: "Zurück",
    next: "Weiter",
    page_of: "Seite {page} von {pages}",
    saved: "In diesem Browser gespeichert",
    storage_recovered: "Gespeicherte Antworten in diesem Browser waren nicht lesbar und wurden beiseitegelegt. Sie beginnen von vorn.",
    privacy_note: "Ihre Antworten bleiben in diesem Browser, außer Sie exportieren oder teilen sie.",
    not_saved: "Nicht gespeichert: Dieser Browser hat das Speichern der Antworten verweigert",
    pages: "Seiten",
    progress: "Fortschritt",
    answered_of: "{answered} von {total} Antworten gegeben",
    profile_title: "Über Sie",
    required: "Pflichtfeld",
    missing_fields: "Bitte ausfüllen:",
};
