//! Word tokens of a sentence, with the flags the entity rules need.

/// One token: a word, or a punctuation mark that breaks names apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Start (bytes of the sentence text).
    pub start: usize,
    /// End (bytes), without a possessive "'s".
    pub end: usize,
    /// A word (false: punctuation or symbol).
    pub word: bool,
    /// The word starts with an upper-case letter (after a "pro-"/"anti-" style prefix, which is cut off).
    pub cap: bool,
    /// Followed by a possessive "'s" (or a bare "'" after a plural).
    pub poss: bool,
}

const PREFIXES: &[&str] = &["pro-", "anti-", "ex-", "non-", "post-", "pre-", "neo-", "mid-", "all-", "trans-"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split a sentence into tokens. Linear in its length.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok { start: i, end: i + c.len_utf8(), word: false, cap: false, poss: false });
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        // Extend over word characters and inner joiners followed by a word character.
        while let Some(&(j, d)) = it.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            if matches!(d, '-' | '\'' | '.' | '&' | '+') {
                let nxt = s[j + d.len_utf8()..].chars().next();
                if let Some(n) = nxt {
                    let ok = match d {
                        '.' => n.is_uppercase() && is_initial_seq(&s[start..j]),
                        _ => is_word_char(n),
                    };
                    if ok {
                        it.next();
                        continue;
                    }
                }
            }
            break;
        }
        let mut word = &s[start..end];
        // A trailing period belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
        if end < bytes.len() && bytes[end] == b'.' && is_abbrev(word) {
            end += 1;
            it.next();
            word = &s[start..end];
        }
        let mut poss = false;
        let mut wend = end;
        if word.len() > 2 && (word.ends_with("'s") || word.ends_with("'S")) {
            wend = end - 2;
            poss = true;
        } else if end < bytes.len() && bytes[end] == b'\'' && word.ends_with('s') {
            let after = bytes.get(end + 1).copied();
            if after.map_or(true, |b| !b.is_ascii_alphanumeric()) {
                poss = true;
                it.next();
            }
        }
        let mut tstart = start;
        let w = &s[start..wend];
        for p in PREFIXES {
            if w.len() > p.len() && w.is_char_boundary(p.len()) && w[..p.len()].eq_ignore_ascii_case(p) {
                let rest = &w[p.len()..];
                if rest.chars().next().is_some_and(char::is_uppercase) {
                    tstart = start + p.len();
                }
                break;
            }
        }
        let first = s[tstart..wend].chars().next();
        let mut cap = first.is_some_and(char::is_uppercase);
        if !cap {
            // "al-Assad", "el-Sisi", "bin-..." style names.
            let w = &s[tstart..wend];
            if let Some(rest) = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")) {
                cap = rest.chars().next().is_some_and(char::is_uppercase);
            }
        }
        if tstart < wend {
            out.push(Tok { start: tstart, end: wend, word: true, cap, poss });
        }
    }
    out
}

/// "U", "U.S", "J" (single letters joined by periods).
fn is_initial_seq(w: &str) -> bool {
    w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

fn is_abbrev(w: &str) -> bool {
    if is_initial_seq(w) {
        return true;
    }
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Adm"
            | "Sgt"
            | "Cmdr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Prof"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Mt"
            | "Hon"
            | "Mme"
            | "Dep"
            | "Smt"
            | "Adv"
            | "Cpl"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn abbreviations_possessives_prefixes() {
        assert_eq!(words("the U.S. and Mr. Kato's group"), ["the", "U.S.", "and", "Mr.", "Kato", "group"]);
        let t = tokenize("Russia's pro-Western NATO-Russia Council");
        assert!(t[0].poss && t[0].cap);
        assert_eq!(&"Russia's pro-Western NATO-Russia Council"[t[1].start..t[1].end], "Western");
        assert!(t[1].cap);
        assert_eq!(words("Zapad-2017, al-Qaeda."), ["Zapad-2017", ",", "al-Qaeda", "."]);
        assert!(tokenize("al-Qaeda")[0].cap);
        assert_eq!(words("John F. Kennedy"), ["John", "F.", "Kennedy"]);
    }

    #[test]
    fn plural_possessive() {
        let t = tokenize("the Palestinians' cause");
        assert!(t[1].poss);
        assert_eq!(t.len(), 3);
    }
}
