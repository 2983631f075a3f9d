//! The JSON output contract of DESIGN.md: code-point offsets into the raw input.

use crate::Article;
use copydesk_normalize::{CharIndex, Span};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
struct JDateline<'a> {
    text: &'a str,
    place: Option<&'a str>,
    agency: Option<&'a str>,
    date: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JByline<'a> {
    text: &'a str,
    authors: &'a [String],
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JBlock<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    rule: &'a str,
}

#[derive(Serialize)]
struct JMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JQuote<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    speaker: Option<&'a str>,
    speaker_mention: Option<JMention<'a>>,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct JEntity<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    canonical: Option<&'a str>,
}

#[derive(Serialize)]
struct JAcronym<'a> {
    short: &'a str,
    long: &'a str,
    start: usize,
    end: usize,
    /// The span as written: the long form ("text") or the short form ("known").
    text: &'a str,
    source: &'static str,
}

#[derive(Serialize)]
struct JMoney<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    value_max: Option<f64>,
    currency: &'a str,
}

#[derive(Serialize)]
struct JDate<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct JNumber<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    /// "number" or "percent".
    kind: copydesk_extract::NumberKind,
}

#[derive(Serialize)]
struct JSpeaker<'a> {
    name: String,
    title: Option<String>,
    direct: usize,
    mixed: usize,
    indirect: usize,
    /// Indices into "quotes".
    quotes: Vec<usize>,
    /// The first mention next to one of the speaker's quotes.
    mention: Option<JMention<'a>>,
}

#[derive(Serialize)]
struct JArticle<'a> {
    id: Option<&'a str>,
    headline: Option<&'a str>,
    dateline: Option<JDateline<'a>>,
    byline: Option<JByline<'a>>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    body: &'a str,
    blocks: Vec<JBlock<'a>>,
    quotes: Vec<JQuote<'a>>,
    entities: Vec<JEntity<'a>>,
    acronyms: Vec<JAcronym<'a>>,
    money: Vec<JMoney<'a>>,
    dates: Vec<JDate<'a>>,
    numbers: Vec<JNumber<'a>>,
    speakers: Vec<JSpeaker<'a>>,
    truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// HTML input only: the extracted text the offsets point into.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// HTML input only: page type and extraction confidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a crate::html::PageInfo>,
}

/// The contract's dateline object of `a` (code points by `ci`, the index of `a.text`).
fn dateline<'a>(a: &'a Article, ci: &CharIndex) -> Option<JDateline<'a>> {
    a.dateline.as_ref().map(|d| JDateline {
        text: a.slice(d.span),
        place: d.place.as_deref(),
        agency: d.agency.as_deref(),
        date: d.date.as_deref(),
        start: ci.char_offset(d.span.start),
        end: ci.char_offset(d.span.end),
    })
}

/// The contract's byline object of `a` (code points by `ci`, the index of `a.text`).
fn byline<'a>(a: &'a Article, ci: &CharIndex) -> Option<JByline<'a>> {
    a.byline.as_ref().map(|b| JByline {
        text: a.slice(b.span),
        authors: &b.authors,
        start: ci.char_offset(b.span.start),
        end: ci.char_offset(b.span.end),
    })
}

