//! Speaker mentions next to a cue: the subject to the left ("Andrey Kelin, director of ...,
//! told"), the inverted subject to the right ("said Donna Brazile"), or a trailing dash
//! attribution ("— Commissioner Smith").

use super::lexicon::{
    aux_with, core_word, is_aux, is_determiner, is_document_noun, is_role, is_stop_word, is_title, lists, pronoun,
    Lists,
};
use super::ws::{space_at, SplitWs, SplitWsExt};
use copydesk_normalize::Span;

/// Longest mention phrase, in words.
const MAX_WORDS: usize = 8;
/// Longest appositive between a name and its cue, in bytes.
const MAX_APPOSITIVE: usize = 200;

/// A word of a text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Split `s[from..]` into whitespace-separated words (byte ranges into `s`), at most `limit`
/// of them; `from` must be a char boundary.
fn words_from(s: &str, from: usize, limit: usize) -> Vec<Word<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(limit.min(16));
    let mut i = from;
    let mut start: Option<usize> = None;
    while i < b.len() && out.len() < limit {
        let x = b[i];
        let step = if x < 0x80 {
            if matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                if let Some(st) = start.take() {
                    out.push(Word { start: st, end: i, text: &s[st..i] });
                }
            } else if start.is_none() {
                start = Some(i);
            }
            1
        } else {
            match space_at(s, i) {
                0 => {
                    if start.is_none() {
                        start = Some(i);
                    }
                    // Continuation bytes are never whitespace: skip to the next char.
                    s.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8)
                }
                n => {
                    if let Some(st) = start.take() {
                        out.push(Word { start: st, end: i, text: &s[st..i] });
                    }
                    n
                }
            }
        };
        i += step;
    }
    if let Some(st) = start.filter(|_| out.len() < limit) {
        out.push(Word { start: st, end: s.len(), text: &s[st..] });
    }
    out
}

/// The last whitespace-separated words of `s` (byte ranges into `s`), read from the end into
/// the end of `buf`, as many as fit: returns where they start in `buf`, and whether they are
/// all the words of `s`. (The plain form of [`TailReader`].)
#[cfg(test)]
fn words_tail<'a>(s: &'a str, buf: &mut [Word<'a>]) -> (usize, bool) {
    let b = s.as_bytes();
    let mut k = buf.len();
    if k == 0 {
        return (0, s.trim().is_empty());
    }
    let mut end: Option<usize> = None;
    let mut i = s.len();
    while i > 0 {
        let (space, len) = match b[i - 1] {
            x if x < 0x80 => (matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1),
            _ => match s.get(..i).and_then(|t| t.chars().next_back()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                // Not reached (`i` stays on char boundaries); the caller then reads all words.
                None => return (buf.len(), false),
            },
        };
        if space {
            if let Some(e) = end.take() {
                k -= 1;
                buf[k] = Word { start: i, end: e, text: &s[i..e] };
                if k == 0 {
                    return (0, false);
                }
            }
        } else if end.is_none() {
            end = Some(i);
        }
        i -= len;
    }
    if let Some(e) = end {
        k -= 1;
        buf[k] = Word { start: 0, end: e, text: &s[..e] };
    }
    (k, true)
}

/// The last words of a text read from its end into the end of a buffer, a few more at each
/// step ([`TailReader::read_to`]), without reading any word twice.
struct TailReader<'a> {
    s: &'a str,
    it: SplitWs<'a>,
    /// The words read so far are `buf[k..]`.
    k: usize,
}

impl<'a> TailReader<'a> {
    fn new(s: &'a str, buf_len: usize) -> Self {
        TailReader { s, it: s.split_ws(), k: buf_len }
    }

