//! Property tests: entity and acronym spans are valid on any text, and rules on handmade cases.

use copydesk_extract::{extract, EntityLabel, ExtractOptions, Extraction};
use copydesk_normalize::{normalize, NormalizeOptions, NormalizedText};
use proptest::prelude::*;

fn run(raw: &str) -> (NormalizedText, Extraction) {
    let norm = normalize(raw, &NormalizeOptions::default());
    let doc = copydesk_parse::parse(&norm);
    let ex = extract(&norm, &doc, &ExtractOptions::default());
    (norm, ex)
}

fn labels(raw: &str) -> Vec<(String, EntityLabel, Option<String>)> {
    let (n, ex) = run(raw);
    ex.entities.iter().map(|e| (e.span.slice(&n.text).to_string(), e.label, e.canonical.clone())).collect()
}

fn has(v: &[(String, EntityLabel, Option<String>)], t: &str, l: EntityLabel) -> bool {
    v.iter().any(|(a, b, _)| a == t && *b == l)
}

#[test]
fn titles_and_given_names() {
    let v = labels("Kyiv, May 3. Defence Minister Oleg Petrenko met Gen. Mark Fielding in Warsaw on Monday. Petrenko said talks went well.\n");
    assert!(has(&v, "Oleg Petrenko", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Mark Fielding", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Warsaw", EntityLabel::Loc), "{v:?}");
    assert!(
        v.iter().any(|(a, b, c)| a == "Petrenko" && *b == EntityLabel::Person && c.as_deref() == Some("Oleg Petrenko")),
        "{v:?}"
    );
    assert!(!v.iter().any(|(a, _, _)| a == "Monday"));
}

