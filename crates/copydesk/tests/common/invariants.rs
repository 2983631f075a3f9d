//! Invariants every result of the pipeline must keep, for any input text.
//!
//! Shared by the property tests (`tests/props.rs`), the adversarial tests
//! (`tests/adversarial.rs`) and the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, which include
//! this file by path). Each check returns `Err(description)` instead of panicking, so callers can
//! decide how to report.

#![allow(dead_code)]

use copydesk::{normalize, Article, NormalizeOptions, Options, Span};

/// Check that `span` lies inside `text` and both ends are on char boundaries.
pub fn span_ok(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end {
        return Err(format!("{what}: start {} > end {}", span.start, span.end));
    }
    if span.end > text.len() {
        return Err(format!("{what}: end {} past text length {}", span.end, text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: {}..{} not on char boundaries", span.start, span.end));
    }
    Ok(())
}

/// Every span of an article, with a name for error messages.
pub fn all_spans(a: &Article) -> Vec<(String, Span)> {
    let mut v = Vec::new();
    if let Some(s) = a.headline_span {
        v.push(("headline".to_string(), s));
    }
    if let Some(d) = &a.dateline {
        v.push(("dateline".into(), d.span));
    }
    if let Some(b) = &a.byline {
        v.push(("byline".into(), b.span));
    }
    for (i, b) in a.blocks.iter().enumerate() {
        v.push((format!("block[{i}] {}", b.kind.as_str()), b.span));
    }
    for (i, s) in a.sentences.iter().enumerate() {
        v.push((format!("sentence[{i}]"), s.span));
    }
    for (i, q) in a.quotes.iter().enumerate() {
        v.push((format!("quote[{i}].span"), q.span));
        v.push((format!("quote[{i}].content"), q.content));
        if let Some(m) = q.speaker_mention {
            v.push((format!("quote[{i}].speaker_mention"), m));
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        v.push((format!("entity[{i}]"), e.span));
    }
    for (i, x) in a.acronyms.iter().enumerate() {
        v.push((format!("acronym[{i}]"), x.span));
        if let Some(s) = x.short_span {
            v.push((format!("acronym[{i}].short_span"), s));
        }
    }
    for (i, m) in a.money.iter().enumerate() {
        v.push((format!("money[{i}]"), m.span));
    }
    for (i, d) in a.dates.iter().enumerate() {
        v.push((format!("date[{i}]"), d.span));
    }
    v
}

/// Rust-side invariants of one article processed from `raw` with `options`:
/// the raw text kept is the input (or its prefix when truncated), every span is in bounds and on
/// char boundaries, quote contents lie inside their quotes, items that name a text are not empty.
pub fn check_article(raw: &str, options: &Options, a: &Article) -> Result<(), String> {
    if a.error.is_some() {
        return Err(format!("error set for a plain text: {:?}", a.error));
    }
    if raw.len() <= options.max_bytes {
        if a.truncated || a.text != raw {
            return Err("text not kept as given (or flagged truncated) under max_bytes".into());
        }
    } else {
        if !a.truncated {
            return Err(format!(
                "input of {} bytes > max_bytes {} not flagged truncated",
                raw.len(),
                options.max_bytes
            ));
        }
        if a.text.len() > options.max_bytes || !raw.starts_with(a.text.as_str()) {
            return Err("truncated text is not a prefix of the input within max_bytes".into());
        }
    }
    for (what, span) in all_spans(a) {
        span_ok(&a.text, span, &what)?;
    }
    for (i, q) in a.quotes.iter().enumerate() {
        if !q.span.contains(q.content) {
            return Err(format!("quote[{i}]: content {:?} outside span {:?}", q.content, q.span));
        }
        if q.span.is_empty() {
            return Err(format!("quote[{i}]: empty span"));
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        if e.span.is_empty() {
            return Err(format!("entity[{i}]: empty span"));
        }
    }
    for (i, m) in a.money.iter().enumerate() {
        if m.span.is_empty() || !m.value.is_finite() {
            return Err(format!("money[{i}]: empty span or non-finite value {}", m.value));
        }
    }
    for (i, d) in a.dates.iter().enumerate() {
        if d.span.is_empty() {
            return Err(format!("date[{i}]: empty span"));
        }
    }
    for w in a.blocks.windows(2) {
        if w[0].span.end > w[1].span.start {
            return Err(format!("blocks overlap or are out of order: {:?} then {:?}", w[0].span, w[1].span));
        }
    }
    Ok(())
}

/// The code points `start..end` of `text` (what Python's `text[start:end]` gives).
pub fn char_slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    if start > end || end > chars.len() {
        return None;
    }
    Some(chars[start..end].iter().collect())
}

/// JSON-contract invariants: valid JSON; for blocks, entities, money, dates, dateline, byline and
/// speaker mentions `raw[start:end] == text` in code points; a quote's `text` lies inside
/// `raw[start:end]`.
pub fn check_json(a: &Article) -> Result<(), String> {
    let line = a.to_json();
    if line.contains('\n') {
        return Err("JSON output spans several lines".into());
    }
    let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("invalid JSON: {e}"))?;
    let chars: Vec<char> = a.text.chars().collect();
    let item = |x: &serde_json::Value, what: &str, exact: bool| -> Result<(), String> {
        let (Some(s), Some(e), Some(t)) = (x["start"].as_u64(), x["end"].as_u64(), x["text"].as_str()) else {
            return Err(format!("{what}: missing start/end/text in {x}"));
        };
        let got =
            char_slice(&chars, s as usize, e as usize).ok_or_else(|| format!("{what}: {s}..{e} out of bounds"))?;
        if exact && got != t {
            return Err(format!("{what}: raw[{s}:{e}] = {got:?} but text = {t:?}"));
        }
        if !exact && !got.contains(t) {
            return Err(format!("{what}: text {t:?} not inside raw[{s}:{e}] = {got:?}"));
        }
        Ok(())
    };
    for key in ["dateline", "byline"] {
        if !v[key].is_null() {
            item(&v[key], key, true)?;
        }
    }
    for key in ["blocks", "entities", "money", "dates"] {
        for (i, x) in v[key].as_array().into_iter().flatten().enumerate() {
            item(x, &format!("{key}[{i}]"), true)?;
        }
    }
    for (i, q) in v["quotes"].as_array().into_iter().flatten().enumerate() {
        item(q, &format!("quotes[{i}]"), false)?;
        if !q["speaker_mention"].is_null() {
            item(&q["speaker_mention"], &format!("quotes[{i}].speaker_mention"), true)?;
        }
    }
    for (i, x) in v["acronyms"].as_array().into_iter().flatten().enumerate() {
        let (Some(s), Some(e)) = (x["start"].as_u64(), x["end"].as_u64()) else {
            return Err(format!("acronyms[{i}]: missing start/end"));
        };
        char_slice(&chars, s as usize, e as usize).ok_or_else(|| format!("acronyms[{i}]: {s}..{e} out of bounds"))?;
    }
    Ok(())
}

/// Normalization invariants: idempotent (normalizing the output again changes nothing), and every
/// span of the normalized text on char boundaries maps to an in-bounds, on-boundary raw span.
/// Spans tried: each char, and the whole text; `extra` adds (start, end) pairs in normalized bytes
/// (clamped and snapped to char boundaries).
pub fn check_normalize(raw: &str, opts: &NormalizeOptions, extra: &[(usize, usize)]) -> Result<(), String> {
    check_normalize_with(raw, opts, extra, true)
}

/// [`check_normalize`], with idempotence checked only when `idempotent` is true.
pub fn check_normalize_with(
    raw: &str,
    opts: &NormalizeOptions,
    extra: &[(usize, usize)],
    idempotent: bool,
) -> Result<(), String> {
    let n = normalize(raw, opts);
    let again = if idempotent { normalize(&n.text, opts) } else { n.clone() };
    if again.text != n.text {
        return Err(format!("normalize not idempotent: {:?} -> {:?} -> {:?}", raw, n.text, again.text));
    }
    let mut spans: Vec<Span> = n.text.char_indices().map(|(i, c)| Span::new(i, i + c.len_utf8())).collect();
    spans.push(Span::new(0, n.text.len()));
    spans.push(Span::new(n.text.len(), n.text.len()));
    let snap = |mut p: usize| {
        p = p.min(n.text.len());
        while !n.text.is_char_boundary(p) {
            p -= 1;
        }
        p
    };
    spans.extend(extra.iter().map(|&(s, e)| Span::new(snap(s), snap(e))));
    for s in spans {
        let r = n.to_original(s);
        span_ok(raw, r, &format!("to_original({s:?})"))?;
    }
    Ok(())
}

/// Run the pipeline on `raw` with `options` and check all invariants.
pub fn check_all(raw: &str, options: &Options) -> Result<(), String> {
    let a = copydesk::process_with(raw, options);
    check_article(raw, options, &a)?;
    check_json(&a)
}

/// Shrink `input` to a small string for which `fails` still holds (greedy delta debugging over
/// chars: drop chunks of halving size while the failure remains). For readable bug reports.
pub fn minimize(input: &str, fails: impl Fn(&str) -> bool) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    let mut chunk = chars.len() / 2;
    while chunk >= 1 {
        let mut i = 0;
        let mut removed_any = false;
        while i < chars.len() {
            let end = (i + chunk).min(chars.len());
            let candidate: String = chars[..i].iter().chain(chars[end..].iter()).collect();
            if fails(&candidate) {
                chars = candidate.chars().collect();
                removed_any = true;
            } else {
                i += chunk;
            }
        }
        if !removed_any {
            chunk /= 2;
        }
    }
    chars.into_iter().collect()
}
