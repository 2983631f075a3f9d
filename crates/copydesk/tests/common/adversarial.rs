//! Generators of adversarial inputs (issue 10), each scaled by a repetition count `n`.
//!
//! Shared by `tests/adversarial.rs` (invariants at a moderate size) and the benches
//! (`benches/growth.rs`, `benches/pipeline.rs`: time at 1x, 10x, 100x). `scripts/adversarial.py`
//! writes the same kinds of input, at the sizes the issue names, to files for the CLI and Python.
//! Deterministic: no randomness beyond a fixed-seed LCG.

#![allow(dead_code)]

/// One adversarial case: a name, what it attacks, and a generator; `base` is the repetition count
/// that gives roughly 50 KB (the "1x" size).
pub struct Case {
    /// Short name (used in test names and the growth table).
    pub name: &'static str,
    /// What part of the pipeline it attacks.
    pub what: &'static str,
    /// Repetitions for the 1x size.
    pub base: usize,
    /// Builds the input for `n` repetitions.
    pub make: fn(usize) -> String,
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// A fixed-seed linear congruential generator (no dependency needed).
pub struct Lcg(u64);

impl Lcg {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }
    /// The next pseudo-random number.
    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
}

/// Binary garbage decoded as Latin-1: every byte becomes the code point of the same value.
pub fn latin1_garbage(n: usize) -> String {
    let mut r = Lcg::new(0x5eed);
    (0..n).map(|_| char::from((r.next_u32() & 0xff) as u8)).collect()
}

/// Random picks from a mix of news-like tokens and hostile characters, as one long text.
pub fn token_soup(n: usize) -> String {
    const T: &[&str] = &[
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'",
        "(",
        ")",
        " said ",
        " he ",
        "Mr. ",
        "Smith ",
        "NATO ",
        "(UN) ",
        "$5 ",
        "billion ",
        "on Tuesday ",
        "2019 ",
        "\n",
        "\n\n",
        "\r",
        ". ",
        ", ",
        "—",
        "&amp;",
        "Ã©",
        "\u{301}",
        "😀",
        "\0",
        "LONDON (Reuters) - ",
        "By Jane Doe ",
        "according to ",
    ];
    let mut r = Lcg::new(42);
    (0..n).map(|_| T[r.next_u32() as usize % T.len()]).collect()
}

/// All the cases.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "single_line",
            what: "one huge line/paragraph/sentence run (50 MB at 1000x)",
            base: 800,
            make: |n| rep("The minister said the plan would cost $5 billion in 2019 and ", n),
        },
        Case {
            name: "quote_marks",
            what: "only quotation marks, straight and curly",
            base: 25_000,
            make: |n| rep("\"\u{201c}\u{201d}'", n / 4 + 1),
        },
        Case {
            name: "unbalanced_quotes",
            what: "every paragraph opens a quote that never closes",
            base: 1_000,
            make: |n| rep("\"We will not stop here, the minister said and went on talking\n\n", n),
        },
        Case {
            name: "nested_parens",
            what: "deeply nested (( [[ ]] )) and unclosed brackets",
            base: 12_000,
            make: |n| {
                format!("{}{}x{}{} {}", "(".repeat(n), "[".repeat(n), "]".repeat(n), ")".repeat(n), "(".repeat(n))
            },
        },
        Case { name: "one_word_lines", what: "a document of one-word lines", base: 10_000, make: |n| rep("word\n", n) },
        Case {
            name: "mr_mr_mr",
            what: "titles without names: Mr. Mr. Mr.",
            base: 4_000,
            make: |n| rep("Mr. Mr. Mr. ", n),
        },
        Case { name: "latin1_garbage", what: "binary garbage decoded as Latin-1", base: 35_000, make: latin1_garbage },
        Case {
            name: "caps_run",
            what: "one sentence of all-caps words (acronyms, datelines, headlines)",
            base: 4_000,
            make: |n| rep("ABC DEFG HI ", n),
        },
        Case {
            name: "capitalized_run",
            what: "one sentence of capitalized words (names, entities)",
            base: 2_500,
            make: |n| rep("John Smith Jane Doe ", n),
        },
        Case {
            name: "acronym_defs",
            what: "acronym definitions back to back, and a long form with no end",
            base: 800,
            make: |n| {
                format!(
                    "{}{}(NATO)",
                    rep("the North Atlantic Treaty Organization (NATO) and ", n / 2),
                    rep("North Atlantic ", n / 2)
                )
            },
        },
        Case { name: "long_word", what: "one word without spaces", base: 50_000, make: |n| "a".repeat(n) },
        Case {
            name: "numbers",
            what: "digit groups, currency signs and ranges without end",
            base: 3_000,
            make: |n| format!("{}{}{}", rep("1,000,", n), rep("$", n), rep("$5 to $", n)),
        },
        Case {
            name: "dates",
            what: "date expressions back to back",
            base: 2_000,
            make: |n| rep("on Tuesday January 5, 2019 ", n),
        },
        Case {
            name: "html_entities",
            what: "entities, broken entities and ampersands",
            base: 4_000,
            make: |n| rep("&amp;&#8217;&#99999999999;&", n),
        },
        Case {
            name: "mojibake",
            what: "UTF-8 read as Windows-1252, repeated",
            base: 10_000,
            make: |n| rep("Ã©â€™", n),
        },
        Case {
            name: "combining_marks",
            what: "one base character with a huge run of combining marks",
            base: 25_000,
            make: |n| format!("e{}", "\u{301}".repeat(n)),
        },
        Case {
            name: "whitespace",
            what: "runs of spaces, newlines, CRs and NULs",
            base: 12_000,
            make: |n| format!("{}{}{}{}", " ".repeat(n), "\n".repeat(n), "\r".repeat(n), "\0".repeat(n)),
        },
        Case {
            name: "said_chain",
            what: "many short quotes, each with a pronoun speaker (speaker resolution)",
            base: 2_500,
            make: |n| format!("Jane Doe, the minister, spoke.\n\n{}", rep("\"Yes,\" she said. ", n)),
        },
        Case {
            name: "pronoun_paragraphs",
            what: "many paragraphs of indirect speech by pronouns",
            base: 1_500,
            make: |n| format!("John Smith spoke.\n\n{}", rep("He said that it was fine.\n\n", n)),
        },
        Case {
            name: "dashes_periods",
            what: "dashes, ellipses, periods and initials",
            base: 2_500,
            make: |n| rep("—– - ... A. B. C. ", n),
        },
        Case {
            name: "hyphen_breaks",
            what: "words broken by hyphens at line ends",
            base: 3_500,
            make: |n| rep("inter-\nnational ", n),
        },
        Case {
            name: "dateline_lines",
            what: "dateline-like and byline-like lines repeated",
            base: 1_500,
            make: |n| rep("LONDON (Reuters) - By John Smith and\n", n),
        },
        Case { name: "token_soup", what: "random mix of rule triggers", base: 6_000, make: token_soup },
    ]
}
