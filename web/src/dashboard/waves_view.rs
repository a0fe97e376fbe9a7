//! Two waves compared: each element's change in performance and gap, arrows from the earlier
//! place to the later one, the quadrant movers, and the elements only one wave has. The
//! earlier wave may come from another data set of the same survey; the filters apply to
//! both waves, to partner answers only.

use super::arrows::{arrow_section, Arrow, Words};
use super::verdict_view::nps_change_sentence;
use super::views::{csv_and_json, withheld_text};
use super::{adjusted_p, Dash};
use crate::charts::GapChart;
use crate::i18n::{Locale, Strings};
use crate::results::chart_section::{chart_section, Section};
use crate::results::{cell, element_info, quadrant_names};
use crate::state::{use_app_state, use_survey};
use engine::analysis::waves::{
    compare_waves, partner_waves, wave_pair, wave_tally, Presence, WaveComparison,
};
use engine::codec::report_csv::waves_csv;
use engine::scoring::anonymity::Threshold;
use engine::scoring::model::ScoringModel;
use engine::Survey;
use leptos::prelude::*;

/// The chosen pair: (earlier wave, later wave, earlier's label).
#[derive(Clone, Debug, PartialEq)]
struct Pair {
    earlier: String,
    later: String,
    earlier_label: String,
}