#[test]
fn organisations_possessives_compounds() {
    let v = labels(
        "The talks were hosted by the Ministry of Foreign Affairs of Chile and the Andean Water Council. Brazil's Supreme Court objected, and Chilean-Argentine ties were discussed.\n",
    );
    assert!(has(&v, "Ministry of Foreign Affairs of Chile", EntityLabel::Org), "{v:?}");
    assert!(has(&v, "Andean Water Council", EntityLabel::Org), "{v:?}");
    assert!(has(&v, "Brazil", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Supreme Court", EntityLabel::Org), "{v:?}");
    assert!(has(&v, "Chilean", EntityLabel::Norp), "{v:?}");
    assert!(has(&v, "Argentine", EntityLabel::Norp), "{v:?}");
    assert!(v.iter().any(|(a, _, c)| a == "Chilean" && c.as_deref() == Some("Chile")));
}

#[test]
fn country_variants_share_a_canonical_name() {
    let v = labels("Officials in the U.S. and the United States Congress met US envoys.\n");
    let us: Vec<_> = v.iter().filter(|(a, _, _)| a == "U.S." || a == "US").collect();
    assert!(!us.is_empty());
    assert!(us.iter().all(|(_, l, c)| *l == EntityLabel::Loc && c.as_deref() == Some("United States")), "{v:?}");
    assert!(!v.iter().any(|(a, _, _)| a == "Officials"));
}

#[test]
fn misc_heads_place_heads_and_place_pairs() {
    let v = labels(
        "Parliament passed the Companies Act after the Fisheries Award was given. Water levels on the Nile River rose. Aid reached Gulu, Uganda and northern Rwanda, while Ethiopia, Kenya and Tanzania waited.\n",
    );
    assert!(has(&v, "Companies Act", EntityLabel::Misc), "{v:?}");
    assert!(has(&v, "Fisheries Award", EntityLabel::Misc), "{v:?}");
    assert!(has(&v, "Nile River", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Gulu, Uganda", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "northern Rwanda", EntityLabel::Loc), "{v:?}");
    // Countries in a list stay apart.
    assert!(has(&v, "Ethiopia", EntityLabel::Loc) && has(&v, "Kenya", EntityLabel::Loc), "{v:?}");
}

#[test]
fn speech_verbs_make_people() {
    let v = labels("The match ended late.\n\nLee said the result was fair. \"We were ready,\" explained Okonkwo. Taro Watanabe said nothing.\n");
    assert!(has(&v, "Lee", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Okonkwo", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Taro Watanabe", EntityLabel::Person), "{v:?}");
}

#[test]
fn names_that_are_also_places() {
    // A given name before a family name that is also a listed place ("Paul", "Hamilton").
    let v = labels(
        "The vote was close.\n\nGovernor Paul Tembo met Lewis Hamilton and Mr. Ruben Moreno in the capital. Later Moreno flew home, and Tembo said the talks had helped.\n",
    );
    assert!(has(&v, "Paul Tembo", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Lewis Hamilton", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Ruben Moreno", EntityLabel::Person), "{v:?}");
    assert!(
        v.iter().any(|(a, b, c)| a == "Moreno" && *b == EntityLabel::Person && c.as_deref() == Some("Ruben Moreno")),
        "{v:?}"
    );
}

#[test]
fn places_by_compass_words_place_nouns_and_regions() {
    let v = labels(
        "Floods hit Northern Uganda and Guangdong province last week. Aid reached the Okwelo district and Culiacán, Sinaloa, while Lagos, Abuja and Kano waited.\n",
    );
    assert!(has(&v, "Northern Uganda", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Guangdong province", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Okwelo", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Culiacán, Sinaloa", EntityLabel::Loc), "{v:?}");
    assert!(has(&v, "Lagos", EntityLabel::Loc) && has(&v, "Abuja", EntityLabel::Loc), "{v:?}");
}

#[test]
fn people_grouped_by_first_word_and_by_speech() {
    // Family names written first are used alone later; a bare name that speaks is a person
    // everywhere in the article.
    let v = labels(
        "Talks resumed on Monday.\n\nThe party leader Park Min-jun spoke first. Critics said Park had gone too far. Later Wendaba said the plan was fair, and the board praised Wendaba.\n",
    );
    assert!(has(&v, "Park Min-jun", EntityLabel::Person), "{v:?}");
    assert!(
        v.iter().any(|(a, b, c)| a == "Park" && *b == EntityLabel::Person && c.as_deref() == Some("Park Min-jun")),
        "{v:?}"
    );
    assert_eq!(v.iter().filter(|(a, b, _)| a == "Wendaba" && *b == EntityLabel::Person).count(), 2, "{v:?}");
}

#[test]
fn brands_regnal_numbers_and_defined_short_forms() {
    let v = labels(
        "Sales rose at KorvaTel and at BRK Uganda, while King Abdullah II watched. The Grand Lakeside Dam (GLD) is nearly done, and the GLD will open soon.\n",
    );
    assert!(has(&v, "KorvaTel", EntityLabel::Org), "{v:?}");
    assert!(has(&v, "BRK Uganda", EntityLabel::Org), "{v:?}");
    assert!(has(&v, "Abdullah", EntityLabel::Person), "{v:?}");
    assert!(has(&v, "Grand Lakeside Dam", EntityLabel::Misc), "{v:?}");
    assert!(has(&v, "GLD", EntityLabel::Misc), "{v:?}");
    // Spanish articles lead names of places, groups and papers, not of people.
    let v = labels("The story ran in La Verdad on Sunday, and Los Halcones denied it.\n");
    assert!(has(&v, "La Verdad", EntityLabel::Org), "{v:?}");
    assert!(!v.iter().any(|(_, b, _)| *b == EntityLabel::Person), "{v:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_are_valid(s in "[A-Za-z .,'()\\[\\]\\-éÜ\"\n]{0,300}") {
        let (n, ex) = run(&s);
        for e in &ex.entities {
            prop_assert!(e.span.start < e.span.end && e.span.end <= n.text.len());
            prop_assert!(n.text.is_char_boundary(e.span.start) && n.text.is_char_boundary(e.span.end));
        }
        for a in &ex.acronyms {
            prop_assert!(a.span.start <= a.span.end && a.span.end <= n.text.len());
            prop_assert!(n.text.is_char_boundary(a.span.start) && n.text.is_char_boundary(a.span.end));
        }
    }

    #[test]
    fn capitalized_word_soup_is_safe(words in proptest::collection::vec("[A-Z][a-z]{0,8}('s)?|of|the|and|[A-Z]{2,5}|\\(|\\)", 0..60)) {
        let text = words.join(" ");
        let (n, ex) = run(&text);
        for e in &ex.entities {
            prop_assert!(e.span.end <= n.text.len() && n.text.is_char_boundary(e.span.start));
        }
    }
}
