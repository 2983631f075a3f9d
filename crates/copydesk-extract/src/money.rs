//! Sums of money (first cut: currency symbol, number, optional scale word).

use crate::{Context, Money};
use copydesk_normalize::Span;
use once_cell::sync::Lazy;
use regex::Regex;

static MONEY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<sym>US\$|\$|£|€)(?P<num>\d[\d,]*(?:\.\d+)?)(?: (?P<scale>thousand|million|billion|trillion|bn|m)\b)?")
        .expect("money regex")
});

fn scale(word: &str) -> f64 {
    match word {
        "thousand" => 1e3,
        "million" | "m" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

/// Find sums written with a currency symbol.
pub(crate) fn find(ctx: &Context) -> Vec<Money> {
    let mut out = Vec::new();
    for seg in &ctx.segments {
        let s = ctx.slice(seg.span);
        for c in MONEY.captures_iter(s) {
            let (Some(all), Some(sym), Some(num)) = (c.get(0), c.name("sym"), c.name("num")) else { continue };
            let Ok(n) = num.as_str().replace(',', "").parse::<f64>() else { continue };
            let v = n * c.name("scale").map_or(1.0, |m| scale(m.as_str()));
            let currency = match sym.as_str() {
                "£" => "GBP",
                "€" => "EUR",
                _ => "USD",
            };
            out.push(Money {
                span: Span::new(seg.span.start + all.start(), seg.span.start + all.end()),
                value: v,
                value_max: None,
                currency: currency.into(),
            });
        }
    }
    out
}