/// The waves view over the open data set.
#[component]
pub fn WavesView(dash: Dash) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let words = locale.dash();
    let pick = dash.waves;
    let from_here = Memo::new(move |_| pick.earlier_set.with(String::is_empty));
    let later_waves = Memo::new(move |_| {
        dash.current.with(|c| {
            c.as_ref()
                .map(|l| partner_waves(l.rows.iter()))
                .unwrap_or_default()
        })
    });
    let earlier_waves = Memo::new(move |_| {
        if from_here.get() {
            later_waves.get()
        } else {
            pick.other.with(|o| {
                o.as_ref()
                    .map(|l| partner_waves(l.rows.iter()))
                    .unwrap_or_default()
            })
        }
    });
    let pair = Memo::new(move |_| {
        let from_here = from_here.get();
        let (earlier, later) = later_waves.with(|later_all| {
            earlier_waves.with(|earlier_all| {
                pick.earlier.with(|earlier| {
                    pick.later.with(|later| {
                        wave_pair(later_all, earlier_all, (earlier, later), from_here)
                    })
                })
            })
        })?;
        let earlier_label = if from_here {
            earlier.clone()
        } else {
            let name = pick
                .other
                .with(|o| o.as_ref().map(|o| o.info.name.clone()).unwrap_or_default());
            format!("{earlier} ({name})")
        };
        Some(Pair {
            earlier,
            later,
            earlier_label,
        })
    });
    let compare_survey = survey.clone();
    // Each wave must hold enough partners for anonymity, or the comparison is withheld.
    let result = Memo::new(move |_| {
        let pair = pair.get()?;
        if from_here.get() && pair.earlier == pair.later {
            return None;
        }
        // The waves are picked here, and only partners are compared.
        let filter = dash.filter.get();
        let threshold = Threshold::of(&compare_survey);
        let mode = dash.mode.get();
        let model = ScoringModel::new(&compare_survey);
        let later = dash.current.with(|c| {
            c.as_ref()
                .map(|c| wave_tally(&model, &c.rows, &filter, &pair.later, threshold))
        })?;
        let earlier = if from_here.get() {
            dash.current.with(|c| {
                c.as_ref()
                    .map(|c| wave_tally(&model, &c.rows, &filter, &pair.earlier, threshold))
            })
        } else {
            pick.other.with(|o| {
                o.as_ref()
                    .map(|o| wave_tally(&model, &o.rows, &filter, &pair.earlier, threshold))
            })
        }?;
        Some(later.and_then(|later| Ok(compare_waves(&model, &earlier?, &later, mode))))
    });
    let comparison = Memo::new(move |_| result.with(|r| r.as_ref()?.as_ref().ok().cloned()));
    let withheld = Memo::new(move |_| result.with(|r| r.as_ref()?.as_ref().err().copied()));
    let chart_survey = survey.clone();
    let section = Memo::new(move |_| {
        let diagonal = dash.diagonal.get();
        let pair = pair.get()?;
        comparison.with(|c| chart(&chart_survey, locale, c.as_ref()?, &pair, diagonal))
    });

    let sets_survey = survey.clone();
    let other_sets = move || {
        let current = dash
            .current
            .with(|c| c.as_ref().map(|c| c.info.id.clone()).unwrap_or_default());
        let survey_id = sets_survey.id.clone();
        dash.sets.with(|sets| {
            sets.iter()
                .filter(|s| s.survey_id == survey_id && s.id != current)
                .map(|s| {
                    let id = s.id.clone();
                    // The property, not the attribute: it still applies once the user has chosen.
                    let selected = move || pick.earlier_set.get() == id;
                    view! { <option value=s.id.clone() prop:selected=selected>{s.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let options = move |waves: Memo<Vec<String>>, chosen: Memo<Option<String>>| {
        move || {
            waves
                .get()
                .into_iter()
                .map(|w| {
                    let selected = chosen.get().as_deref() == Some(w.as_str());
                    view! { <option value=w.clone() prop:selected=selected>{w.clone()}</option> }
                })
                .collect_view()
        }
    };
    let earlier_chosen = Memo::new(move |_| pair.get().map(|p| p.earlier));
    let later_chosen = Memo::new(move |_| pair.get().map(|p| p.later));
    let pick_survey = survey.clone();
    let lists_survey = survey.clone();
    let lists = move || {
        let pair = pair.get()?;
        comparison.with(|c| {
            let c = c.as_ref()?;
            Some(lists_view(&lists_survey, locale, c, &pair))
        })
    };
    let status = move || {
        if pick.loading.get() {
            return Some(words.waves_loading.to_owned());
        }
        if from_here.get() && later_waves.with(|w| w.len() < 2) {
            return Some(words.waves_need_two.to_owned());
        }
        let Some(pair) = pair.get() else {
            return Some(words.waves_none.to_owned());
        };
        if let Some(w) = withheld.get() {
            return Some(withheld_text(words.dash_withheld_view, w.fewer_than));
        }
        if comparison.with(Option::is_none) {
            return Some(words.waves_same.to_owned());
        }
        comparison.with(|c| {
            let c = c.as_ref()?;
            Some(Strings::fill(
                words.waves_counts,
                &[
                    ("earlier", &pair.earlier_label),
                    ("earlier_n", &c.earlier_responses.to_string()),
                    ("later", &pair.later),
                    ("later_n", &c.later_responses.to_string()),
                ],
            ))
        })
    };
    // Each wave's NPS, when the survey asks the recommendation question.
    let nps = move || {
        let pair = pair.get()?;
        comparison.with(|c| {
            let c = c.as_ref()?;
            let (earlier, later) = (c.earlier_nps.as_ref()?, c.later_nps.as_ref()?);
            Some(nps_change_sentence(
                locale,
                (&pair.earlier_label, &pair.later),
                (earlier, later),
                c.nps_change,
            ))
        })
    };
    let title = move || {
        pair.get().map_or_else(
            || words.dash_view_waves.to_owned(),
            |p| {
                Strings::fill(
                    words.waves_title,
                    &[("earlier", &p.earlier_label), ("later", &p.later)],
                )
            },
        )
    };
    view! {
        <h3 id="waves-title">{title}</h3>
        <div class="filter-grid wave-pick">
            <p>
                <label for="wave-earlier-set">{words.waves_earlier_set}</label>
                <select id="wave-earlier-set" on:change:target=move |ev| pick.pick_set(dash, pick_survey.clone(), ev.target().value())>
                    <option value="" prop:selected=move || from_here.get()>{words.waves_this_set}</option>
                    {other_sets}
                </select>
            </p>
            <p>
                <label for="wave-earlier">{words.waves_earlier}</label>
                <select id="wave-earlier" on:change:target=move |ev| pick.earlier.set(ev.target().value())>
                    {options(earlier_waves, earlier_chosen)}
                </select>
            </p>
            <p>
                <label for="wave-later">{words.waves_later}</label>
                <select id="wave-later" on:change:target=move |ev| pick.later.set(ev.target().value())>
                    {options(later_waves, later_chosen)}
                </select>
            </p>
        </div>
        <p role="status" class="wave-status">{status}</p>
        {move || nps().map(|text| view! { <p class="nps">{text}</p> })}
        {chart_section(strings, "dash-waves-chart", words.waves_chart_title.to_owned(), section)}
        {lists}
        <p class="downloads">{csv_and_json(dash, "waves", (words.waves_csv, words.waves_json), move || comparison.with(Option::is_some), move || comparison.get_untracked(), waves_csv)}</p>
    }
}

/// The movers and the elements of one wave only.
fn lists_view(survey: &Survey, locale: Locale, c: &WaveComparison, pair: &Pair) -> impl IntoView {
    let strings = locale.strings();
    let words = locale.dash();
    let code = locale.code();
    let info = element_info(survey);
    let label = |id: &str| {
        c.elements
            .iter()
            .position(|e| e.id == id)
            .map_or(id.to_owned(), |i| info[i].1.get(code).to_owned())
    };
    let names = quadrant_names(strings);
    // A move is a finding only when the gap's change holds up; the rest are named once.
    let movers: Vec<_> = c
        .movers()
        .filter(|(e, ..)| e.move_holds_up())
        .map(|(e, from, to)| {
            let text = Strings::fill(
                words.waves_moved_item,
                &[
                    ("element", &label(&e.id)),
                    ("from", &names[from.index()]),
                    ("to", &names[to.index()]),
                ],
            );
            view! { <li>{text}{adjusted_p(locale, e.gap_change)}</li> }
        })
        .collect();
    let weak: Vec<String> = c
        .movers()
        .filter(|(e, ..)| !e.move_holds_up())
        .map(|(e, ..)| label(&e.id))
        .collect();
    let weak = (!weak.is_empty())
        .then(|| Strings::fill(words.waves_moved_weak, &[("elements", &weak.join(", "))]));
    let movers = if movers.is_empty() {
        let none = if weak.is_some() {
            words.waves_moved_not_findings
        } else {
            words.waves_moved_none
        };
        view! { <p>{none}</p> }.into_any()
    } else {
        view! { <ul class="movers">{movers}</ul> }.into_any()
    };
    let weak = weak.map(|text| view! { <p class="not-findings">{text}</p> });
    let one_wave: Vec<_> = [
        (Presence::EarlierOnly, &pair.earlier_label),
        (Presence::LaterOnly, &pair.later),
    ]
    .into_iter()
    .filter_map(|(presence, wave)| {
        let elements: Vec<String> = c.only(presence).map(|e| label(&e.id)).collect();
        (!elements.is_empty()).then(|| {
            let text = Strings::fill(
                words.waves_only_in,
                &[("wave", wave), ("elements", &elements.join(", "))],
            );
            view! { <li>{text}</li> }
        })
    })
    .collect();
    let one_wave = if one_wave.is_empty() {
        view! { <p>{words.waves_one_none}</p> }.into_any()
    } else {
        view! { <ul class="one-wave">{one_wave}</ul> }.into_any()
    };
    view! {
        <section class="report-section" aria-labelledby="movers-title">
            <h4 id="movers-title">{words.waves_moved_title}</h4>
            {movers}
            {weak}
        </section>
        <section class="report-section" aria-labelledby="one-wave-title">
            <h4 id="one-wave-title">{words.waves_one_title}</h4>
            {one_wave}
        </section>
    }
}

fn chart(
    survey: &Survey,
    locale: Locale,
    c: &WaveComparison,
    pair: &Pair,
    diagonal: bool,
) -> Option<Section<GapChart>> {
    let strings = locale.strings();
    let words = locale.dash();
    let names = quadrant_names(strings);
    let quadrant = |q: Option<engine::scoring::aggregate::Quadrant>| {
        q.map_or("–".to_owned(), |q| names[q.index()].clone())
    };
    let arrows: Vec<Arrow> = c
        .elements
        .iter()
        .enumerate()
        .filter_map(|(element, e)| {
            let (earlier, later) = (e.earlier?, e.later?);
            let cells = vec![
                cell(locale, Some(earlier.performance)),
                cell(locale, Some(later.performance)),
                cell(locale, e.delta_performance()),
                cell(locale, Some(earlier.gap)),
                cell(locale, Some(later.gap)),
                cell(locale, e.delta_gap()),
                format!(
                    "{} → {}",
                    quadrant(earlier.quadrant),
                    quadrant(later.quadrant)
                ),
            ];
            Some(Arrow {
                element,
                to: (later.importance, later.performance),
                from: Some((earlier.importance, earlier.performance)),
                strong: e.moved().is_some(),
                cells,
            })
        })
        .collect();
    let waves = [
        ("earlier", pair.earlier_label.as_str()),
        ("later", pair.later.as_str()),
    ];
    let summary = Strings::fill(
        words.waves_chart_summary,
        &[
            ("count", &arrows.len().to_string()),
            ("moved", &c.movers().count().to_string()),
            ("later", &pair.later),
        ],
    );
    arrow_section(
        survey,
        locale,
        arrows,
        c.later_crosshair,
        diagonal,
        Words {
            summary,
            note: Strings::fill(words.waves_chart_note, &waves),
            headers: vec![
                Strings::fill(words.col_performance_in, &[("wave", &pair.earlier_label)]),
                Strings::fill(words.col_performance_in, &[("wave", &pair.later)]),
                words.col_delta_performance.to_owned(),
                Strings::fill(words.col_gap_in, &[("wave", &pair.earlier_label)]),
                Strings::fill(words.col_gap_in, &[("wave", &pair.later)]),
                words.col_delta_gap.to_owned(),
                words.col_quadrants.to_owned(),
            ],
            // The last cell is the quadrants, in words.
            numeric: 6,
        },
    )
}