    /// Read words into `buf` until `buf[lo..]` is full or the words run out: returns where they
    /// start and whether they are all the words of the text, as [`words_tail`] says of
    /// `buf[lo..]`.
    fn read_to(&mut self, buf: &mut [Word<'a>], lo: usize) -> (usize, bool) {
        let base = self.s.as_ptr() as usize;
        while self.k > lo {
            let Some(w) = self.it.next_back() else { return (self.k, true) };
            let start = w.as_ptr() as usize - base;
            self.k -= 1;
            buf[self.k] = Word { start, end: start + w.len(), text: w };
        }
        // Full: all the words only when the earliest opens the text.
        (self.k, buf.get(self.k).is_some_and(|w| w.start == 0))
    }
}

/// Split `s` into whitespace-separated words (byte ranges into `s`).
fn words(s: &str) -> Vec<Word<'_>> {
    words_from(s, 0, usize::MAX)
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn name_connector(w: &str) -> bool {
    matches!(
        w,
        "de" | "da" | "van" | "von" | "der" | "bin" | "al" | "la" | "le" | "del" | "di" | "du" | "dos" | "ibn" | "St."
    )
}

/// Does the phrase look like a speaker (pronoun, name, role or document noun phrase)?
pub(crate) fn plausible(phrase: &str) -> bool {
    let mut ws = phrase.split_ws();
    let Some(last) = ws.next_back() else { return false };
    let last = lists(core_word(last));
    // Whether the pronoun is the whole phrase is read only for a pronoun.
    if last.pronoun().is_some() && ws.next().is_none() {
        return true;
    }
    if last.role() || last.document_noun() {
        return true;
    }
    // A capitalised word that is not just a sentence-initial determiner or connector.
    phrase.split_ws().any(|w| {
        is_cap(w) && {
            let l = lists(w);
            !l.determiner() && l.pronoun().is_none() && !l.stop()
        }
    })
}

/// How many words left of a cue [`left_of`] reads first, then next; it reads all of them only
/// when the mention may reach further back. Most mentions are found in the first few.
const LEFT_WORDS: [usize; 2] = [4, 16];
/// Most appositives [`left_of`] steps over ("X, president of the Y, which ..., said").
const MAX_APPOSITIVE_STEPS: usize = 3;

/// The words of `s` did not reach back far enough: read more.
struct NeedMore;

/// The mention ending right before `s.len()` (the text left of a cue): strips auxiliaries,
/// steps over a trailing appositive (", director of ...,") and takes the noun phrase or name
/// before it. Returns a byte span into `s`.
pub(crate) fn left_of(s: &str) -> Option<Span> {
    // A trailing parenthetical ("Sen. Claire Doe (D-Mo.)") belongs to the mention before it.
    let t = s.trim_end();
    let s = match t.strip_suffix(')') {
        Some(inner) if t.len() - inner.len() == 1 => match inner.rfind('(') {
            Some(o) if t.len() - o < 40 => &s[..o],
            _ => s,
        },
        _ => s,
    };
    // Only the end of `s` matters: read its last words first (all of them, `complete`,
    // always give an answer).
    // Each read goes on from the last (the words fill `buf` from its end).
    let mut buf = [Word { start: 0, end: 0, text: "" }; LEFT_WORDS[1]];
    let mut reader = TailReader::new(s, buf.len());
    for max in LEFT_WORDS {
        let (from, complete) = reader.read_to(&mut buf, LEFT_WORDS[1] - max);
        if let Ok(found) = left_in(&buf[from..], complete) {
            return found;
        }
    }
    left_in(&words(s), true).ok().flatten()
}

/// [`left_of`] on the words `ws` of the end of the text; `complete` when they are all its words.
fn left_in(ws: &[Word], complete: bool) -> Result<Option<Span>, NeedMore> {
    let mut n = ws.len();
    // The lists of the last word that is no auxiliary, for `phrase_before` to use again.
    let mut last = None;
    while n > 0 {
        let t = ws[n - 1].text;
        let l = lists(t);
        if !aux_with(t, l) {
            last = Some(l);
            break;
        }
        n -= 1;
    }
    if n == 0 {
        return if complete { Ok(None) } else { Err(NeedMore) };
    }
    let mut mention_end = ws[n - 1].end;
    // Appositive: "Kelin, director of the ... (DEC)," -> step back to the comma before it.
    if ws[n - 1].text.ends_with(',') {
        let app_end = ws[n - 1].end;
        let mut k = n - 1;
        let mut head: Option<usize> = None;
        for _ in 0..MAX_APPOSITIVE_STEPS {
            let mut found = None;
            let mut too_far = false;
            while k > 0 {
                k -= 1;
                if app_end - ws[k].start > MAX_APPOSITIVE {
                    too_far = true;
                    break;
                }
                if k < n - 1 && ws[k].text.ends_with(',') {
                    found = Some(k);
                    break;
                }
            }
            let Some(kk) = found else {
                if !complete && !too_far {
                    return Err(NeedMore);
                }
                break;
            };
            let Some((start, idx)) = phrase_before(&ws[..=kk], None, true, complete)? else {
                break;
            };
            head = Some(start);
            // "Ann Li, head of the Water Office, which ..., said": a head that is the object of
            // a preposition belongs to an appositive of the name before it.
            let governed = idx.checked_sub(1).is_some_and(|p| {
                let w = ws[p].text;
                !w.ends_with(',') && matches!(w, "of" | "in" | "at" | "for" | "from" | "with" | "by" | "on" | "to")
            });
            if !governed {
                break;
            }
        }
        let Some(head) = head else { return Ok(None) };
        return Ok(Some(Span::new(head, app_end.saturating_sub(1).max(head))));
    }
    if ws[n - 1].text.ends_with([';', ':', '.', '"', '\u{201d}', ')']) && !is_title(ws[n - 1].text) {
        return Ok(None);
    }
    let Some((start, _)) = phrase_before(&ws[..n], last, false, complete)? else { return Ok(None) };
    mention_end = mention_end.max(start);
    Ok(Some(Span::new(start, mention_end)))
}

/// Start (byte, word index) of the phrase formed by the last words of `ws` (the last one may
/// end with a comma when `comma_ok`); `complete` when `ws` starts at the text's first word.
/// `last`, when known, is the [`lists`] of the last word as written.
fn phrase_before(
    ws: &[Word],
    last: Option<Lists>,
    comma_ok: bool,
    complete: bool,
) -> Result<Option<(usize, usize)>, NeedMore> {
    let mut start = None;
    let mut count = 0;
    for (idx, w) in ws.iter().enumerate().rev() {
        if idx == 0 && !complete {
            return Err(NeedMore);
        }
        let t = w.text;
        let is_last = idx + 1 == ws.len();
        if !is_last
            && t.ends_with([',', ';', ':', '.', '"', '\u{201d}', '\u{201c}', ')'])
            && !is_title(t)
            && !is_initial(t)
        {
            break;
        }
        if is_last && !comma_ok && t.ends_with(',') {
            break;
        }
        let core = core_word(t);
        // The last word's lists are known when it is its own core.
        let l = match last {
            Some(l) if is_last && core.len() == t.len() => l,
            _ => lists(core),
        };
        if core.is_empty() || l.stop() && !(idx == 0 && l.determiner()) {
            break;
        }
        if t.starts_with(['"', '\u{201c}', '(']) {
            break;
        }
        start = Some((w.start, idx));
        count += 1;
        if l.pronoun().is_some() || count >= MAX_WORDS {
            break;
        }
        // A determiner opens the phrase.
        if l.determiner() {
            break;
        }
    }
    Ok(start)
}

/// Is `t` an initial or a run of them ("J.", "G.K.")?
fn is_initial(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 2 && b.len() % 2 == 0 && b.chunks(2).all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// Most words [`title_bridge`] reads.
const BRIDGE_WORDS: usize = 4;

/// The first words of a text ([`MAX_WORDS`] and the [`BRIDGE_WORDS`] a title bridge looks
/// ahead to, at most), read on demand into a buffer on the stack: a mention usually ends after a
/// few of them.
struct LazyWords<'a> {
    base: usize,
    it: super::ws::SplitWs<'a>,
    buf: [Word<'a>; MAX_WORDS + BRIDGE_WORDS],
    n: usize,
}

impl<'a> LazyWords<'a> {
    fn new(s: &'a str) -> Self {
        LazyWords {
            base: s.as_ptr() as usize,
            it: s.split_ws(),
            buf: [Word { start: 0, end: 0, text: "" }; MAX_WORDS + BRIDGE_WORDS],
            n: 0,
        }
    }

    /// The first `k` words (fewer at the end of the text or the buffer).
    fn upto(&mut self, k: usize) -> &[Word<'a>] {
        let k = k.min(self.buf.len());
        while self.n < k {
            let Some(w) = self.it.next() else { break };
            let start = w.as_ptr() as usize - self.base;
            self.buf[self.n] = Word { start, end: start + w.len(), text: w };
            self.n += 1;
        }
        &self.buf[..self.n.min(k)]
    }
}

/// Do lower-case modifiers and a title or role lead from the start of `ws` to a name
/// ("presidential nominee Hillary Clinton", "host Chris Matthews", "2016 nominee Ann Li")?
fn title_bridge(ws: &[Word]) -> bool {
    for (j, w) in ws.iter().enumerate().take(3) {
        let t = w.text;
        if is_cap(t) || !t.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '/') {
            return false;
        }
        // One look-up for the word tests (`t` has no period, so its title test is the list's).
        let l = lists(t);
        if l.stop() || aux_with(t, l) || l.pronoun().is_some() {
            return false;
        }
        if (l.title_listed() || l.role())
            && ws.get(j + 1).is_some_and(|n| {
                is_cap(n.text) && {
                    let nl = lists(n.text);
                    nl.pronoun().is_none() && !nl.stop()
                }
            })
        {
            return true;
        }
    }
    false
}

/// The mention at the start of `s` (the text right of a cue, as in "said Donna Brazile, the ...").
pub(crate) fn right_of(s: &str) -> Option<Span> {
    // The phrase, and the words a title bridge looks ahead to, read as far as they are needed.
    let mut ws = LazyWords::new(s);
    let first = *ws.upto(1).first()?;
    let core = core_word(first.text);
    if pronoun(core).is_some() {
        let off = first.text.find(core).unwrap_or(0);
        return Some(Span::new(first.start + off, first.start + off + core.len()));
    }
    let first_core = core_word(first.text);
    let det_phrase = first_core == "The" || (is_determiner(first_core) && !is_cap(first_core));
    if is_stop_word(first_core) {
        return None;
    }
    let mut end = None;
    let mut after_possessive = false;
    for idx in 0..MAX_WORDS {
        let Some(&w) = ws.upto(idx + 1).get(idx) else { break };
        let t = w.text;
        let core = core_word(t);
        if core.is_empty() {
            break;
        }
        let ok = if idx == 0 {
            // A verb form right after the cue opens no mention ("said, targeting former ...").
            let verb_like = core.ends_with("ing") || core.ends_with("ed");
            is_cap(core) || is_determiner(core) || is_title(t) || (!verb_like && title_bridge(ws.upto(BRIDGE_WORDS)))
        } else if det_phrase {
            !is_stop_word(core) && !is_aux(core) && (is_cap(core) || !core.ends_with("ed")) && pronoun(core).is_none()
        } else {
            is_cap(core)
                || name_connector(core)
                || (after_possessive && !is_stop_word(core) && !is_aux(core))
                || title_bridge(ws.upto(idx + BRIDGE_WORDS).get(idx..).unwrap_or_default())
        };
        if !ok {
            break;
        }
        let trimmed = t.trim_end_matches([',', '.', ';', ':', '"', '\u{201d}', ')']);
        end = Some(w.start + trimmed.len());
        if t.len() != trimmed.len() && !is_title(t) && !is_initial(t) {
            break;
        }
        if det_phrase && idx > 0 && (is_role(core) || is_document_noun(core)) {
            break;
        }
        // "Clinton's campaign manager Robby Mook": through the possessive to the name.
        after_possessive = after_possessive && !is_cap(core) || t.ends_with("'s") || t.ends_with("’s");
    }
    let e = end?;
    let st = first.start;
    (e > st).then(|| Span::new(st, e))
}

/// A trailing dash attribution at the start of `s` ("— Commissioner Smith").
pub(crate) fn dash_attribution(s: &str) -> Option<Span> {
    let t = s.trim_start();
    let off = s.len() - t.len();
    let rest = t.strip_prefix(['—', '–', '―']).or_else(|| t.strip_prefix("--"))?;
    let r2 = rest.trim_start();
    let off2 = off + (t.len() - rest.len()) + (rest.len() - r2.len());
    let sp = right_of(r2)?;
    let m = &r2[sp.start..sp.end];
    (m.split_ws().any(is_cap) && pronoun(m).is_none()).then(|| Span::new(off2 + sp.start, off2 + sp.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`title_bridge`] as first written (a look-up per word test): the reference it must agree with.
    fn title_bridge_reference(ws: &[Word]) -> bool {
        for (j, w) in ws.iter().enumerate().take(3) {
            let t = w.text;
            if is_cap(t)
                || !t.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '/')
                || is_stop_word(t)
                || is_aux(t)
                || pronoun(t).is_some()
            {
                return false;
            }
            if (is_title(t) || is_role(t))
                && ws.get(j + 1).is_some_and(|n| is_cap(n.text) && pronoun(n.text).is_none() && !is_stop_word(n.text))
            {
                return true;
            }
        }
        false
    }

    proptest! {
        #[test]
        fn title_bridge_agrees_with_the_reference(
            words in proptest::collection::vec("(host|senator|presidential|nominee|spokesman|2016|former|he|He|The|the|has|really|Ann|Lee|mr.|x-y|a/b|said|of|official)", 0..6),
        ) {
            let s = words.join(" ");
            let ws = words_from(&s, 0, usize::MAX);
            prop_assert_eq!(title_bridge(&ws), title_bridge_reference(&ws), "{:?}", s);
        }

        #[test]
        fn lazy_words_are_the_first_words(s in "[a-zA-Z ,.\u{e9}\u{a0}\u{2003}\n]{0,80}", ks in proptest::collection::vec(0usize..16, 1..6)) {
            let all = words_from(&s, 0, MAX_WORDS + BRIDGE_WORDS);
            let mut lazy = LazyWords::new(&s);
            for k in ks {
                let got: Vec<(usize, usize, &str)> = lazy.upto(k).iter().map(|w| (w.start, w.end, w.text)).collect();
                let want: Vec<(usize, usize, &str)> = all.iter().take(k).map(|w| (w.start, w.end, w.text)).collect();
                prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn window_gives_the_whole_text_answer(s in "[a-zA-Z ,.é\u{a0}]{0,700}") {
            let whole = left_in(&words(&s), true).ok().flatten();
            prop_assert_eq!(left_of(&s), whole);
        }
    }

    fn left(s: &str) -> Option<&str> {
        left_of(s).map(|sp| sp.slice(s))
    }

    fn right(s: &str) -> Option<&str> {
        right_of(s).map(|sp| sp.slice(s))
    }

    #[test]
    fn subject_left_of_cue() {
        assert_eq!(left(" Kelin"), Some("Kelin"));
        assert_eq!(left(", he"), Some("he"));
        assert_eq!(left("However, the senior diplomat has"), Some("the senior diplomat"));
        assert_eq!(left("former Florida governor Jeb Bush"), Some("former Florida governor Jeb Bush"));
        assert_eq!(
            left("the talks failed, Ann Li, head of the Water Office,"),
            Some("Ann Li, head of the Water Office")
        );
        assert_eq!(left("Asked whether it works, he"), Some("he"));
        assert_eq!(left("It failed because Mr. Smith"), Some("Mr. Smith"));
        // Appositives that end in a prepositional object or a relative clause.
        assert_eq!(
            left("Ann Li, president of the Union of Teachers, which represents staff,"),
            Some("Ann Li, president of the Union of Teachers, which represents staff")
        );
        assert_eq!(left("Rep. G.K. Doe"), Some("Rep. G.K. Doe"));
    }

    #[test]
    fn tail_words_match_all_words() {
        for s in ["", " ", "a", "a b", "  Ann  Li,\u{a0}head é ", "x\u{2003}y z"] {
            let all = words(s);
            for max in 1..5 {
                let mut buf = vec![Word { start: 0, end: 0, text: "" }; max];
                let (from, complete) = words_tail(s, &mut buf);
                let tail = &buf[from..];
                let skip = all.len().saturating_sub(tail.len());
                let same = tail.iter().zip(&all[skip..]).all(|(a, b)| (a.start, a.end) == (b.start, b.end));
                assert!(same && tail.len() == all.len().min(max), "{s:?} {max}");
                if all.len() < max {
                    assert!(complete, "{s:?} {max}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tail_reader_agrees_with_words_tail_on_any_text(s in "[ab,é \u{a0}\u{2003}]{0,30}", first in 1usize..6) {
            let mut buf = vec![Word { start: 0, end: 0, text: "" }; 16];
            let mut reader = TailReader::new(&s, buf.len());
            for max in [first, 6, 16] {
                let (from, complete) = reader.read_to(&mut buf, 16 - max);
                let mut plain = vec![Word { start: 0, end: 0, text: "" }; max];
                let (p_from, p_complete) = words_tail(&s, &mut plain);
                let got: Vec<_> = buf[from..].iter().map(|w| (w.start, w.end)).collect();
                let want: Vec<_> = plain[p_from..].iter().map(|w| (w.start, w.end)).collect();
                proptest::prop_assert_eq!((got, complete), (want, p_complete));
            }
        }
    }

    #[test]
    fn tail_reader_agrees_with_words_tail() {
        let texts =
            ["", " ", "a", "a b", "  Ann  Li,\u{a0}head é ", "x\u{2003}y z", " a b c d", "a b c d", "a b c d e f g"];
        for s in texts {
            for first in 1..5 {
                let mut buf = vec![Word { start: 0, end: 0, text: "" }; 8];
                let mut reader = TailReader::new(s, buf.len());
                for max in [first, 8] {
                    let (from, complete) = reader.read_to(&mut buf, 8 - max);
                    let mut plain = vec![Word { start: 0, end: 0, text: "" }; max];
                    let (p_from, p_complete) = words_tail(s, &mut plain);
                    let got: Vec<_> = buf[from..].iter().map(|w| (w.start, w.end, w.text)).collect();
                    let want: Vec<_> = plain[p_from..].iter().map(|w| (w.start, w.end, w.text)).collect();
                    assert_eq!((got, complete), (want, p_complete), "{s:?} {first} {max}");
                }
            }
        }
    }

    #[test]
    fn known_last_lists_agree_with_looking_up() {
        for s in
            ["the senior diplomat", "Ann Li", "he", "and the", "x,", "said the", "(the", "a spokesman\u{201d}", "The"]
        {
            let ws = words(s);
            let Some(w) = ws.last() else { continue };
            for comma_ok in [false, true] {
                let known = phrase_before(&ws, Some(lists(w.text)), comma_ok, true).ok().flatten();
                let plain = phrase_before(&ws, None, comma_ok, true).ok().flatten();
                assert_eq!(known, plain, "{s:?}");
            }
        }
    }

    #[test]
    fn long_text_left_of_cue() {
        let pad = "word ".repeat(200);
        for tail in ["Ann Li, head of the Water Office,", "the senior diplomat has", "that", "x,"] {
            let s = format!("{pad}{tail}");
            let whole = left_in(&words(&s), true).ok().flatten();
            assert_eq!(left_of(&s), whole, "{tail}");
        }
    }

    #[test]
    fn subject_right_of_cue() {
        assert_eq!(right(" Donna Li, the chairwoman."), Some("Donna Li"));
        assert_eq!(right(" the spokeswoman."), Some("the spokeswoman"));
        assert_eq!(right(" he."), Some("he"));
        assert_eq!(right(" Democratic presidential nominee Ann Li."), Some("Democratic presidential nominee Ann Li"));
        assert_eq!(right(" MSNBC host Jo Doe said"), Some("MSNBC host Jo Doe"));
        assert_eq!(right(" Rep. G.K. Doe, who"), Some("Rep. G.K. Doe"));
        assert_eq!(right(" Clinton campaign officials"), Some("Clinton"));
        assert_eq!(right(" longtime host Jo Doe."), Some("longtime host Jo Doe"));
        assert_eq!(right(" 2016 nominee Jo Doe."), Some("2016 nominee Jo Doe"));
        assert_eq!(right(" last week that Jo Doe"), None);
        assert_eq!(right(" targeting former nominee Jo Doe"), None);
    }

    #[test]
    fn dash() {
        let s = " — Commissioner Jane Smith";
        assert_eq!(dash_attribution(s).map(|sp| sp.slice(s)), Some("Commissioner Jane Smith"));
        assert_eq!(dash_attribution(" and more"), None);
    }

    #[test]
    fn plausible_speakers() {
        assert!(plausible("the senior diplomat"));
        assert!(plausible("Kelin"));
        assert!(plausible("she"));
        assert!(!plausible("the weather"));
    }
}