fn build<'a>(a: &'a Article) -> JArticle<'a> {
    let ci = CharIndex::new(&a.text);
    let c = |s: Span| (ci.char_offset(s.start), ci.char_offset(s.end));
    let t = |s: Span| a.slice(s);
    JArticle {
        id: a.id.as_deref(),
        headline: a.headline.as_deref(),
        dateline: dateline(a, &ci),
        byline: byline(a, &ci),
        published: a.published.as_deref(),
        language: a.language.as_deref(),
        body: &a.body,
        blocks: a
            .blocks
            .iter()
            .map(|b| {
                let (start, end) = c(b.span);
                JBlock { kind: b.kind.as_str(), start, end, text: t(b.span), rule: &b.rule }
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = c(q.span);
                JQuote {
                    start,
                    end,
                    text: t(q.content),
                    kind: q.kind.as_str(),
                    speaker: q.speaker.as_deref(),
                    speaker_mention: q.speaker_mention.map(|m| {
                        let (start, end) = c(m);
                        JMention { start, end, text: t(m) }
                    }),
                    cue: q.cue.as_deref(),
                }
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| {
                let (start, end) = c(e.span);
                JEntity { start, end, text: t(e.span), label: e.label.as_str(), canonical: e.canonical.as_deref() }
            })
            .collect(),
        acronyms: a
            .acronyms
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JAcronym {
                    short: &x.short,
                    long: &x.long,
                    start,
                    end,
                    text: t(x.span),
                    source: match x.source {
                        copydesk_extract::AcronymSource::Known => "known",
                        _ => "text",
                    },
                }
            })
            .collect(),
        money: a
            .money
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JMoney { start, end, text: t(x.span), value: x.value, value_max: x.value_max, currency: &x.currency }
            })
            .collect(),
        dates: a
            .dates
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JDate { start, end, text: t(x.span), value: x.value.as_deref() }
            })
            .collect(),
        numbers: a
            .numbers
            .iter()
            .map(|x| {
                let (start, end) = c(x.span);
                JNumber { start, end, text: t(x.span), value: x.value, kind: x.kind }
            })
            .collect(),
        speakers: a
            .speakers()
            .into_iter()
            .map(|s| JSpeaker {
                name: s.name,
                title: s.title,
                direct: s.direct,
                mixed: s.mixed,
                indirect: s.indirect,
                quotes: s.quotes,
                mention: s.mention.map(|m| {
                    let (start, end) = c(m);
                    JMention { start, end, text: t(m) }
                }),
            })
            .collect(),
        truncated: a.truncated,
        error: a.error.as_deref(),
        text: a.page.as_ref().map(|_| a.text.as_str()),
        page: a.page.as_ref(),
    }
}

/// One line of contract JSON: written directly from the article, byte for byte what serializing
/// [`build`]'s structs with serde_json gives (a test checks it), without serde's per-field calls.
pub(crate) fn to_json(a: &Article) -> String {
    write::article(a)
}

/// The contract as a JSON value.
pub(crate) fn to_value(a: &Article) -> Value {
    serde_json::to_value(build(a)).unwrap_or(Value::Null)
}

/// The contract's `"dateline"` value alone (as in [`to_value`]; `null` without a dateline).
pub(crate) fn dateline_value(a: &Article) -> Value {
    serde_json::to_value(dateline(a, &CharIndex::new(&a.text))).unwrap_or(Value::Null)
}

/// The contract's `"byline"` value alone (as in [`to_value`]; `null` without a byline).
pub(crate) fn byline_value(a: &Article) -> Value {
    serde_json::to_value(byline(a, &CharIndex::new(&a.text))).unwrap_or(Value::Null)
}

/// The contract JSON written straight into a string: keys in [`JArticle`]'s order, strings escaped
/// as serde_json escapes them, floats formatted by serde_json itself.
mod write {
    use super::Article;
    use copydesk_normalize::{CharIndex, Span};

