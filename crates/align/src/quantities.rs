//! Amounts in a sentence, English or French (with the English a spinner leaves in
//! French), read with their magnitude, currency and percent sign, and written the French
//! way.

use glossfix_text::Span;
use glossfix_text::chars::char_at;
use glossfix_text::words::words;

/// An amount in a sentence: "$250 million", "250 millions de dollars", "25 %", "18".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Where it is in the sentence's text.
    pub span: Span,
    /// The number as written ("250", "1.5").
    pub mantissa: String,
    /// Its value with the magnitude applied.
    pub value: f64,
    /// The magnitude word's factor (1 when none).
    pub magnitude: f64,
    /// `USD`, `EUR`, `GBP`, when a currency is given.
    pub currency: Option<&'static str>,
    /// A percentage.
    pub percent: bool,
}

impl Quantity {
    /// More than a bare number: it has a magnitude, a currency or a percent sign.
    pub fn is_amount(&self) -> bool {
        self.magnitude > 1.0 || self.currency.is_some() || self.percent
    }

    /// True when both say the same amount: the same value, the same currency when both
    /// give one, and both percentages or neither.
    pub fn same_as(&self, other: &Quantity) -> bool {
        let close = (self.value - other.value).abs() <= 1e-6 * self.value.abs().max(1.0);
        let currency = self.currency.is_none() || other.currency.is_none() || self.currency == other.currency;
        close && currency && self.percent == other.percent
    }
}

fn magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundreds" | "cent" | "cents" | "centaine" | "centaines" => 1e2,
        "thousand" | "thousands" | "mille" | "millier" | "milliers" => 1e3,
        "million" | "millions" => 1e6,
        "milliard" | "milliards" => 1e9,
        _ => return None,
    })
}

fn currency(word: &str) -> Option<&'static str> {
    Some(match word {
        "$" | "dollar" | "dollars" | "usd" => "USD",
        "€" | "euro" | "euros" | "eur" => "EUR",
        "£" | "pound" | "pounds" | "livre" | "livres" | "sterling" | "gbp" => "GBP",
        _ => return None,
    })
}

