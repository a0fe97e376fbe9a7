//! The shipped language files (web/locales): each reads, matches English key for key and
//! placeholder for placeholder, and writes numbers and times the way its language does.

use engine::locale::catalog::{self, Catalog, Direction, REFERENCE};
use engine::locale::clock::Clock;
use engine::locale::numbers::NumberFormat;
use std::collections::BTreeMap;

fn shipped() -> BTreeMap<String, Catalog> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../web/locales");
    let files = std::fs::read_dir(dir)
        .expect("web/locales exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .map(|path| {
            let code = path.file_stem().unwrap().to_str().unwrap().to_owned();
            (code, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    let catalogs = catalog::read_all(files).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(catalogs[0].0, REFERENCE, "English comes first");
    catalogs.into_iter().collect()
}

/// The number format a language's file sets, as the web app builds it.
fn numbers(catalog: &Catalog) -> NumberFormat {
    NumberFormat {
        decimal: catalog.locale.decimal,
        group: catalog.locale.group.clone().leak(),
        minus: catalog.locale.minus.clone().leak(),
        plus: catalog.locale.plus.clone().leak(),
    }
}

#[test]
fn every_language_has_every_english_key_with_the_same_placeholders() {
    // `shipped` fails on any problem; English must be a real file, not an empty one.
    let catalogs = shipped();
    let english = &catalogs[REFERENCE];
    assert!(english.app.len() > 150 && english.dashboard.len() > 100);
    assert!(english.survey_file.len() > 40 && english.editor.len() > 40);
}

#[test]
fn the_shipped_languages_name_themselves_and_set_their_direction() {
    let catalogs = shipped();
    let names: Vec<(&str, &str)> = catalogs
        .iter()
        .map(|(code, catalog)| (code.as_str(), catalog.locale.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ar", "العربية"),
            ("de", "Deutsch"),
            ("en", "English"),
            ("fr", "Français")
        ]
    );
    assert_eq!(catalogs["ar"].locale.direction, Direction::Rtl);
    for code in ["de", "en", "fr"] {
        assert_eq!(catalogs[code].locale.direction, Direction::Ltr, "{code}");
    }
}

#[test]
fn each_language_writes_a_mean_an_amount_and_a_time_its_own_way() {
    let catalogs = shipped();
    // (language, 3.44 to one decimal, 1,250,000.4 grouped, 20:40:55 on its clock)
    let expected = [
        ("en", "3.4", "1,250,000", "8:40:55 PM"),
        ("de", "3,4", "1.250.000", "20:40:55"),
        ("fr", "3,4", "1\u{202f}250\u{202f}000", "20:40:55"),
        ("ar", "3.4", "1,250,000", "20:40:55"),
    ];
    for (code, mean, amount, time) in expected {
        let catalog = &catalogs[code];
        let format = numbers(catalog);
        assert_eq!(format.decimal(3.44), mean, "{code}");
        assert_eq!(format.amount(1_250_000.4), amount, "{code}");
        assert_eq!(
            Clock::from(catalog.locale.clock).time(20, 40, 55),
            time,
            "{code}"
        );
    }
}

#[test]
fn arabic_keeps_a_sign_left_of_its_digits() {
    // In right-to-left text a bare "-" before digits is drawn after them ("25.7-"); CLDR's
    // Arabic with Latin digits puts a left-to-right mark before each sign.
    let catalogs = shipped();
    for (code, minus, plus) in [
        ("ar", "\u{200e}-25.7", "\u{200e}+1.5"),
        ("de", "-25,7", "+1,5"),
        ("en", "-25.7", "+1.5"),
        ("fr", "-25,7", "+1,5"),
    ] {
        let format = numbers(&catalogs[code]);
        assert_eq!(format.signed(-25.66), minus, "{code}");
        assert_eq!(format.signed(1.46), plus, "{code}");
    }
}
