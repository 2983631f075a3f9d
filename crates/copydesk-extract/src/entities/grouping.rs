//! Grouping of mentions within an article: canonical names for surnames, country names,
//! acronyms and their long forms.

use super::gazetteer::Gazetteer;
use super::Mention;
use crate::EntityLabel;
use foldhash::{HashMap, HashMapExt};

/// Give every mention its canonical name and settle single-word guesses by the article's
/// full names ("Kelin" after "Andrey Kelin" is that person).
pub(crate) fn group(g: &Gazetteer, text: &str, ms: &mut [Mention], acronyms: &[(String, String)]) {
    // Full names of people by their last and first word.
    let mut by_last: HashMap<&str, String> = HashMap::new();
    for m in ms.iter() {
        if m.label != EntityLabel::Person {
            continue;
        }
        let t = m.span.slice(text);
        let words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 2 {
            continue;
        }
        if let Some(last) = words.last() {
            let key: &str = last.trim_end_matches('.');
            by_last.entry(key).or_insert_with(|| t.to_string());
        }
    }
    let acr: HashMap<&str, &str> = acronyms.iter().map(|(s, l)| (s.as_str(), l.as_str())).collect();
    for m in ms.iter_mut() {
        let t = m.span.slice(text);
        if !t.contains(' ') {
            if let Some(full) = by_last.get(t) {
                if m.strength < 2 || m.label == EntityLabel::Person {
                    m.label = EntityLabel::Person;
                    m.strength = 2;
                    if full != t {
                        m.canonical = Some(full.clone());
                    }
                    continue;
                }
            }
        }
        if m.canonical.is_some() {
            continue;
        }
        match m.label {
            EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc => {
                if let Some(long) = acr.get(t) {
                    m.canonical = Some((*long).to_string());
                } else if let Some((long, _)) = g.acronyms.get(t) {
                    if m.label == EntityLabel::Org {
                        m.canonical = Some((*long).to_string());
                    }
                }
            }
            _ => {}
        }
    }
}