/// The quantities of a sentence in `english` or French. English "billion" is 10^9;
/// magnitude words of either language are read on both sides, since a spinner leaves
/// English in French ("250 hundreds of thousands de pounds").
pub fn quantities(sentence: &str, english: bool) -> Vec<Quantity> {
    // Tokens: (start, end, text) for numbers, words and the symbols $ € £ %.
    let mut tokens: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(sentence, i) {
        if c.is_ascii_digit() {
            let mut end = i;
            while let Some(d) = char_at(sentence, end) {
                let joins = matches!(d, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
                    && char_at(sentence, end + d.len_utf8()).is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || joins {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push((i, end, sentence[i..end].to_string()));
            i = end;
        } else if matches!(c, '$' | '€' | '£' | '%') {
            tokens.push((i, i + c.len_utf8(), c.to_string()));
            i += c.len_utf8();
        } else {
            i += c.len_utf8();
        }
    }
    for (start, word) in words(sentence) {
        // "Su-35" is read by its number token; words carry no digits here.
        if !word.chars().any(|c| c.is_ascii_digit()) {
            tokens.push((start, start + word.len(), word.to_lowercase()));
        }
    }
    tokens.sort_by_key(|t| t.0);
    let billion = if english { 1e9 } else { 1e12 };
    let mut out = Vec::new();
    for k in 0..tokens.len() {
        let (start, end, text) = &tokens[k];
        if !text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let mantissa = text.clone();
        let Some(number) = parse_number(&mantissa, english) else { continue };
        let mut q = Quantity {
            span: Span::new(*start, *end),
            mantissa,
            value: number,
            magnitude: 1.0,
            currency: None,
            percent: false,
        };
        if let Some(prev) = k.checked_sub(1).map(|p| &tokens[p]) {
            if prev.1 == *start || (prev.1 < *start && sentence[prev.1..*start].trim() == "US") {
                if let Some(code) = currency(&prev.2) {
                    q.currency = Some(code);
                    q.span.start = prev.0;
                }
            }
        }
        // Following tokens: magnitudes ("of" between them), then "de"/"d'", a currency
        // or a percent sign, each separated by white space only.
        let mut j = k + 1;
        let mut last_end = *end;
        while let Some((s, _, word)) = tokens.get(j) {
            if *s < last_end || !sentence[last_end..*s].chars().all(|c| c.is_whitespace() || c == '’' || c == '\'') {
                break;
            }
            let factor = magnitude(word).or_else(|| matches!(word.as_str(), "billion" | "billions").then_some(billion));
            let linking = matches!(word.as_str(), "of" | "de" | "d")
                && tokens.get(j + 1).is_some_and(|(_, _, w)| {
                    magnitude(w).is_some() || currency(w).is_some() || w == "billion" || w == "billions"
                });
            if let Some(f) = factor {
                q.magnitude *= f;
            } else if let Some(code) = currency(word).filter(|_| q.currency.is_none()) {
                q.currency = Some(code);
            } else if word == "%"
                || word == "percent"
                || (word == "pour" && tokens.get(j + 1).is_some_and(|t| t.2 == "cent"))
            {
                q.percent = true;
                if word == "pour" {
                    j += 1;
                }
            } else if !linking {
                break;
            }
            last_end = tokens[j].1;
            q.span.end = last_end;
            j += 1;
        }
        q.value = number * q.magnitude;
        out.push(q);
    }
    out
}

fn parse_number(text: &str, english: bool) -> Option<f64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let normalized = if english {
        compact.replace(',', "")
    } else if compact.matches('.').count() >= 1
        && !compact.contains(',')
        && compact.rsplit('.').next().is_some_and(|d| d.len() == 3)
    {
        compact.replace('.', "") // 1.500 (thousands)
    } else {
        compact.replace('.', "").replace(',', ".")
    };
    normalized.parse().ok()
}

/// The French way to write an English amount: "$250 million" -> "250 millions de
/// dollars", "1.5 billion euros" -> "1,5 milliard d’euros", "25%" -> "25 %".
pub fn in_french(q: &Quantity, apostrophe: char) -> String {
    let mantissa = q.mantissa.replace(',', "").replace('.', ",");
    let plural = parse_number(&q.mantissa, true).is_some_and(|n| n >= 2.0);
    let word = if q.magnitude == 1e3 {
        Some("mille".to_string())
    } else if q.magnitude == 1e6 {
        Some(if plural { "millions" } else { "million" }.to_string())
    } else if q.magnitude == 1e9 {
        Some(if plural { "milliards" } else { "milliard" }.to_string())
    } else if q.magnitude == 1e12 {
        Some(if plural { "billions" } else { "billion" }.to_string())
    } else {
        None
    };
    let mut out = mantissa;
    if let Some(word) = &word {
        out.push(' ');
        out.push_str(word);
    }
    if q.percent {
        out.push_str(" %");
    }
    if let Some(code) = q.currency {
        let name = match code {
            "USD" => "dollars",
            "EUR" => "euros",
            _ => "livres",
        };
        if word.is_some() && word.as_deref() != Some("mille") {
            if name.starts_with('e') {
                out.push_str(&format!(" d{apostrophe}{name}"));
            } else {
                out.push_str(&format!(" de {name}"));
            }
        } else {
            out.push(' ');
            out.push_str(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, value, currency, percent)
    type Expected<'a> = (&'a str, f64, Option<&'a str>, bool);

    #[test]
    fn quantities_table() {
        // (sentence, english?, [(text, value, currency, percent)])
        let cases: &[(&str, bool, &[Expected])] = &[
            ("a $250 million package", true, &[("$250 million", 2.5e8, Some("USD"), false)]),
            (
                "un programme de 250 millions de dollars",
                false,
                &[("250 millions de dollars", 2.5e8, Some("USD"), false)],
            ),
            (
                "de 250 hundreds of thousands de pounds, qui",
                false,
                &[("250 hundreds of thousands de pounds", 2.5e7, Some("GBP"), false)],
            ),
            ("1.5 billion euros", true, &[("1.5 billion euros", 1.5e9, Some("EUR"), false)]),
            ("1,5 milliard d’euros", false, &[("1,5 milliard d’euros", 1.5e9, Some("EUR"), false)]),
            ("in 18 months of war", true, &[("18", 18.0, None, false)]),
            (
                "une hausse de 25 % ou 3,5 pour cent",
                false,
                &[("25 %", 25.0, None, true), ("3,5 pour cent", 3.5, None, true)],
            ),
            ("some 1,500 troops", true, &[("1,500", 1500.0, None, false)]),
            ("quelque 1 500 soldats", false, &[("1 500", 1500.0, None, false)]),
            ("des avions Su-35 et Su-57", false, &[("35", 35.0, None, false), ("57", 57.0, None, false)]),
        ];
        for (sentence, english, want) in cases {
            let got: Vec<Expected> = quantities(sentence, *english)
                .iter()
                .map(|q| (&sentence[q.span.start..q.span.end], q.value, q.currency, q.percent))
                .collect();
            assert_eq!(&got, want, "{sentence:?}");
        }
    }

    #[test]
    fn amounts_in_french() {
        let q = |s: &str| quantities(s, true).remove(0);
        assert_eq!(in_french(&q("$250 million"), '’'), "250 millions de dollars");
        assert_eq!(in_french(&q("1.5 billion euros"), '’'), "1,5 milliard d’euros");
        assert_eq!(in_french(&q("25%"), '’'), "25 %");
        assert_eq!(in_french(&q("$40"), '’'), "40 dollars");
    }
}
