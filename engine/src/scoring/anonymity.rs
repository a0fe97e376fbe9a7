//! The anonymity threshold: no reported group of partners is smaller than the survey's
//! `min_group_size`, and no hidden group can be worked out by subtracting shown ones from a
//! shown total (docs/scoring.md, "Anonymity threshold").
//!
//! Only partners' responses count: the vendor's own answers are the vendor's to see, and a
//! group of vendor answers alone is always shown.

use crate::scoring::aggregate::{Filter, GroupBy};
use crate::scoring::model::{GroupKeys, Row};
use crate::survey::definition::Survey;
use crate::survey::text::Side;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Numbers left out because they describe fewer partners than the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withheld {
    /// The threshold: the group, or what a shown total would leave of it, holds fewer
    /// partners' responses than this.
    pub fewer_than: u64,
}

/// The smallest number of partners' responses a reported group may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Threshold {
    min: u64,
}

/// The partners of a data set by which of a view's choices they fail, and how the partners of
/// each view one choice wider divide by that choice: what decides whether the view may be
/// shown. Counted one row at a time, so the aggregate counts as it adds.
#[derive(Clone, Debug)]
pub struct ViewCounts {
    filter: Filter,
    /// The dimensions the view chooses in; bit i of a cell's index stands for `restricted[i]`.
    restricted: Vec<GroupBy>,
    /// Partners by the set of choices they fail: cell 0 is the view, and a wider view (some
    /// choices let go) holds the cells of every subset of what it lets go.
    cells: Vec<u64>,
    /// For each restricted dimension, in the same order.
    siblings: Vec<Siblings>,
}

/// The partners of the view with one choice let go, by their answer to it: this view's
/// group (or groups) and its siblings, which the shown ones give away by subtraction.
#[derive(Clone, Debug)]
struct Siblings {
    /// The answers this view keeps.
    chosen: Vec<String>,
    /// In the order of the keys, as "Compare by" orders its groups, so that both withhold
    /// the same group of two the same size.
    groups: BTreeMap<String, u64>,
}

impl ViewCounts {
    pub fn new(filter: &Filter) -> ViewCounts {
        let restricted = filter.restricted();
        let siblings = restricted
            .iter()
            .map(|&by| Siblings {
                chosen: filter.values(by),
                groups: BTreeMap::new(),
            })
            .collect();
        ViewCounts {
            filter: filter.clone(),
            cells: vec![0; 1 << restricted.len()],
            restricted,
            siblings,
        }
    }

    /// Counts a row; only partners' rows count.
    pub fn add(&mut self, keys: &GroupKeys) {
        if keys.side != Side::Partner {
            return;
        }
        let failed = self
            .restricted
            .iter()
            .enumerate()
            .filter(|(_, &by)| !self.filter.keeps(by, keys))
            .fold(0, |failed, (i, _)| failed | 1 << i);
        self.cells[failed] += 1;
        // In the view with choice i let go: failing nothing, or only choice i.
        for (i, (siblings, &by)) in self.siblings.iter_mut().zip(&self.restricted).enumerate() {
            if failed & !(1 << i) != 0 {
                continue;
            }
            let key = by.key(keys);
            match siblings.groups.get_mut(key) {
                Some(partners) => *partners += 1,
                None => {
                    siblings.groups.insert(key.to_owned(), 1);
                }
            }
        }
    }

