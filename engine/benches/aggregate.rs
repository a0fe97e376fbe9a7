//! Aggregation over 10,000 generated responses of the default survey (`make bench`).
//! Reported, not asserted: figures go to docs/performance.md.

use criterion::{criterion_group, Criterion};
use engine::codec::response_rows::rows_from_json;
use engine::generate::generate;
use engine::load_survey;
use engine::scoring::aggregate::{Aggregation, CrosshairMode, Filter, GroupBy};
use engine::scoring::model::ScoringModel;
use engine::scoring::ranking::rank_partners;
use std::hint::black_box;

const COUNT: usize = 10_000;

fn bench(c: &mut Criterion) {
    let survey = load_survey(include_bytes!(
        "../../web/public/surveys/partner-experience.json"
    ))
    .expect("default survey");
    let model = ScoringModel::new(&survey);
    let responses = generate(&survey, COUNT, 42);
    let json = serde_json::to_string(&responses).expect("serializable");
    // Ids are resolved to indices here, once, not in the aggregation loop.
    let rows: Vec<_> = responses.iter().map(|r| model.row(r)).collect();

    let mut group = c.benchmark_group("10k responses");
    group.sample_size(20);
    group.bench_function("aggregate parsed rows, all elements, by region", |b| {
        b.iter(|| {
            let mut aggregation =
                Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
            for row in &rows {
                aggregation.add(row);
            }
            black_box(aggregation.report(&model, CrosshairMode::DataCentred))
        })
    });
    group.bench_function("parse JSON array and aggregate by region", |b| {
        b.iter(|| {
            let rows = rows_from_json(&model, &json).expect("valid, same survey");
            let mut aggregation =
                Aggregation::new(&model, Filter::default(), Some(GroupBy::Region));
            for row in &rows {
                aggregation.add(row);
            }
            black_box(aggregation.report(&model, CrosshairMode::DataCentred))
        })
    });
    group.bench_function("rank and group partners", |b| {
        b.iter(|| black_box(rank_partners(&model, &rows)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion::criterion_main!(benches);
