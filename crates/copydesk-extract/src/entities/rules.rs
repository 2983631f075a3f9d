//! Rules that turn runs of capitalized words into labelled mentions.

use super::facts_memo::{self, Memo};
use super::gazetteer::{Entry, Gazetteer};
use super::table_layout as layout;
use super::tokens::{connector_at, is_name_particle, Tok};
use crate::EntityLabel;
use std::cell::Cell;

/// A mention found in one sentence (token indices, half-open) before grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
    /// Label.
    pub label: EntityLabel,
    /// Gazetteer entry when the mention is a listed name.
    pub entry: Option<Entry>,
    /// How sure the rules are: 2 listed or patterned, 1 by a name list or title, 0 a bare guess.
    pub strength: u8,
    /// A byte range inside the token to use instead of the whole token (hyphen compounds).
    pub sub: Option<(usize, usize)>,
    /// Kept only if grouping finds a full name for it ("Park" after "Park Jin").
    pub grouped_only: bool,
}

impl Found {
    /// A mention found by a rule alone (no gazetteer entry, whole tokens, kept on its own).
    fn by_rule(from: usize, to: usize, label: EntityLabel, strength: u8) -> Self {
        Found { from, to, label, entry: None, strength, sub: None, grouped_only: false }
    }
}

/// Facts about a token's word, looked up once and remembered (see [`Sent::facts`]): the low
/// 16 bits are the gazetteer's word flags (`W_` of table_layout, [`WORD_BITS`]), then these.
pub(super) const KNOWN: u32 = 1 << 31;
/// The word has a non-ASCII char (given and family names are also looked up without diacritics).
pub(super) const NON_ASCII: u32 = 1 << 24;
/// Every char of the word is upper case or a hyphen (capitals can be a listed place: "CAIRO").
const UPPER: u32 = 1 << 25;
/// Whether the word is common is known ...
pub(super) const COMMON_KNOWN: u32 = 1 << 26;
/// ... and it is.
pub(super) const COMMON: u32 = 1 << 27;
/// A plain word: ASCII, at least three letters or digits, all lower case after the first
/// ("London", "Officials"). Such a word is no acronym, camel-case word, contraction, single
/// letter or hyphen compound, so those rules are not tried on it.
const PLAIN: u32 = 1 << 28;
/// A capitalized token that never names anything ([`is_non_name`]).
const NON_NAME: u32 = 1 << 29;
/// The gazetteer's word flags kept in the facts.
const WORD_BITS: u64 = (1 << 16) - 1;
/// [`is_acronym`] of the word (told for words that are not plain).
const ACRONYM: u32 = 1 << 16;
/// [`is_camel`] of the word (told for words that are not plain).
const CAMEL: u32 = 1 << 17;
/// The word has a hyphen (told for words that are not plain, which have none).
const HYPHEN: u32 = 1 << 18;
// The gazetteer's word flags fit below the bits above.
const _: () = assert!(layout::W_PLAIN_ACRONYM < 1 << 16);

/// A word flag of the gazetteer as a fact bit.
pub(super) const fn word_bit(bit: u64) -> u32 {
    bit as u32
}

/// What the lists and the word's shape say about `word`: [`KNOWN`], its word flags,
/// [`PLAIN`], [`UPPER`], [`NON_ASCII`], [`NON_NAME`].
fn word_facts(g: &Gazetteer, word: &str) -> u32 {
    let mut f = KNOWN | (g.word_flags(word) & WORD_BITS) as u32;
    let b = word.as_bytes();
    // A plain word is all ASCII, so it is told first, without a separate ASCII pass.
    if b.len() >= 3 && b.first().is_some_and(u8::is_ascii_alphanumeric) && b.iter().skip(1).all(u8::is_ascii_lowercase)
    {
        f |= PLAIN;
    } else if word.is_ascii() {
        if b.iter().all(|&c| c.is_ascii_uppercase() || c == b'-') {
            f |= UPPER;
        }
    } else {
        f |= NON_ASCII;
        if word.chars().all(|c| c.is_uppercase() || c == '-') {
            f |= UPPER;
        }
    }
    if f & PLAIN == 0 {
        if is_non_name(f, word) {
            f |= NON_NAME;
        }
        if is_acronym(word) {
            f |= ACRONYM;
        }
        if is_camel(word) {
            f |= CAMEL;
        }
        if b.contains(&b'-') {
            f |= HYPHEN;
        }
    }
    f
}

/// The tokens of one sentence with their text.
pub(crate) struct Sent<'a> {
    /// Sentence text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// The sentence is written in title case or capitals (a headline): only listed names count.
    pub title_case: bool,
    /// The lists.
    pub g: &'a Gazetteer,
    /// One cell per token (0 at first): what is known about its word.
    pub facts: &'a [Cell<u32>],
    /// What is known about words of up to sixteen bytes, remembered across articles.
    pub memo: &'a Memo,
}