    /// `Threshold::allows_part` of the view against itself and every wider view, the whole set
    /// included, whose difference from this one would otherwise describe a few partners; and,
    /// in each view one choice wider, `Threshold::withheld_groups` of the groups that choice
    /// divides it into, so that this view is withheld when its group is, as "Compare by"
    /// withholds it there.
    pub fn allows(&self, threshold: Threshold) -> Result<(), Withheld> {
        let kept = self.cells[0];
        (0..self.cells.len())
            .map(|let_go| {
                // The cells of every subset of `let_go`, 0 (the view) included.
                let mut partners = 0;
                let mut subset = let_go;
                loop {
                    partners += self.cells[subset];
                    if subset == 0 {
                        break partners;
                    }
                    subset = (subset - 1) & let_go;
                }
            })
            .try_for_each(|wider| threshold.allows_part(kept, wider))?;
        for siblings in &self.siblings {
            let partners: Vec<u64> = siblings.groups.values().copied().collect();
            let withheld = threshold.withheld_groups(&partners);
            let ours_withheld = siblings
                .groups
                .iter()
                .zip(withheld)
                .any(|((key, _), withheld)| withheld && siblings.chosen.contains(key));
            if ours_withheld {
                return Err(threshold.withheld());
            }
        }
        Ok(())
    }
}

impl Threshold {
    /// Every group shown: for a partner's own results and for tests of the arithmetic.
    pub const NONE: Threshold = Threshold { min: 1 };

    /// A threshold of `min` partners; 0 counts as 1.
    pub fn new(min: u64) -> Threshold {
        Threshold { min: min.max(1) }
    }

    /// The survey's `min_group_size`.
    pub fn of(survey: &Survey) -> Threshold {
        Threshold::new(u64::from(survey.min_group_size))
    }

    pub fn min(self) -> u64 {
        self.min
    }

    pub fn withheld(self) -> Withheld {
        Withheld {
            fewer_than: self.min,
        }
    }

    /// Whether a group of this many partners' responses is too small to show. No partners
    /// is not a group of partners: it shows nothing about anyone.
    pub fn hides(self, partners: u64) -> bool {
        partners > 0 && partners < self.min
    }

    /// Whether a part of a data set may be shown, given the partners it keeps of all the
    /// set's: the part itself, and what the whole set less the part would reveal, must each
    /// be empty or at least the threshold.
    pub fn allows_part(self, kept: u64, all: u64) -> Result<(), Withheld> {
        if self.hides(kept) || self.hides(all.saturating_sub(kept)) {
            Err(self.withheld())
        } else {
            Ok(())
        }
    }

    /// Whether the view of `rows` that `filter` keeps may be shown (`ViewCounts::allows`).
    pub fn allows_view(self, rows: &[Row], filter: &Filter) -> Result<(), Withheld> {
        let mut counts = ViewCounts::new(filter);
        rows.iter().for_each(|row| counts.add(&row.keys));
        counts.allows(self)
    }