    /// serde_json's escape table: 0 = as is; b'u' = `\u00XX`; otherwise the letter after `\\`.
    const ESCAPE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = b'u';
            i += 1;
        }
        t[0x08] = b'b';
        t[0x09] = b't';
        t[0x0a] = b'n';
        t[0x0c] = b'f';
        t[0x0d] = b'r';
        t[b'"' as usize] = b'"';
        t[b'\\' as usize] = b'\\';
        t
    };

    /// One byte in each of the 16 lanes of a `u128`.
    const LO: u128 = u128::from_le_bytes([1; 16]);
    /// The high bit of each of the 16 lanes.
    const HI: u128 = LO * 0x80;

    /// A bit mask whose lowest set bit is the high bit of the first of the 16 bytes of `w` that
    /// needs escaping (a control character, `"` or `\\`); 0 when none does. Higher bits may be
    /// spurious (borrows), the lowest one never is.
    #[inline]
    fn escape_mask(w: u128) -> u128 {
        // a byte x is a control character or `"` exactly when x ^ 2 is below 0x21 (x ^ 2 maps
        // 0x00..=0x1f onto itself and `"` (0x22) onto 0x20), so one "less than" test finds both
        let y = w ^ (LO * 0x02);
        let control_or_quote = y.wrapping_sub(LO * 0x21) & !y & HI;
        let b = w ^ (LO * u128::from(b'\\'));
        control_or_quote | (b.wrapping_sub(LO) & !b & HI)
    }

    /// [`escape_mask`] for 8 bytes: non-zero when one of them needs escaping.
    #[inline]
    fn escape_mask64(w: u64) -> u64 {
        const LO8: u64 = u64::from_le_bytes([1; 8]);
        const HI8: u64 = LO8 * 0x80;
        let y = w ^ (LO8 * 0x02);
        let b = w ^ (LO8 * u64::from(b'\\'));
        (y.wrapping_sub(LO8 * 0x21) & !y & HI8) | (b.wrapping_sub(LO8) & !b & HI8)
    }

    /// The index of the first byte at or after `i` that needs escaping, or `b.len()`: 16 bytes
    /// at a time; a last part shorter than 16 bytes is read as the text's last 16 bytes with the
    /// lanes before `i` (already passed) set to a byte that needs no escaping, and a text shorter
    /// than 16 bytes is read byte by byte (no padded copy either way).
    #[inline]
    fn next_escape(b: &[u8], mut i: usize) -> usize {
        let n = b.len();
        while let Some(w) = b.get(i..).and_then(|r| r.first_chunk::<16>()) {
            let m = escape_mask(u128::from_le_bytes(*w));
            if m != 0 {
                return i + (m.trailing_zeros() / 8) as usize;
            }
            i += 16;
        }
        if i >= n {
            return n;
        }
        match b.last_chunk::<16>() {
            Some(w) => {
                // lanes 0..k of the last 16 bytes lie before `i`: replace them with 'a'
                let k = (i + 16 - n) as u32;
                let keep = u128::MAX << (8 * k);
                let w = (u128::from_le_bytes(*w) & keep) | ((LO * u128::from(b'a')) & !keep);
                let m = escape_mask(w);
                if m != 0 {
                    n - 16 + (m.trailing_zeros() / 8) as usize
                } else {
                    n
                }
            }
            None => b.get(i..).and_then(|r| r.iter().position(|&c| ESCAPE[usize::from(c)] != 0)).map_or(n, |p| i + p),
        }
    }

    /// A JSON string literal.
    pub(super) fn string(out: &mut String, s: &str) {
        out.reserve(s.len() + 2);
        out.push('"');
        let b = s.as_bytes();
        // 8 to 16 bytes (names, cues, rules): its first and last 8 bytes cover it
        if let (Some(h), Some(t)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            if b.len() <= 16 && escape_mask64(u64::from_le_bytes(*h)) | escape_mask64(u64::from_le_bytes(*t)) == 0 {
                out.push_str(s);
                out.push('"');
                return;
            }
        }
        let mut start = 0;
        loop {
            let i = next_escape(b, start);
            // bytes that need escaping are ASCII, so both ends are char boundaries
            out.push_str(s.get(start..i).unwrap_or_default());
            let Some(&c) = b.get(i) else { break };
            start = i + 1;
            escaped(out, c);
        }
        out.push('"');
    }

    /// The escape sequence of one byte that needs escaping.
    #[inline]
    fn escaped(out: &mut String, c: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let esc = ESCAPE[usize::from(c)];
        out.push('\\');
        if esc == b'u' {
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(c >> 4)]));
            out.push(char::from(HEX[usize::from(c & 0xf)]));
        } else {
            out.push(char::from(esc));
        }
    }

    /// The positions of the bytes of `s` that need escaping, in order.
    pub(super) fn escapes(s: &str) -> Vec<usize> {
        let b = s.as_bytes();
        let mut at = Vec::with_capacity(32);
        let mut i = next_escape(b, 0);
        while i < b.len() {
            at.push(i);
            i = next_escape(b, i + 1);
        }
        at
    }

    /// A JSON string literal of a fixed name (an enum's `as_str`: letters only, nothing to escape).
    #[inline]
    fn name(out: &mut String, s: &'static str) {
        debug_assert!(s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_'), "{s}");
        out.push('"');
        out.push_str(s);
        out.push('"');
    }

    /// A string or `null`.
    fn opt_string(out: &mut String, s: Option<&str>) {
        match s {
            Some(s) => string(out, s),
            None => out.push_str("null"),
        }
    }

    /// The two-digit numbers "00" to "99", back to back.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869\
        707172737475767778798081828384858687888990919293949596979899";

    /// The two-digit numbers "00" to "99" as text.
    const PAIRS_STR: &str = match std::str::from_utf8(PAIRS) {
        Ok(p) => p,
        Err(_) => panic!("ASCII digits"),
    };

    /// Two digits of `v` (below 100), `"07"` for 7.
    #[inline]
    fn pair(out: &mut String, v: usize) {
        let d = v * 2;
        out.push_str(PAIRS_STR.get(d..d + 2).unwrap_or("00"));
    }

    /// An unsigned integer, written left to right two digits at a time (offsets and counts
    /// are mostly below 10,000; longer numbers go through a small buffer).
    pub(super) fn uint(out: &mut String, v: usize) {
        if v < 10 {
            out.push(char::from(b'0' + v as u8));
        } else if v < 100 {
            pair(out, v);
        } else if v < 10_000 {
            let hi = v / 100;
            if hi < 10 {
                out.push(char::from(b'0' + hi as u8));
            } else {
                pair(out, hi);
            }
            pair(out, v % 100);
        } else if v < 1_000_000 {
            uint(out, v / 10_000);
            let lo = v % 10_000;
            pair(out, lo / 100);
            pair(out, lo % 100);
        } else {
            uint_long(out, v);
        }
    }

    /// An unsigned integer of any size: two digits per division, written from the right into
    /// a small buffer, then appended.
    fn uint_long(out: &mut String, mut v: usize) {
        let mut buf = [0u8; 20];
        let mut k = buf.len();
        while v >= 100 {
            let d = (v % 100) * 2;
            v /= 100;
            k -= 2;
            buf[k..k + 2].copy_from_slice(&PAIRS[d..d + 2]);
        }
        if v >= 10 {
            k -= 2;
            buf[k..k + 2].copy_from_slice(&PAIRS[v * 2..v * 2 + 2]);
        } else {
            k -= 1;
            buf[k] = b'0' + v as u8;
        }
        out.extend(buf[k..].iter().map(|&d| char::from(d)));
    }

    /// A float as serde_json writes it (`null` when not finite). Whole numbers from 0 up to
    /// 10^15 (most counts and amounts) are written directly: ryu writes them as their digits
    /// and ".0" (scientific notation starts at 10^16).
    pub(super) fn float(out: &mut String, v: f64) {
        if (0.0..1e15).contains(&v) && v.fract() == 0.0 && v.is_sign_positive() {
            uint(out, v as usize);
            out.push_str(".0");
            return;
        }
        // ryu's longest output is 24 bytes; the serializer writes into a stack buffer
        let mut buf = [0u8; 40];
        let mut rest: &mut [u8] = &mut buf;
        let ok = serde::Serializer::serialize_f64(&mut serde_json::Serializer::new(&mut rest), v).is_ok();
        let n = 40 - rest.len();
        match std::str::from_utf8(&buf[..n]) {
            Ok(s) if ok => out.push_str(s),
            _ => out.push_str("null"),
        }
    }

    /// Any other serializable value (rare fields), through serde_json.
    fn value<T: serde::Serialize + ?Sized>(out: &mut String, v: &T) {
        match serde_json::to_string(v) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("null"),
        }
    }

    /// Code-point offsets and raw text of spans.
    pub(super) struct Spans<'a> {
        a: &'a Article,
        ci: CharIndex,
        /// [`escapes`] of the article's text: span texts are written from it without a scan.
        esc: Vec<usize>,
        /// Index into `esc` where the last span's text stopped (spans mostly come in order).
        next: std::cell::Cell<usize>,
    }

    impl<'a> Spans<'a> {
        pub(super) fn new(a: &'a Article) -> Self {
            Spans { a, ci: CharIndex::new(&a.text), esc: escapes(&a.text), next: std::cell::Cell::new(0) }
        }

        /// `"start":S,"end":E` of a span.
        fn start_end(&self, out: &mut String, s: Span) {
            out.push_str("\"start\":");
            uint(out, self.ci.char_offset(s.start));
            out.push_str(",\"end\":");
            uint(out, self.ci.char_offset(s.end));
        }

        /// `"start":S,"end":E,"text":T` of a span.
        fn start_end_text(&self, out: &mut String, s: Span) {
            self.start_end(out, s);
            out.push_str(",\"text\":");
            self.text(out, s);
        }

        /// The index in `esc` of the first escape at or after byte `start`: from where the last
        /// span stopped when that is at most a few escapes back from it, else a binary search.
        fn first_escape(&self, start: usize) -> usize {
            let at = &self.esc;
            let mut k = self.next.get().min(at.len());
            if k > 0 && at.get(k - 1).is_some_and(|&p| p >= start) {
                return at.partition_point(|&p| p < start);
            }
            for _ in 0..8 {
                match at.get(k) {
                    Some(&p) if p < start => k += 1,
                    _ => return k,
                }
            }
            at.partition_point(|&p| p < start)
        }

        /// The span's text as a JSON string literal, as [`string`] writes `a.slice(s)`.
        pub(super) fn text(&self, out: &mut String, s: Span) {
            let text = self.a.text.as_str();
            if text.get(s.start..s.end).is_none() {
                out.push_str("\"\"");
                return;
            }
            out.reserve(s.end - s.start + 2);
            out.push('"');
            let mut k = self.first_escape(s.start);
            let mut from = s.start;
            while let Some(&p) = self.esc.get(k) {
                if p >= s.end {
                    break;
                }
                // escaped bytes are ASCII, so both ends are char boundaries
                out.push_str(text.get(from..p).unwrap_or_default());
                escaped(out, text.as_bytes().get(p).copied().unwrap_or(b'"'));
                from = p + 1;
                k += 1;
            }
            out.push_str(text.get(from..s.end).unwrap_or_default());
            out.push('"');
            self.next.set(k);
        }

        /// A mention object or `null`.
        fn mention(&self, out: &mut String, m: Option<Span>) {
            match m {
                Some(m) => {
                    out.push('{');
                    self.start_end_text(out, m);
                    out.push('}');
                }
                None => out.push_str("null"),
            }
        }
    }

    /// Write `items` as a JSON array, each through `f`.
    fn array<T>(out: &mut String, items: impl IntoIterator<Item = T>, mut f: impl FnMut(&mut String, T)) {
        out.push('[');
        for (k, x) in items.into_iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            f(out, x);
        }
        out.push(']');
    }

    /// The whole article, as one line.
    pub(super) fn article(a: &Article) -> String {
        let items =
            a.blocks.len() + a.quotes.len() + a.entities.len() + a.money.len() + a.dates.len() + a.numbers.len();
        let mut out = String::with_capacity(a.text.len() + a.body.len() * 2 + items * 96 + 512);
        let sp = Spans::new(a);
        let o = &mut out;
        o.push_str("{\"id\":");
        opt_string(o, a.id.as_deref());
        o.push_str(",\"headline\":");
        opt_string(o, a.headline.as_deref());
        o.push_str(",\"dateline\":");
        match &a.dateline {
            Some(d) => {
                o.push_str("{\"text\":");
                sp.text(o, d.span);
                o.push_str(",\"place\":");
                opt_string(o, d.place.as_deref());
                o.push_str(",\"agency\":");
                opt_string(o, d.agency.as_deref());
                o.push_str(",\"date\":");
                opt_string(o, d.date.as_deref());
                o.push(',');
                sp.start_end(o, d.span);
                o.push('}');
            }
            None => o.push_str("null"),
        }
        o.push_str(",\"byline\":");
        match &a.byline {
            Some(b) => {
                o.push_str("{\"text\":");
                sp.text(o, b.span);
                o.push_str(",\"authors\":");
                array(o, &b.authors, |o, s| string(o, s));
                o.push(',');
                sp.start_end(o, b.span);
                o.push('}');
            }
            None => o.push_str("null"),
        }
        o.push_str(",\"published\":");
        opt_string(o, a.published.as_deref());
        o.push_str(",\"language\":");
        opt_string(o, a.language.as_deref());
        o.push_str(",\"body\":");
        string(o, &a.body);
        o.push_str(",\"blocks\":");
        array(o, &a.blocks, |o, b| {
            o.push_str("{\"kind\":");
            name(o, b.kind.as_str());
            o.push(',');
            sp.start_end_text(o, b.span);
            o.push_str(",\"rule\":");
            string(o, &b.rule);
            o.push('}');
        });
        o.push_str(",\"quotes\":");
        array(o, &a.quotes, |o, q| {
            o.push('{');
            sp.start_end(o, q.span);
            o.push_str(",\"text\":");
            sp.text(o, q.content);
            o.push_str(",\"kind\":");
            name(o, q.kind.as_str());
            o.push_str(",\"speaker\":");
            opt_string(o, q.speaker.as_deref());
            o.push_str(",\"speaker_mention\":");
            sp.mention(o, q.speaker_mention);
            o.push_str(",\"cue\":");
            opt_string(o, q.cue.as_deref());
            o.push('}');
        });
        o.push_str(",\"entities\":");
        array(o, &a.entities, |o, e| {
            o.push('{');
            sp.start_end_text(o, e.span);
            o.push_str(",\"label\":");
            name(o, e.label.as_str());
            o.push_str(",\"canonical\":");
            opt_string(o, e.canonical.as_deref());
            o.push('}');
        });
        o.push_str(",\"acronyms\":");
        array(o, &a.acronyms, |o, x| {
            o.push_str("{\"short\":");
            string(o, &x.short);
            o.push_str(",\"long\":");
            string(o, &x.long);
            o.push(',');
            sp.start_end_text(o, x.span);
            o.push_str(match x.source {
                copydesk_extract::AcronymSource::Known => ",\"source\":\"known\"}",
                _ => ",\"source\":\"text\"}",
            });
        });
        o.push_str(",\"money\":");
        array(o, &a.money, |o, x| {
            o.push('{');
            sp.start_end_text(o, x.span);
            o.push_str(",\"value\":");
            float(o, x.value);
            o.push_str(",\"value_max\":");
            match x.value_max {
                Some(v) => float(o, v),
                None => o.push_str("null"),
            }
            o.push_str(",\"currency\":");
            string(o, &x.currency);
            o.push('}');
        });
        o.push_str(",\"dates\":");
        array(o, &a.dates, |o, x| {
            o.push('{');
            sp.start_end_text(o, x.span);
            o.push_str(",\"value\":");
            opt_string(o, x.value.as_deref());
            o.push('}');
        });
        o.push_str(",\"numbers\":");
        array(o, &a.numbers, |o, x| {
            o.push('{');
            sp.start_end_text(o, x.span);
            o.push_str(",\"value\":");
            float(o, x.value);
            o.push_str(",\"kind\":");
            match x.kind {
                copydesk_extract::NumberKind::Number => o.push_str("\"number\""),
                copydesk_extract::NumberKind::Percent => o.push_str("\"percent\""),
                #[allow(unreachable_patterns)]
                k => value(o, &k),
            }
            o.push('}');
        });
        o.push_str(",\"speakers\":");
        array(o, a.speakers(), |o, s| {
            o.push_str("{\"name\":");
            string(o, &s.name);
            o.push_str(",\"title\":");
            opt_string(o, s.title.as_deref());
            o.push_str(",\"direct\":");
            uint(o, s.direct);
            o.push_str(",\"mixed\":");
            uint(o, s.mixed);
            o.push_str(",\"indirect\":");
            uint(o, s.indirect);
            o.push_str(",\"quotes\":");
            array(o, &s.quotes, |o, &q| uint(o, q));
            o.push_str(",\"mention\":");
            sp.mention(o, s.mention);
            o.push('}');
        });
        o.push_str(if a.truncated { ",\"truncated\":true" } else { ",\"truncated\":false" });
        if let Some(e) = &a.error {
            o.push_str(",\"error\":");
            string(o, e);
        }
        if let Some(page) = &a.page {
            o.push_str(",\"text\":");
            string(o, &a.text);
            o.push_str(",\"page\":");
            value(o, page);
        }
        o.push('}');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `raw[start:end]` in code points, as Python slices it.
    fn cp_slice(raw: &str, item: &Value) -> String {
        let (s, e) = (item["start"].as_u64().unwrap_or(0) as usize, item["end"].as_u64().unwrap_or(0) as usize);
        raw.chars().skip(s).take(e.saturating_sub(s)).collect()
    }

    const RAW: &str = "Caf\u{e9} Budget Talks \u{2014} \u{00c5}rhus\n\n\
        \u{201c}We will not accept a 4.5 per cent cut,\u{201d} said Finance Minister Ana L\u{f3}pez on Tuesday. \
        About 1,200 people attended.\n\n\
        \u{201c}The numbers do not add up,\u{201d} L\u{f3}pez added. \u{201c}Talks continue next week,\u{201d} she said.";

    #[test]
    fn dateline_and_byline_values_are_those_of_the_whole_contract() {
        for raw in [
            "Storm Hits Coast\n\nBy Jane Doe and Ann Lee\n\nLONDON (Reuters) - The storm hit the coast on Monday, officials said.",
            "Caf\u{e9} Talks\n\nBy J\u{f3}zef Nowak\n\nWARSAW, March 3 (AP) \u{2014} \u{201c}Fine,\u{201d} he said.",
            RAW,
            "",
        ] {
            let a = crate::process(raw);
            let v = to_value(&a);
            assert_eq!(a.dateline_value(), v["dateline"], "{raw:?}");
            assert_eq!(a.byline_value(), v["byline"], "{raw:?}");
        }
        let a =
            crate::process("Storm Hits Coast\n\nBy Jane Doe\n\nLONDON (Reuters) - The storm hit the coast on Monday.");
        assert!(a.dateline_value().is_object() && a.byline_value().is_object());
    }

    #[test]
    fn numbers_use_code_point_offsets() {
        let v = to_value(&crate::process(RAW));
        let numbers = v["numbers"].as_array().expect("numbers array");
        assert!(!numbers.is_empty(), "{v}");
        for n in numbers {
            assert_eq!(cp_slice(RAW, n), n["text"].as_str().unwrap_or("?"), "{n}");
            assert!(matches!(n["kind"].as_str(), Some("number" | "percent")), "{n}");
            assert!(n["value"].is_number());
        }
        assert!(numbers.iter().any(|n| n["kind"] == "percent" && n["value"] == 4.5), "{numbers:?}");
    }

    #[test]
    fn speakers_count_quotes_and_point_at_a_mention() {
        let a = crate::process(RAW);
        let v = to_value(&a);
        let speakers = v["speakers"].as_array().expect("speakers array");
        let quotes = v["quotes"].as_array().expect("quotes array");
        let attributed = quotes.iter().filter(|q| !q["speaker"].is_null()).count();
        let mut listed = 0;
        for s in speakers {
            let idx = s["quotes"].as_array().expect("quote indices");
            let total = ["direct", "mixed", "indirect"].iter().map(|k| s[k].as_u64().unwrap_or(0)).sum::<u64>();
            assert_eq!(total as usize, idx.len(), "{s}");
            for i in idx {
                assert_eq!(quotes[i.as_u64().unwrap_or(0) as usize]["speaker"], s["name"]);
            }
            listed += idx.len();
            if !s["mention"].is_null() {
                assert_eq!(cp_slice(RAW, &s["mention"]), s["mention"]["text"].as_str().unwrap_or("?"));
            }
        }
        assert_eq!(listed, attributed);
        assert_eq!(a.speakers().len(), speakers.len());
    }

    #[test]
    fn acronym_text_is_the_span_as_written() {
        let raw = "Talks\n\nThe World Health Organization (WHO) said on Monday that the WHO would act.";
        let v = to_value(&crate::process(raw));
        for x in v["acronyms"].as_array().expect("acronyms array") {
            assert_eq!(cp_slice(raw, x), x["text"].as_str().unwrap_or("?"), "{x}");
        }
    }

    /// The direct writer gives exactly serde_json's bytes for the contract structs.
    fn same_as_serde(a: &Article) {
        let serde = serde_json::to_string(&build(a)).expect("serde");
        assert_eq!(to_json(a), serde);
    }

    #[test]
    fn direct_writer_matches_serde_json() {
        same_as_serde(&crate::process(RAW));
        same_as_serde(&Article::from_error(Some("x\u{1}\"y\\".into()), "row 0: missing\ttext\u{7f}"));
        same_as_serde(&Article::default());
        let odd = "Tab\there \"q\" back\\slash \u{1f}\u{8}\u{c}\r\n\n\
            \u{201c}Prices rose 1e300 per cent to $0.1 and \u{20ac}3.2m,\u{201d} said Ana on 5 May 2019. \
            He paid 1,234,567.891 dollars, up 12% from two-thirds of a billion.\n\n\
            \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} \\\\\\\\ \"\"\"\"\"\"\"\" \u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}";
        let mut a = crate::process(odd);
        same_as_serde(&a);
        a.id = Some("id \u{1}".into());
        a.truncated = true;
        a.error = Some("e".into());
        a.page = Some(crate::html::PageInfo {
            page_type: Some("article".into()),
            is_article: true,
            extraction_confidence: 0.25,
            url: None,
            site_name: Some("S\"ite".into()),
        });
        a.money.iter_mut().for_each(|m| m.value_max = Some(m.value * 3.0));
        a.numbers.iter_mut().for_each(|n| n.value = f64::NAN);
        same_as_serde(&a);
        let html = "<html><head><title>T</title></head><body><article><h1>Head</h1>\
            <p>\u{201c}It costs $5,\u{201d} said Bob Smith on Monday, March 2, 2020.</p></article></body></html>";
        same_as_serde(&crate::process_html(html, Some("https://x.org/a"), &crate::Options::default()));
    }

    #[test]
    fn escapes_every_control_character_like_serde() {
        for c in (0u32..0x80).chain([0xa0, 0x2028, 0x1f600]) {
            let ch = char::from_u32(c).unwrap_or(' ');
            for pad in (0..40).chain([63, 64, 65]) {
                let s = format!("{}{ch}{}", "a".repeat(pad), "\u{e9}".repeat(pad % 3));
                let mut out = String::new();
                write::string(&mut out, &s);
                assert_eq!(out, serde_json::to_string(&s).expect("serde"), "{c:#x} {pad}");
            }
        }
    }

    #[test]
    fn escapes_any_two_positions_like_serde() {
        // every pair of positions in strings up to 40 bytes: the 16-byte windows, the
        // overlapping last window after an escape, and the byte-by-byte short strings
        for n in 0..40 {
            for p in 0..n {
                for q in p..n {
                    for (x, y) in [(b'"', b'\n'), (b'\\', 0x1f), (0x7f, b'"')] {
                        let mut v = vec![b'a'; n];
                        v[p] = x;
                        v[q] = y;
                        let s = String::from_utf8(v).unwrap_or_default();
                        let mut out = String::new();
                        write::string(&mut out, &s);
                        assert_eq!(out, serde_json::to_string(&s).expect("serde"), "{s:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// The 16-byte scan escapes exactly what serde_json escapes, wherever the bytes fall.
        #[test]
        fn string_escapes_like_serde(s in "[a\"\\\\\u{0}-\u{1f}\u{7f}\u{e9}\u{2028}\u{1f600} ]{0,80}") {
            let mut out = String::new();
            write::string(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_string(&s).expect("serde"));
        }
    }

    proptest::proptest! {
        /// Span texts written from the article's escape positions (with the cursor, spans in
        /// any order, out of bounds or inside a char) are what `string` writes for `a.slice`.
        #[test]
        fn span_text_escapes_like_string(
            text in "[a\"\\\\\n\u{1}\u{e9} ]{0,120}",
            spans in proptest::collection::vec((0usize..130, 0usize..130), 0..30),
        ) {
            let a = Article { text, ..Article::default() };
            let mut sorted: Vec<Span> = spans.iter().map(|&(x, y)| Span { start: x.min(y), end: x.max(y) }).collect();
            let given = sorted.clone();
            sorted.sort_by_key(|s| (s.start, s.end));
            for list in [given, sorted] {
                let sp = write::Spans::new(&a);
                for s in list {
                    let (mut got, mut want) = (String::new(), String::new());
                    sp.text(&mut got, s);
                    write::string(&mut want, a.slice(s));
                    proptest::prop_assert_eq!(got, want);
                }
            }
        }
    }

    proptest::proptest! {
        /// Whole and fractional floats of any size are written as serde_json writes them.
        #[test]
        fn any_float_is_written_like_serde(w in 0u64..2_000_000_000_000_000, d in 1u32..1000, bits in proptest::num::f64::NORMAL) {
            for v in [w as f64, w as f64 / f64::from(d), bits] {
                let mut out = String::new();
                write::float(&mut out, v);
                proptest::prop_assert_eq!(out, serde_json::to_string(&v).expect("serde"));
            }
        }
    }

    #[test]
    fn floats_are_written_like_serde() {
        let mut vals =
            vec![0.0, -0.0, 1.0, -1.0, 0.5, 1e15 - 1.0, 1e15, 1e15 + 2.0, 1e16, 1e300, f64::NAN, f64::INFINITY];
        vals.extend((0..5000).map(|k| f64::from(k) * 3.0));
        vals.extend((0..40).map(|e| 10f64.powi(e)));
        vals.extend((0..40).map(|e| 10f64.powi(e) * 1.5));
        vals.extend((0..60).map(|e| 2f64.powi(e) - 1.0));
        for v in vals {
            let mut out = String::new();
            write::float(&mut out, v);
            let want = if v.is_finite() { serde_json::to_string(&v).expect("serde") } else { "null".to_string() };
            assert_eq!(out, want, "{v}");
        }
    }

    #[test]
    fn uints_are_written_like_serde() {
        let edges = [10_000, 12_345, 99_999, 100_000, 999_999, 1_000_000, 1_000_001, u32::MAX as usize, usize::MAX];
        for v in (0usize..10_000).chain((10_000..2_000_000).step_by(7)).chain(edges) {
            let mut out = String::new();
            write::uint(&mut out, v);
            assert_eq!(out, v.to_string());
        }
    }

    #[test]
    fn error_rows_have_empty_views() {
        let v = to_value(&Article::from_error(None, "row 0: missing text"));
        assert_eq!(v["numbers"], serde_json::json!([]));
        assert_eq!(v["speakers"], serde_json::json!([]));
        assert_eq!(v["error"], "row 0: missing text");
    }
}