impl<'a> Sent<'a> {
    /// What the lists say about the word of token `i` (one probe, remembered).
    #[inline]
    fn facts(&self, i: usize) -> u32 {
        match self.facts.get(i) {
            Some(cell) if cell.get() & KNOWN != 0 => cell.get(),
            Some(cell) => self.learn(i, cell),
            None => 0,
        }
    }
    /// Look up the facts of token `i` and remember them in `cell`.
    #[inline(never)]
    fn learn(&self, i: usize, cell: &Cell<u32>) -> u32 {
        let Some(t) = self.toks.get(i) else { return 0 };
        let key = facts_memo::key(self.text.as_bytes(), t.start(), t.end());
        if let Some(f) = key.and_then(|k| self.memo.get(k)) {
            cell.set(f);
            return f;
        }
        let word = self.text.get(t.start()..t.end()).unwrap_or("");
        let f = word_facts(self.g, word);
        if let Some(k) = key {
            self.memo.put(k, f);
        }
        cell.set(f);
        f
    }
    /// [`is_acronym`] of the word of token `i`.
    fn acronym(&self, i: usize) -> bool {
        self.facts(i) & ACRONYM != 0
    }
    /// [`is_camel`] of the word of token `i`.
    fn camel(&self, i: usize) -> bool {
        self.facts(i) & CAMEL != 0
    }
    /// [`is_year_event`] of the word of token `i`: such a word has a hyphen, which its facts
    /// tell, so other words are not read.
    fn year_event(&self, i: usize) -> bool {
        self.has(i, HYPHEN) && is_year_event(self.w(i))
    }
    /// [`is_non_name`] of the word of token `i` (false for plain words).
    fn non_name(&self, i: usize) -> bool {
        self.facts(i) & NON_NAME != 0
    }
    /// A capitalized word that is no name on its own ("The", "According", weekdays, months).
    fn stop(&self, i: usize) -> bool {
        self.has(i, word_bit(layout::W_STOP))
    }
    /// The word of token `i` has one of the word flags `bits`.
    fn has(&self, i: usize, bits: u32) -> bool {
        self.facts(i) & bits != 0
    }
    /// A listed given name, with or without diacritics.
    #[inline]
    fn given(&self, i: usize) -> bool {
        let f = self.facts(i);
        f & word_bit(layout::W_GIVEN) != 0 || f & NON_ASCII != 0 && self.g.is_given(self.w(i))
    }
    /// A listed family name, with or without diacritics.
    #[inline]
    fn surname(&self, i: usize) -> bool {
        let f = self.facts(i);
        f & word_bit(layout::W_SURNAME) != 0 || f & NON_ASCII != 0 && self.g.is_surname(self.w(i))
    }
    /// A listed title.
    fn title(&self, i: usize) -> bool {
        self.has(i, word_bit(layout::W_TITLE))
    }
    /// The lower-case form of the word is an ordinary English word (remembered).
    #[inline]
    fn common(&self, i: usize) -> bool {
        let f = self.facts(i);
        if f & COMMON_KNOWN != 0 {
            return f & COMMON != 0;
        }
        self.learn_common(i, f)
    }
    /// Look up whether the word of token `i` (facts `f`) is common, and remember it.
    #[inline(never)]
    fn learn_common(&self, i: usize, f: u32) -> bool {
        let c = self.g.is_common(self.w(i));
        let f = f | COMMON_KNOWN | if c { COMMON } else { 0 };
        if let Some(cell) = self.facts.get(i) {
            cell.set(f);
        }
        // Remembered with the word's other facts (which `learn` put there).
        if let Some(k) = self.toks.get(i).and_then(|t| facts_memo::key(self.text.as_bytes(), t.start(), t.end())) {
            self.memo.put(k, f);
        }
        c
    }
    fn w(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.start()..t.end()]
    }
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word && t.cap)
    }
    /// A lower-case word joining capitalized words inside a name ("of", "von").
    fn conn(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word && !t.cap && connector_at(self.text.as_bytes(), t.start(), t.end()))
    }
    /// [`Sent::conn`] of token `k`, asked by the rules for a run of names ([`run_end`]) that goes
    /// on at least to token `j - 1`: inside the run every token is a capitalized word or a
    /// connector, so there a connector is a token that is not capitalized (no word is read);
    /// from token `j` on, the word is read.
    #[inline]
    fn conn_in(&self, k: usize, j: usize) -> bool {
        if k < j {
            self.toks.get(k).is_some_and(|t| !t.cap)
        } else {
            self.conn(k)
        }
    }
    /// Text of tokens i..j as written (None when separated by anything but one space).
    fn phrase(&self, i: usize, j: usize) -> Option<&'a str> {
        for k in i + 1..j {
            if self.toks[k].start() != self.toks[k - 1].end() + 1 || self.toks[k - 1].poss {
                return None;
            }
        }
        Some(&self.text[self.toks[i].start()..self.toks[j - 1].end()])
    }
    /// A sentence-initial position (first word, or first after an opening quote or bracket).
    fn initial(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            let t = self.toks[k];
            if t.word {
                return false;
            }
            let p = &self.text[t.start()..t.end()];
            if !matches!(p, "\"" | "'" | "(" | "[" | "-" | ":") {
                return p == ":";
            }
        }
        true
    }
}

/// Find mentions in one sentence, into `out` (cleared first; a buffer reused across sentences).
pub(crate) fn find_into(g: &Gazetteer, s: &Sent, out: &mut Vec<Found>) {
    out.clear();
    let mut i = 0;
    // Runs start at capitalized words (only words are capitalized).
    while let Some(start) = next_cap(s.toks, i) {
        let j = run_end(s, start);
        run(g, s, start, j, out);
        i = j;
    }
    // Regnal numbers end no person's span ("Abdullah II"; each run's mentions, one pass).
    for f in out.iter_mut() {
        if f.label == EntityLabel::Person && f.sub.is_none() && f.to >= f.from + 2 && is_regnal(s.w(f.to - 1)) {
            f.to -= 1;
        }
    }
}

/// The first capitalized token at or after token `i` (None: there is none).
fn next_cap(toks: &[Tok], i: usize) -> Option<usize> {
    toks.get(i..)?.iter().position(|t| t.cap).map(|k| i + k)
}

