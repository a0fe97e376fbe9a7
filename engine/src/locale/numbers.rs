//! Numbers as a language writes them. The decimal mark and the thousands separator come from
//! the language's file (web/locales), so adding a language adds no code.

/// How one language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    /// Between the whole part and the decimals: "." in English, "," in German and French.
    pub decimal: char,
    /// Between groups of three digits: "," in English, "." in German, a narrow no-break space
    /// in French.
    pub group: &'static str,
    /// Before a negative number: "-", with a left-to-right mark in Arabic.
    pub minus: &'static str,
    /// Before a positive number shown with its sign.
    pub plus: &'static str,
}

impl NumberFormat {
    /// A mean or a gap with one decimal ("3.4", "3,4"). Halves round away from zero (2.25 is
    /// "2.3"), as people round by hand, and a value that rounds to zero has no minus sign.
    pub fn decimal(self, value: f64) -> String {
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { self.minus } else { "" };
        let tenths = tenths.unsigned_abs();
        format!("{sign}{}{}{}", tenths / 10, self.decimal, tenths % 10)
    }

    /// A change with one decimal and its sign ("+1.5", "-0.3"); zero has none.
    pub fn signed(self, value: f64) -> String {
        let text = self.decimal(value);
        if (value * 10.0).round() as i64 > 0 {
            format!("{}{text}", self.plus)
        } else {
            text
        }
    }

    /// A correlation with two decimals ("0.78", "0,78").
    pub fn hundredths(self, value: f64) -> String {
        let text =
            format!("{:.2}", value.abs()).replace('.', self.decimal.encode_utf8(&mut [0; 4]));
        // "-0.00" is no number anyone writes.
        if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            format!("{}{text}", self.minus)
        } else {
            text
        }
    }

    /// A p-value with three decimals ("0.012", "0,012"), or "< 0.001" below that.
    pub fn p_value(self, p: f64) -> String {
        let mark = self.decimal.encode_utf8(&mut [0; 4]).to_owned();
        if p < 0.001 {
            format!("< 0{mark}001")
        } else {
            format!("{p:.3}").replace('.', &mark)
        }
    }

    /// A sum of money in whole units, grouped by thousands ("1,250,000", "1.250.000").
    pub fn amount(self, value: f64) -> String {
        let whole = value.round() as i64;
        let digits = whole.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() * 2);
        if whole < 0 {
            grouped.push_str(self.minus);
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(self.group);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// A score with no decimals ("72"), the same in every language.
    pub fn whole(value: f64) -> String {
        (value.round() as i64).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::NumberFormat;

    const POINT: NumberFormat = NumberFormat {
        decimal: '.',
        group: ",",
        minus: "-",
        plus: "+",
    };
    const COMMA: NumberFormat = NumberFormat {
        decimal: ',',
        group: "\u{202f}",
        minus: "-",
        plus: "+",
    };
    /// Arabic with Latin digits, as CLDR writes it: each sign after a left-to-right mark.
    const MARKED: NumberFormat = NumberFormat {
        decimal: '.',
        group: ",",
        minus: "\u{200e}-",
        plus: "\u{200e}+",
    };

    #[test]
    fn signs_come_from_the_language_and_zero_has_none() {
        assert_eq!(POINT.signed(1.46), "+1.5");
        assert_eq!(POINT.signed(-0.26), "-0.3");
        assert_eq!(POINT.signed(0.04), "0.0");
        assert_eq!(POINT.signed(-0.04), "0.0");
        assert_eq!(MARKED.signed(1.46), "\u{200e}+1.5");
        assert_eq!(MARKED.decimal(-25.66), "\u{200e}-25.7");
        assert_eq!(MARKED.hundredths(-0.5), "\u{200e}-0.50");
        assert_eq!(MARKED.amount(-1500.0), "\u{200e}-1,500");
        // A correlation that rounds to zero has no sign either.
        assert_eq!(POINT.hundredths(-0.001), "0.00");
    }

    #[test]
    fn one_decimal_rounds_halves_away_from_zero_and_drops_a_lone_minus() {
        assert_eq!(POINT.decimal(3.44), "3.4");
        assert_eq!(POINT.decimal(2.25), "2.3");
        assert_eq!(POINT.decimal(-2.25), "-2.3");
        assert_eq!(POINT.decimal(-0.04), "0.0");
        assert_eq!(COMMA.decimal(3.44), "3,4");
        assert_eq!(COMMA.decimal(-1.0), "-1,0");
    }

    #[test]
    fn two_decimals_use_the_language_mark() {
        assert_eq!(POINT.hundredths(0.781), "0.78");
        assert_eq!(COMMA.hundredths(-0.5), "-0,50");
    }

    #[test]
    fn amounts_group_by_thousands_with_the_language_separator() {
        assert_eq!(POINT.amount(1_250_000.4), "1,250,000");
        assert_eq!(POINT.amount(999.0), "999");
        assert_eq!(POINT.amount(1000.0), "1,000");
        assert_eq!(POINT.amount(-12_345.0), "-12,345");
        assert_eq!(COMMA.amount(1_250_000.0), "1\u{202f}250\u{202f}000");
        assert_eq!(NumberFormat::whole(71.5), "72");
    }

    #[test]
    fn p_values_have_three_decimals_and_a_floor() {
        assert_eq!(POINT.p_value(0.0123), "0.012");
        assert_eq!(COMMA.p_value(0.0456), "0,046");
        assert_eq!(POINT.p_value(0.0004), "< 0.001");
        assert_eq!(COMMA.p_value(1.0), "1,000");
    }
}