    /// Which groups of a shown total to withhold, given each group's partners. The groups
    /// must together make up the total. A group below the threshold is withheld; then, while
    /// the withheld groups hold fewer partners than the threshold together (one alone is
    /// always found by subtraction), the smallest shown group with partners is withheld too.
    pub fn withheld_groups(self, partners: &[u64]) -> Vec<bool> {
        let mut withheld: Vec<bool> = partners.iter().map(|&n| self.hides(n)).collect();
        loop {
            let hidden: Vec<u64> = partners
                .iter()
                .zip(&withheld)
                .filter(|(_, &w)| w)
                .map(|(&n, _)| n)
                .collect();
            let exposed = hidden.len() == 1 || self.hides(hidden.iter().sum());
            if hidden.is_empty() || !exposed {
                return withheld;
            }
            let next = partners
                .iter()
                .zip(&withheld)
                .enumerate()
                .filter(|(_, (&n, &w))| !w && n > 0)
                .min_by_key(|(i, (&n, _))| (n, *i))
                .map(|(i, _)| i);
            match next {
                Some(i) => withheld[i] = true,
                None => return withheld,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Partners of the default survey, one per (region, tier, partner type) listed `count`
    /// times; each rates leads.
    fn partners(groups: &[(&str, &str, &str, usize)]) -> Vec<Row> {
        use crate::answers::response::{Dimension, Response};
        let survey = crate::default_survey();
        let model = crate::scoring::model::ScoringModel::new(&survey);
        let mut rows = Vec::new();
        for &(region, tier, partner_type, count) in groups {
            for _ in 0..count {
                let mut response = Response::new(&survey);
                response.profile.region = Some(region.into());
                response.profile.program_tier = Some(tier.into());
                response.profile.partner_type =
                    (!partner_type.is_empty()).then(|| partner_type.to_owned());
                response.profile.side = Some(Side::Partner);
                response.rate("leads", Dimension::Performance, Some(3));
                rows.push(model.row(&response));
            }
        }
        rows
    }

    fn choose(region: &str, tier: &str, partner_type: &str) -> Filter {
        let only = |value: &str| {
            if value.is_empty() {
                vec![]
            } else {
                vec![value.to_owned()]
            }
        };
        Filter {
            region: only(region),
            program_tier: only(tier),
            partner_type: only(partner_type),
            ..Filter::default()
        }
    }

    #[test]
    fn a_view_one_filter_choice_away_from_a_few_partners_is_withheld() {
        // docs/scoring.md, worked example 7: 30 partners.
        let rows = partners(&[
            ("emea", "gold", "", 8),
            ("emea", "silver", "", 4),
            ("americas", "gold", "", 18),
        ]);
        let five = Threshold::new(5);
        let view = |region: &str, tier: &str| choose(region, tier, "");
        // EMEA and gold: 8 partners, 22 left out, 26 gold in all regions (18 more), but EMEA
        // in all tiers is 12: shown next to it, this view would give away EMEA's 4 silver.
        assert_eq!(
            five.allows_view(&rows, &view("emea", "gold")),
            Err(five.withheld())
        );
        // EMEA alone: 12, with 18 left out; one choice wider is the whole set.
        assert_eq!(five.allows_view(&rows, &view("emea", "")), Ok(()));
        // Gold alone: 26, but the 4 it leaves out are too few (the rule before this one).
        assert_eq!(
            five.allows_view(&rows, &view("", "gold")),
            Err(five.withheld())
        );
        // Americas and gold: 18; gold everywhere has 8 more, the Americas in all tiers none.
        assert_eq!(five.allows_view(&rows, &view("americas", "gold")), Ok(()));
        // The dashboard's aggregate applies the same rule.
        let survey = crate::default_survey();
        let model = crate::scoring::model::ScoringModel::new(&survey);
        let shown = |filter: Filter| {
            let mut aggregation = crate::scoring::aggregate::Aggregation::new(&model, filter, None)
                .with_threshold(five);
            rows.iter().for_each(|row| aggregation.add(row));
            let report = aggregation.report(
                &model,
                crate::scoring::aggregate::CrosshairMode::DataCentred,
            );
            report.overall.shown().map(|summary| summary.responses)
        };
        assert_eq!(shown(view("emea", "gold")), None);
        assert_eq!(shown(view("emea", "")), Some(12));
        assert_eq!(shown(view("americas", "gold")), Some(18));
    }

    #[test]
    fn a_view_two_filter_choices_away_from_a_few_partners_is_withheld() {
        // docs/scoring.md, worked example 7: 33 partners.
        let rows = partners(&[
            ("emea", "gold", "solution-reseller", 10),
            ("emea", "silver", "system-integrator", 3),
            ("americas", "gold", "system-integrator", 10),
            ("americas", "silver", "solution-reseller", 10),
        ]);
        let five = Threshold::new(5);
        // EMEA, gold and resellers: 10. Each view one choice wider also holds these 10 and
        // no more (no gold resellers elsewhere, no other EMEA resellers, no other EMEA gold),
        // but EMEA (13), two choices wider, less this view is its 3 silver integrators.
        assert_eq!(
            five.allows_view(&rows, &choose("emea", "gold", "solution-reseller")),
            Err(five.withheld())
        );
        // The Americas, gold and integrators: 10; the Americas hold 20, integrators 13
        // (3 more, in EMEA): one choice wider, withheld as before.
        assert_eq!(
            five.allows_view(&rows, &choose("americas", "gold", "system-integrator")),
            Err(five.withheld())
        );
        // The Americas and silver: 10; the Americas 20, silver 13 (3 more): withheld.
        assert_eq!(
            five.allows_view(&rows, &choose("americas", "silver", "")),
            Err(five.withheld())
        );
        // Resellers: 20, the 13 left out, and no filter wider than one choice.
        assert_eq!(
            five.allows_view(&rows, &choose("", "", "solution-reseller")),
            Ok(())
        );
    }

    #[test]
    fn a_view_is_withheld_when_its_siblings_would_give_a_small_one_away() {
        // docs/scoring.md, worked example 7: EMEA's gold 8, silver 6 and registered 2, the
        // Americas' gold 20.
        let rows = partners(&[
            ("emea", "gold", "solution-reseller", 8),
            ("emea", "silver", "solution-reseller", 6),
            ("emea", "registered", "solution-reseller", 2),
            ("americas", "gold", "solution-reseller", 20),
        ]);
        let five = Threshold::new(5);
        // EMEA's registered (2) are too few. EMEA (16) less its gold (8) and silver (6) would
        // give it away, so silver, the smaller, is withheld with it, as "Compare by tier"
        // withholds it in EMEA: what is withheld then holds 8 partners.
        assert_eq!(
            five.allows_view(&rows, &choose("emea", "registered", "")),
            Err(five.withheld())
        );
        assert_eq!(
            five.allows_view(&rows, &choose("emea", "silver", "")),
            Err(five.withheld())
        );
        assert_eq!(five.allows_view(&rows, &choose("emea", "gold", "")), Ok(()));
        assert_eq!(five.allows_view(&rows, &choose("emea", "", "")), Ok(()));
        // Silver everywhere is EMEA's silver (6), but the whole set divides by tier the same
        // way: gold 28, silver 6, registered 2. Gold is shown.
        assert_eq!(
            five.allows_view(&rows, &choose("", "silver", "")),
            Err(five.withheld())
        );
        assert_eq!(five.allows_view(&rows, &choose("", "gold", "")), Ok(()));
    }

    #[test]
    fn a_group_under_the_threshold_is_withheld_with_the_next_smallest() {
        let five = Threshold::new(5);
        // 3 is withheld; alone it would be 20 - 12 - 5 - 0, so the 5 goes too.
        assert_eq!(
            five.withheld_groups(&[12, 3, 5, 0]),
            [false, true, true, false]
        );
        // Two small groups of 2 together hold 4: still fewer than 5, so the 6 goes too.
        assert_eq!(
            five.withheld_groups(&[2, 2, 6, 9]),
            [true, true, true, false]
        );
        // Two small groups that hold 5 together protect each other.
        assert_eq!(five.withheld_groups(&[3, 2, 9]), [true, true, false]);
        assert_eq!(five.withheld_groups(&[5, 6]), [false, false]);
        // Vendor-only groups (no partners) stay shown and are never the next smallest.
        assert_eq!(five.withheld_groups(&[4, 0, 7]), [true, false, true]);
        assert_eq!(Threshold::NONE.withheld_groups(&[1, 1]), [false, false]);
    }

    #[test]
    fn a_part_is_withheld_when_the_rest_of_the_set_is_small() {
        let five = Threshold::new(5);
        assert_eq!(five.allows_part(20, 20), Ok(()));
        assert_eq!(five.allows_part(17, 20), Err(Withheld { fewer_than: 5 }));
        assert_eq!(five.allows_part(4, 20), Err(Withheld { fewer_than: 5 }));
        assert_eq!(five.allows_part(5, 10), Ok(()));
        // A part without partners still leaves the whole set's few by subtraction.
        assert_eq!(five.allows_part(0, 3), Err(Withheld { fewer_than: 5 }));
        assert_eq!(five.allows_part(0, 0), Ok(()));
        assert_eq!(Threshold::new(0), Threshold::NONE);
    }
}