/// End (one past the last token) of the run of names starting at the capitalized token `i`:
/// capitalized words, joined by connectors followed by a capitalized word. Every token of
/// the run is a capitalized word or a connector (see [`Sent::conn_in`]).
fn run_end(s: &Sent, i: usize) -> usize {
    let n = s.toks.len();
    let mut j = i + 1;
    while j < n && !s.toks[j - 1].poss {
        if s.cap(j) {
            j += 1;
            continue;
        }
        // (whether token `j` is a connector is told once)
        if !s.conn(j) {
            break;
        }
        if s.cap(j + 1) && !s.toks[j].poss && !s.has(j + 1, word_bit(layout::W_DATE)) && s.w(j) != "in" {
            j += 2;
        } else if s.conn(j + 1) && s.cap(j + 2) && s.w(j) != "in" {
            j += 3;
        } else {
            break;
        }
    }
    j
}

/// The listed name (or place in capitals) that tokens `i..j` write; one-word names are
/// remembered across articles.
fn lookup(g: &Gazetteer, s: &Sent, i: usize, j: usize) -> Option<Entry> {
    if j != i + 1 {
        return if may_be_phrase(s, i, j) { lookup_phrase(g, s, i, j) } else { None };
    }
    let key = s.toks.get(i).and_then(|t| facts_memo::key(s.text.as_bytes(), t.start(), t.end()));
    if let Some(e) = key.and_then(|k| s.memo.entry(k)) {
        return e;
    }
    let e = lookup_phrase(g, s, i, j);
    if let Some(k) = key {
        s.memo.put_entry(k, e);
    }
    e
}

/// Whether tokens `i..j` (several) may write a listed phrase, told by the facts of their first and
/// last words: a listed phrase begins with a word flagged as the first word of one and ends with a
/// word flagged as the last word of one; a phrase in capitals ("KUALA LUMPUR", looked up
/// title-cased) has every word in capitals. Only then is the phrase hashed and probed.
#[inline]
fn may_be_phrase(s: &Sent, i: usize, j: usize) -> bool {
    let last = j.checked_sub(1).map_or(0, |k| s.facts(k));
    s.facts(i) & (word_bit(layout::W_PHRASE_FIRST) | UPPER) != 0
        && last & (word_bit(layout::W_PHRASE_LAST) | UPPER) != 0
}

/// [`lookup`] in the compiled list (a one-word name depends on the word alone).
fn lookup_phrase(g: &Gazetteer, s: &Sent, i: usize, j: usize) -> Option<Entry> {
    let p = s.phrase(i, j)?;
    if let Some(e) = g.phrases.get(p) {
        return Some(e);
    }
    // Datelines and headlines in capitals: "CAIRO", "KUALA LUMPUR".
    if in_capitals(p) {
        let found = if p.len() <= 64 && p.is_ascii() {
            let mut buf = [0u8; 64];
            let t = &mut buf[..p.len()];
            t.copy_from_slice(p.as_bytes());
            for k in 1..t.len() {
                if !matches!(t[k - 1], b' ' | b'-') {
                    t[k] = t[k].to_ascii_lowercase();
                }
            }
            std::str::from_utf8(t).ok().and_then(|t| g.phrases.get(t))
        } else {
            g.phrases.get(title_cased(p).as_str())
        };
        return found.filter(|e| e.label == EntityLabel::Loc);
    }
    None
}

/// Whether a name is written in capitals ("CAIRO", "KUALA LUMPUR"; four bytes or more): then
/// [`lookup_phrase`] also looks up its title-cased form.
pub(super) fn in_capitals(p: &str) -> bool {
    p.len() >= 4 && p.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-')
}

/// "KUALA LUMPUR" -> "Kuala Lumpur" (each word's first letter kept).
fn title_cased(p: &str) -> String {
    let mut t = String::with_capacity(p.len());
    let mut start = true;
    for c in p.chars() {
        if start {
            t.push(c);
        } else {
            t.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    t
}

/// Longest listed phrase starting at `i` and ending before `j`.
fn longest(g: &Gazetteer, s: &Sent, i: usize, j: usize) -> Option<(usize, Entry)> {
    // A listed phrase starts with its first word, or is the word itself; a phrase in capitals
    // ("KUALA LUMPUR") starts with a word in capitals. Other words are not looked up.
    let f = s.facts(i);
    let first = word_bit(layout::W_PHRASE_FIRST) | UPPER;
    let max = if f & first != 0 { (j - i).min(g.max_words) } else { (j - i).min(1) };
    for len in (1..=max).rev() {
        if s.conn_in(i + len - 1, j) {
            continue;
        }
        if len == 1 && f & (word_bit(layout::W_PHRASE) | UPPER) == 0 {
            continue;
        }
        if let Some(e) = lookup(g, s, i, i + len) {
            return Some((i + len, e));
        }
    }
    None
}

/// End of an organisation name starting at `i` inside the run `..j`: the last org head reached
/// (through capitalized words, not across "and" after a listed name), extended by an
/// "of"/"for" phrase after it; and whether that head names a law, award, programme or building
/// (MISC: "Companies Act", "Padma Bridge") rather than an organisation.
fn org_end(g: &Gazetteer, s: &Sent, i: usize, j: usize) -> Option<(usize, bool)> {
    let mut head = None;
    let mut misc = false;
    let lim = j.min(i + 8);
    let mut k = i;
    while k < lim {
        if s.conn_in(k, j) {
            // (the word is read only for connectors)
            let w = s.w(k);
            if w == "and" && k > i && longest(g, s, i, k).is_some_and(|(e, _)| e == k) {
                break;
            }
            if !matches!(w, "of" | "for" | "and" | "the" | "on" | "de" | "des" | "du" | "la") {
                break;
            }
        } else if s.has(k, word_bit(layout::W_ORG_HEAD | layout::W_MISC_HEAD)) && (k > i || s.conn_in(k + 1, j)) {
            head = Some(k + 1);
            misc = !s.has(k, word_bit(layout::W_ORG_HEAD));
        }
        k += 1;
    }
    let mut end = head?;
    // "Ministry of Foreign Affairs", "Electoral Commission of Uganda".
    if end < j && s.conn_in(end, j) && matches!(s.w(end), "of" | "for" | "on") {
        let mut k = end;
        while k < j && (s.cap(k) || s.conn_in(k, j) && !(s.w(k) == "and" && s.conn_in(k + 1, j))) {
            k += 1;
        }
        while k > end && s.conn_in(k - 1, j) {
            k -= 1;
        }
        end = k;
    }
    Some((end, misc))
}

/// The label a head word at token `k` gives a name ("River", "Summit", "Act").
fn head_label(s: &Sent, k: usize) -> Option<EntityLabel> {
    let f = s.facts(k);
    if f & word_bit(layout::W_LOC_HEAD) != 0 {
        Some(EntityLabel::Loc)
    } else if f & word_bit(layout::W_EVENT_HEAD) != 0 {
        Some(EntityLabel::Event)
    } else if f & word_bit(layout::W_MISC_HEAD) != 0 {
        Some(EntityLabel::Misc)
    } else {
        None
    }
}

fn is_acronym(w: &str) -> bool {
    // One pass with an early exit: most capitalized words fail at their second letter.
    let (mut n, mut letters, mut upper) = (0usize, 0usize, 0usize);
    for c in w.chars() {
        n += 1;
        let u = c.is_uppercase();
        if n > 8 || !(u || c.is_ascii_digit() || c == '-' || c == '&' || c == '.') {
            return false;
        }
        upper += usize::from(u);
        letters += usize::from(c.is_alphabetic());
    }
    n >= 2 && letters >= 2 && upper >= 2
}

/// A word written in camel case ("WeChat", "BankDhofar", "BoG"): brands, companies and
/// ministry abbreviations, not personal names (which keep "McDonald", "DeSantis", "LaGuardia").
fn is_camel(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_uppercase() || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Al", "El"];
    if NAME_PREFIXES.iter().any(|p| w.len() > p.len() && w.starts_with(p) && b[p.len()].is_ascii_uppercase()) {
        return false;
    }
    // A lower-case letter, then an upper-case one, after the first letter.
    b.windows(2).skip(1).any(|x| x[0].is_ascii_lowercase() && x[1].is_ascii_uppercase())
        || b.get(1).is_some_and(u8::is_ascii_lowercase) && b.get(2).is_some_and(u8::is_ascii_uppercase)
}

/// Capitalized tokens that never name anything: contractions ("We're"), single letters,
/// plural acronyms ("NGOs"), acronyms of common nouns from the known list ("CEO", "TV").
/// `facts` are the word's facts so far (its word flags tell a listed acronym without a label).
fn is_non_name(facts: u32, w: &str) -> bool {
    let b = w.as_bytes();
    // The last apostrophe (a plain loop: words are short, a memrchr call costs more).
    let mut p = b.len();
    while p > 0 && b.get(p - 1) != Some(&b'\'') {
        p -= 1;
    }
    if p > 0 && matches!(b.get(p..), Some(b"re" | b"ve" | b"t" | b"ll" | b"d" | b"m" | b"s")) {
        return true;
    }
    // One char, or one char and a period ("J."); chars are counted only in short words.
    if b.len() <= 8 {
        let n = if b.is_ascii() { b.len() } else { w.chars().count() };
        if n == 1 || (n == 2 && w.ends_with('.')) {
            return true;
        }
    }
    if matches!(w, "Jr" | "Jr." | "Sr" | "Sr.") {
        return true;
    }
    if let Some(stem) = w.strip_suffix('s') {
        if stem.chars().all(char::is_uppercase) && stem.chars().nth(1).is_some() {
            return true;
        }
    }
    facts & word_bit(layout::W_PLAIN_ACRONYM) != 0
}

/// Regnal and dynastic numbers after a name ("Abdullah II"): not part of the name's span.
fn is_regnal(w: &str) -> bool {
    (1..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// "US$", "US dollars", "Hong Kong dollars".
/// (A byte test for the "$"; the word before a "dollars" is compared before the word after it,
/// which most capitalized words are not followed by.)
fn is_currency_use(s: &Sent, i: usize) -> bool {
    let t = s.toks[i];
    if s.text.as_bytes().get(t.end()) == Some(&b'$') {
        return true;
    }
    unit_word_at(s, i + 1)
        && matches!(s.w(i), "US" | "U.S." | "Canadian" | "Australian" | "Hong Kong" | "Singapore" | "New Zealand")
}

/// "dollar", "dollars" or "cents" at token `k`: lower-case words of five to seven bytes, so
/// other tokens are ruled out by their flags and length before the word is compared (most
/// capitalized words are followed by none of them).
fn unit_word_at(s: &Sent, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| t.word && !t.cap && (5..=7).contains(&(t.end() - t.start())))
        && matches!(s.w(k), "dollar" | "dollars" | "cents")
}

/// A preposition of place at token `k` ("in", "near"): lower-case words of two to seven bytes,
/// so other tokens are ruled out by their flags and length before the word is compared.
fn place_prep_at(s: &Sent, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| t.word && !t.cap && (2..=7).contains(&(t.end() - t.start())))
        && matches!(s.w(k), "in" | "at" | "near" | "from" | "to" | "across" | "outside" | "inside")
}

/// "Zapad-2017": a name joined to a year (at least three bytes, a hyphen and four digits at
/// the end). Byte tests, no search: the part after the last hyphen is four digits exactly
/// when the word ends in a hyphen and four digits.
fn is_year_event(w: &str) -> bool {
    match w.as_bytes() {
        [a @ .., b'-', y0, y1, y2, y3] => a.len() >= 3 && [y0, y1, y2, y3].iter().all(|y| y.is_ascii_digit()),
        _ => false,
    }
}

/// A hyphen compound whose capitalized parts are all listed: "Russian-Belarusian", "US-China",
/// "Egypt-like".
fn compound(g: &Gazetteer, s: &Sent, i: usize, out: &mut Vec<Found>) -> bool {
    if s.facts(i) & HYPHEN == 0 {
        return false;
    }
    let w = s.w(i);
    let mut parts = Vec::new();
    let mut off = 0;
    for p in w.split('-') {
        let st = off;
        off += p.len() + 1;
        if p.chars().next().is_some_and(char::is_uppercase) {
            match g.phrases.get(p) {
                Some(e) => parts.push((st, st + p.len(), e)),
                None => return false,
            }
        } else if parts.is_empty() || p.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    if parts.is_empty() {
        return false;
    }
    for (a, b, e) in parts {
        out.push(Found {
            from: i,
            to: i + 1,
            label: e.label,
            entry: Some(e),
            strength: 2,
            sub: Some((a, b)),
            grouped_only: false,
        });
    }
    true
}

/// A lower-case noun for a kind of place at token `k` ("district", "village").
fn place_noun_at(s: &Sent, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| t.word && !t.cap)
        && matches!(
            s.w(k),
            "district"
                | "village"
                | "area"
                | "town"
                | "region"
                | "division"
                | "municipality"
                | "upazila"
                | "county"
                | "sub-county"
                | "neighbourhood"
                | "neighborhood"
                | "township"
                | "governorate"
                | "province"
                | "city"
        )
}

/// A speech verb at token `k` ("Mugo said"). The verbs are lower-case words of four to nine
/// bytes: other tokens are ruled out by their flags and length before the word is compared.
fn speech_verb_at(s: &Sent, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| t.word && !t.cap && (4..=9).contains(&(t.end() - t.start())))
        && matches!(
            s.w(k),
            "said" | "says" | "told" | "added" | "explained" | "stated" | "noted" | "insisted" | "argued" | "wrote"
        )
}

/// Label the capitalized run `i..j`.
fn run(g: &Gazetteer, s: &Sent, i0: usize, j: usize, out: &mut Vec<Found>) {
    let mut i = i0;
    let mut titled = false;
    while i < j {
        if s.conn_in(i, j) {
            // "Minister of Tourism": a title's "of" phrase names an office, not a person.
            titled = false;
            i += 1;
            continue;
        }
        // [`Sent::stop`] or [`Sent::non_name`], from one look at the facts.
        if s.has(i, word_bit(layout::W_STOP) | NON_NAME) {
            i += 1;
            titled = false;
            continue;
        }
        // "US$", "US dollars": a currency, not a place.
        if is_currency_use(s, i) {
            i += 1;
            continue;
        }
        // Organisation names by their head word (not "Member of Parliament").
        if !(s.title_case || s.title(i) && s.conn_in(i + 1, j)) {
            if let Some((end, misc)) = org_end(g, s, i, j) {
                let whole = lookup(g, s, i, end);
                let head = if misc { EntityLabel::Misc } else { EntityLabel::Org };
                let label = whole.map_or(head, |e| e.label);
                // "The Jordan Times": newspapers keep their article.
                let from = if i > 0 && s.w(i - 1) == "The" && s.cap(i - 1) && s.has(end - 1, word_bit(layout::W_MEDIA))
                {
                    i - 1
                } else {
                    i
                };
                out.push(Found { from, to: end, label, entry: whole, strength: 2, sub: None, grouped_only: false });
                i = end;
                titled = false;
                continue;
            }
        }
        // "Northern Uganda", "South Kashmir", "West African": a capitalized compass word joins
        // a listed place or group after it.
        if s.has(i, word_bit(layout::W_COMPASS)) && s.cap(i + 1) && !s.toks[i].poss {
            if let Some((end, e)) = longest(g, s, i + 1, j) {
                let here = longest(g, s, i, j).map(|(h, _)| h);
                if matches!(e.label, EntityLabel::Loc | EntityLabel::Norp)
                    && here.map_or(true, |h| h < end)
                    && s.phrase(i, end).is_some()
                {
                    out.push(Found::by_rule(i, end, e.label, 2));
                    i = end;
                    titled = false;
                    continue;
                }
            }
        }
        // Listed names (longest first).
        if let Some((end, e)) = longest(g, s, i, j) {
            // A given name that is also a place ("Jordan") starts a person's name when a name follows.
            let person_next = end == i + 1
                && i + 1 < j
                && s.cap(i + 1)
                && s.given(i)
                && longest(g, s, i + 1, j).is_none()
                && !s.has(i + 1, word_bit(layout::W_ORG_HEAD));
            // A listed place and a place head: "Nile River", "Guangdong Province".
            if e.label == EntityLabel::Loc
                && !person_next
                && end < j
                && s.cap(end)
                && !s.toks[end - 1].poss
                && s.has(end, word_bit(layout::W_LOC_HEAD))
                && s.phrase(i, end + 1).is_some()
            {
                out.push(Found::by_rule(i, end + 1, EntityLabel::Loc, 2));
                i = end + 1;
                titled = false;
                continue;
            }
            // "Kosmos Energy"-style names led by a place: "Qatar Charity", "Korea Eximbank".
            if !s.title_case
                && !person_next
                && matches!(e.label, EntityLabel::Loc | EntityLabel::Norp)
                && !s.toks[end - 1].poss
            {
                let mut k = end;
                while k < j && s.cap(k) && !s.toks[k - 1].poss {
                    if longest(g, s, k, j).is_some()
                        || s.title(k)
                        || s.given(k)
                        || s.surname(k)
                        || s.stop(k)
                        || s.common(k)
                        || s.non_name(k)
                    {
                        break;
                    }
                    k += 1;
                }
                if k > end {
                    out.push(Found::by_rule(i, k, EntityLabel::Org, 1));
                    i = k;
                    titled = false;
                    continue;
                }
            }
            if !(person_next || s.title_case && e.label == EntityLabel::Person) {
                // "Guangdong province": the lower-case "province" belongs to a listed region.
                let to = if e.label == EntityLabel::Loc
                    && !e.country
                    && !s.toks[end - 1].poss
                    && s.toks.get(end).is_some_and(|t| t.word && !t.cap)
                    && s.w(end) == "province"
                {
                    end + 1
                } else {
                    end
                };
                out.push(Found {
                    from: i,
                    to,
                    label: e.label,
                    entry: Some(e),
                    strength: 2,
                    sub: None,
                    grouped_only: false,
                });
                i = end;
                titled = false;
                continue;
            }
        }
        if s.has(i, HYPHEN) && compound(g, s, i, out) {
            i += 1;
            continue;
        }
        if s.title_case {
            i += 1;
            continue;
        }
        // Titles before a name: "Foreign Minister Sergei Lavrov", "Gen.", "Mr".
        if s.title(i) {
            titled = true;
            i += 1;
            continue;
        }
        // (Stop words never get here: they were skipped at the top of the loop.)
        // The extent of unlisted words from here. After a given name or a title, a family name
        // that is also a place goes on with the name ("Lenín Moreno", "Lewis Hamilton").
        // (told only for a listed place after it)
        let name_start = || titled || s.given(i);
        let mut k = i + 1;
        while k < j && !s.toks[k - 1].poss {
            if s.cap(k) {
                let listed = longest(g, s, k, j);
                let surname_place = listed
                    .is_some_and(|(e, en)| e == k + 1 && en.label == EntityLabel::Loc && !en.country && s.surname(k))
                    && name_start();
                if listed.is_some() && !surname_place || s.title(k) {
                    break;
                }
                k += 1;
            } else if s.conn_in(k, j) && is_name_particle(s.w(k)) && s.cap(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        let len = k - i;
        // (told only where a rule asks)
        let initial = || s.initial(i);
        // "BRAC Uganda", "Claro Nicaragua": a brand or acronym before a country that ends the
        // run names the company's branch there.
        if k < j && !s.toks[k - 1].poss && !titled {
            if let Some((end, e)) = longest(g, s, k, j) {
                let brand = |t: usize| s.acronym(t) || s.camel(t) || !s.common(t) && !s.given(t) && !s.surname(t);
                if e.country && end == j && !initial() && (i..k).all(brand) && s.phrase(i, end).is_some() {
                    out.push(Found::by_rule(i, end, EntityLabel::Org, 1));
                    i = end;
                    continue;
                }
            }
        }
        // (told only where a rule asks)
        let place_prep = || i > 0 && place_prep_at(s, i - 1);
        let common = s.common(i);
        // "Lee said" at a sentence start, '"...," explained César': a name next to a speech verb.
        let quoted_by = || i >= 2 && speech_verb_at(s, i - 1) && !s.toks[i - 2].word;
        // "Kamonyi district", "Iceme village": an unlisted word before a lower-case place noun.
        if len == 1 && !common && !s.acronym(i) && place_noun_at(s, k) {
            out.push(Found::by_rule(i, k, EntityLabel::Loc, 1));
            i = k;
            titled = false;
            continue;
        }
        if len == 1
            && (speech_verb_at(s, k) || quoted_by())
            && (s.given(i) || s.surname(i) || !common)
            && !s.acronym(i)
            && !s.year_event(i)
        {
            out.push(Found::by_rule(i, k, EntityLabel::Person, 1));
            i = k;
            titled = false;
            continue;
        }
        if len == 1 {
            if s.year_event(i) {
                out.push(Found::by_rule(i, k, EntityLabel::Event, 2));
            } else if s.acronym(i) || s.camel(i) && !titled {
                out.push(Found::by_rule(i, k, EntityLabel::Org, 1));
            } else if titled || s.given(i) && !initial() && !common {
                out.push(Found::by_rule(i, k, EntityLabel::Person, 1));
            } else if common {
                out.push(Found {
                    from: i,
                    to: k,
                    label: EntityLabel::Person,
                    entry: None,
                    strength: 0,
                    sub: None,
                    grouped_only: true,
                });
            } else if !common {
                let label = if place_prep() && !s.surname(i) { EntityLabel::Loc } else { EntityLabel::Person };
                // "Mugo said": a speech verb after a bare name makes it a person.
                let speaks = speech_verb_at(s, k);
                let strength = u8::from(speaks && label == EntityLabel::Person);
                out.push(Found { from: i, to: k, label, entry: None, strength, sub: None, grouped_only: false });
            }
            i = k;
            titled = false;
            continue;
        }
        // Drop a sentence-initial ordinary word ("Officials", "Critics") in front of a name.
        if common && initial() && !s.given(i) && !titled {
            i += 1;
            continue;
        }

        if let Some(label) = head_label(s, k - 1) {
            out.push(Found { from: i, to: k, label, entry: None, strength: 2, sub: None, grouped_only: false });
        } else if titled || (s.given(i) || s.surname(i)) && !s.has(i, word_bit(layout::W_ARTICLE)) {
            out.push(Found::by_rule(i, k.min(i + 5), EntityLabel::Person, 1));
        } else {
            let any_common = (i..k).any(|t| !s.conn_in(t, j) && s.common(t));
            // "Sadio Mane said", "... Taimoor Khan": a speech verb after the name, or a listed
            // family name ending two or three words.
            let person = k - i <= 3
                && (speech_verb_at(s, k) || s.surname(k - 1) && !s.common(k - 1))
                && !(s.has(i, word_bit(layout::W_ARTICLE)) && k - i == 2);
            // A capitals-only word ("Umurenge SACCO") marks an organisation, not a person.
            let any_acronym = (i..k).any(|t| s.acronym(t));
            let place_prep = place_prep();
            let label = if person {
                EntityLabel::Person
            } else if any_common || any_acronym || s.has(i, word_bit(layout::W_ARTICLE)) && !place_prep {
                EntityLabel::Org
            } else if place_prep {
                EntityLabel::Loc
            } else {
                EntityLabel::Person
            };
            out.push(Found { from: i, to: k, label, entry: None, strength: 0, sub: None, grouped_only: false });
        }
        i = k;
        titled = false;
    }
}

/// Look up the word `text` as the rules do (its facts, whether it is common, its one-word
/// entry), remembering what they remember in `memo`.
#[cfg(test)]
pub(super) fn warm_for_test(memo: &Memo, text: &str) {
    let g = &super::GAZ;
    let toks = super::tokens::tokenize(text);
    let facts = vec![Cell::new(0); toks.len()];
    let s = Sent { text, toks: &toks, title_case: false, g, facts: &facts, memo };
    for i in 0..toks.len() {
        s.facts(i);
        s.common(i);
        lookup(g, &s, i, i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{tokens, GAZ};

    const TEXTS: &[&str] = &[
        "The UN Secretary-General António Guterres met Mr Trump in New York on Tuesday.",
        "He's with NATO's CEO, the BBC and Officials of the Ministry of Foreign Affairs.",
        "KIGALI, Rwanda - Trump said GUTERRES and Núñez met in Kigali, Rwanda, and NGOs went to Nile River.",
        "CAIRO and the UK, London and British officials met; \"We're fine,\" said Lee Jun-seok of the US-China Business Council and Zapad-2017 observers.",
    ];

    /// The mentions of every sentence with the given table of remembered facts.
    fn found_with(memo: &Memo) -> Vec<Vec<Found>> {
        TEXTS
            .iter()
            .map(|text| {
                let toks = tokens::tokenize(text);
                let facts = vec![Cell::new(0); toks.len()];
                let s = Sent { text, toks: &toks, title_case: false, g: &GAZ, facts: &facts, memo };
                let mut out = Vec::new();
                find_into(&GAZ, &s, &mut out);
                out
            })
            .collect()
    }

    /// The first reading of [`is_year_event`] (split at the last hyphen).
    fn is_year_event_ref(w: &str) -> bool {
        if w.len() < 8 {
            return false;
        }
        match w.rsplit_once('-') {
            Some((a, y)) => a.len() >= 3 && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()),
            None => false,
        }
    }

    #[test]
    fn year_events_by_bytes() {
        for w in ["Zapad-2017", "COP-2021", "ab-2017", "Zapad-201", "Zapad-20177", "Za-pad-2017", "Zapad-2017-", "2017"]
        {
            assert_eq!(is_year_event(w), is_year_event_ref(w), "{w}");
        }
        assert!(is_year_event("Zapad-2017") && !is_year_event("ab-2017"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn year_event_as_first_read(w in "[A-Za-z\u{e9}0-9-]{0,12}") {
            proptest::prop_assert_eq!(is_year_event(&w), is_year_event_ref(&w));
        }

        #[test]
        fn speech_verbs_as_compared(text in "(said|says|told|Said|added|wrote|noted|x|stated|said-|dollar|dollars|Dollars|cents|in|In|at|near|from|to|across|outside|inside|Zapad-2017|\u{e9}t\u{e9}|[a-z]{1,10}|, |\\.| ){0,8}") {
            let toks = tokens::tokenize(&text);
            let facts = vec![Cell::new(0); toks.len()];
            let memo = Memo::new();
            let s = Sent { text: &text, toks: &toks, title_case: false, g: &GAZ, facts: &facts, memo: &memo };
            for k in 0..=toks.len() {
                let plain = toks.get(k).is_some_and(|t| t.word)
                    && matches!(
                        s.w(k),
                        "said" | "says" | "told" | "added" | "explained" | "stated" | "noted" | "insisted" | "argued" | "wrote"
                    );
                proptest::prop_assert_eq!(speech_verb_at(&s, k), plain);
                let word = |ws: &[&str]| toks.get(k).is_some_and(|t| t.word && ws.contains(&s.w(k)));
                proptest::prop_assert_eq!(unit_word_at(&s, k), word(&["dollar", "dollars", "cents"]));
                let places = ["in", "at", "near", "from", "to", "across", "outside", "inside"];
                proptest::prop_assert_eq!(place_prep_at(&s, k), word(&places));
                if k < toks.len() {
                    proptest::prop_assert_eq!(s.year_event(k), is_year_event(s.w(k)));
                }
            }
        }
    }

    /// Sentences of capitalized words, connectors (some of them not joining), lower-case words,
    /// possessives, punctuation and non-ASCII words.
    const RUN_TEXT: &str = "((Alpha|Bravo|of|the|de|von|and|in|for|said|x|Jan|Mr|Ángel|États|O'Neil|UN|UN's|Bank's|US-China|\\(|,|\\.|-|\"|March|ab\u{e9})[ ,]{1,2}){0,40}";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Inside a run of names, a connector is a token that is not capitalized: what
        /// `conn_in` tells from the flags is what `conn` reads off the word, in the run and after.
        #[test]
        fn connectors_of_a_run_by_their_flags(text in RUN_TEXT) {
            let toks = tokens::tokenize(&text);
            let facts = vec![Cell::new(0); toks.len()];
            let memo = Memo::new();
            let s = Sent { text: &text, toks: &toks, title_case: false, g: &GAZ, facts: &facts, memo: &memo };
            let mut i = 0;
            while let Some(start) = next_cap(&toks, i) {
                let j = run_end(&s, start);
                proptest::prop_assert!(j > start && j <= toks.len());
                // (any end of the run's tokens asked about, any token from the run's start on)
                for end in start + 1..=j {
                    for k in start..j + 3 {
                        proptest::prop_assert_eq!(s.conn_in(k, end), s.conn(k), "{} {} {}", k, end, &text);
                    }
                }
                i = j;
            }
        }
    }

    /// Every span of several tokens of `text`: [`lookup`] (which probes only spans whose first
    /// and last words may begin and end a listed phrase) finds what [`lookup_phrase`] finds.
    /// Returns how many spans are listed.
    fn phrases_found_as_by_probing(text: &str) -> usize {
        let mut found = 0;
        let toks = tokens::tokenize(text);
        let facts = vec![Cell::new(0); toks.len()];
        let memo = Memo::new();
        let s = Sent { text, toks: &toks, title_case: false, g: &GAZ, facts: &facts, memo: &memo };
        for i in 0..toks.len() {
            for j in i + 2..=toks.len().min(i + GAZ.max_words) {
                let e = lookup(&GAZ, &s, i, j);
                assert_eq!(e, lookup_phrase(&GAZ, &s, i, j), "{text} {i}..{j}");
                found += usize::from(e.is_some());
            }
        }
        found
    }

    #[test]
    fn phrases_are_probed_when_they_may_be_listed() {
        let in_texts: usize = TEXTS.iter().map(|t| phrases_found_as_by_probing(t)).sum();
        assert!(in_texts >= 1, "{in_texts}");
        // Every listed phrase of several words, as written, in capitals and inside a sentence:
        // each is found as written.
        let (mut listed, mut found) = (0, 0);
        for k in crate::entities::table::PHRASES.keys().filter(|k| k.contains(' ')) {
            for text in [k.to_string(), k.to_uppercase(), format!("The {k} and {k} said")] {
                found += phrases_found_as_by_probing(&text);
            }
            listed += 1;
        }
        assert!(listed > 100 && found >= listed, "{listed} {found}");
    }

    #[test]
    fn remembered_facts_agree_with_fresh_look_ups() {
        // A fresh table, the same table warm, and one remembered for another text first.
        let memo = Memo::new();
        let cold = found_with(&memo);
        assert_eq!(found_with(&memo), cold);
        assert_eq!(found_with(&Memo::new()), cold);
        // Every token's remembered facts are those of a fresh look-up (plus, when known,
        // whether the word is common).
        for text in TEXTS {
            let toks = tokens::tokenize(text);
            let facts = vec![Cell::new(0); toks.len()];
            let s = Sent { text, toks: &toks, title_case: false, g: &GAZ, facts: &facts, memo: &memo };
            for (i, t) in toks.iter().enumerate() {
                let w = &text[t.start()..t.end()];
                let f = s.facts(i);
                assert_eq!(f & !(COMMON_KNOWN | COMMON), word_facts(&GAZ, w), "{w}");
                if f & COMMON_KNOWN != 0 {
                    assert_eq!(f & COMMON != 0, GAZ.is_common(w), "{w}");
                }
                assert_eq!(s.common(i), GAZ.is_common(w), "{w}");
                let plain = f & PLAIN != 0;
                assert_eq!(s.acronym(i), !plain && is_acronym(w), "{w}");
                assert_eq!(s.camel(i), !plain && is_camel(w), "{w}");
                assert_eq!(f & HYPHEN != 0, !plain && w.contains('-'), "{w}");
                assert_eq!(s.year_event(i), is_year_event(w), "{w}");
                assert!(!(plain && w.contains('-')), "{w}");
                // One-word names, remembered or not, are those of the list.
                let fresh = Memo::new();
                let facts0 = vec![Cell::new(0); toks.len()];
                let s0 = Sent { text, toks: &toks, title_case: false, g: &GAZ, facts: &facts0, memo: &fresh };
                assert_eq!(lookup(&GAZ, &s, i, i + 1), lookup_phrase(&GAZ, &s0, i, i + 1), "{w}");
                assert_eq!(lookup(&GAZ, &s, i, i + 1), lookup(&GAZ, &s0, i, i + 1), "{w}");
            }
        }
    }
}
