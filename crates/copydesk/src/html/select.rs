//! Choosing among the page's own statements: which title is the headline, which author list to
//! trust, which date is the publication date. Sources are cross-checked; when they disagree,
//! the more specific and more visible one wins, and fewer authors beat wrong ones.

use super::content::Para;
use super::dates::date_in_url;
use super::meta::PageMeta;
use super::names::split_names;

/// Letters and digits only, lower case: for comparing titles written in different ways.
fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " // "];

/// A title without the site name that pages append or prepend ("Story | Site", "Site - Story").
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let site_f = site.map(fold).unwrap_or_default();
    let mut t = title.trim().to_string();
    for _ in 0..3 {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some(pos) = t.rfind(sep) {
                let (head, tail) = (t[..pos].trim(), t[pos + sep.len()..].trim());
                let tail_f = fold(tail);
                let is_site = !site_f.is_empty() && (site_f.contains(&tail_f) || tail_f.contains(&site_f));
                if !head.is_empty()
                    && !tail_f.is_empty()
                    && (is_site || (tail.split_whitespace().count() <= 3 && head.len() > 2 * tail.len()))
                {
                    t = head.to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(pos) = t.find(sep) {
                let (head, tail) = (t[..pos].trim(), t[pos + sep.len()..].trim());
                let head_f = fold(head);
                if !tail.is_empty() && !site_f.is_empty() && !head_f.is_empty() && site_f == head_f {
                    t = tail.to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    t
}

/// True when a declared title reads as a headline: two words or more, not a path or file name
/// ("BeginnersGuide/Download"), not the site's name alone.
fn reads_as_title(t: &str, site_f: &str) -> bool {
    let f = fold(t);
    f.len() >= 4 && f != site_f && t.chars().count() <= 300 && t.split_whitespace().count() >= 2
}

/// The headline: a visible `<h1>` confirmed by the page's declared titles, else the declared
/// titles (JSON-LD headline, og:title, the extractor's title, `<title>`) without the site name;
/// when none of them reads as a title, the first heading of the article text
/// (`content_heading`).
pub fn headline(m: &PageMeta, extractor_title: Option<&str>, content_heading: Option<&str>) -> Option<String> {
    let site = m.site_name.as_deref();
    let declared: Vec<String> =
        [m.og_title.as_deref(), m.ld_headline.as_deref(), m.title_tag.as_deref(), extractor_title]
            .into_iter()
            .flatten()
            .map(|t| fold(&strip_site(t, site)))
            .filter(|f| !f.is_empty())
            .collect();
    let site_f = site.map(fold).unwrap_or_default();
    let usable = |h: &str| {
        let f = fold(h);
        f.len() >= 8
            && h.split_whitespace().count() >= 2
            && h.chars().count() <= 300
            && (site_f.is_empty() || !(f.contains(&site_f) || site_f.contains(&f)))
    };
    for h in m.h1.iter().filter(|h| usable(h)) {
        let f = fold(h);
        if declared.iter().any(|d| d.contains(&f) && f.len() * 2 >= d.len()) {
            return Some(h.clone());
        }
    }
    // The page's only <h1>, when it is not a declared title with something around it
    // ("Section | Title"), is the visible headline even if the declared titles word it otherwise.
    if let [h] = m.h1.as_slice() {
        let f = fold(h);
        if usable(h) && h.split_whitespace().count() >= 3 && !declared.iter().any(|d| f.contains(d.as_str())) {
            return Some(h.clone());
        }
    }
    let cands = [m.ld_headline.as_deref(), m.og_title.as_deref(), extractor_title, m.title_tag.as_deref()];
    // A title left ending with a separator ("Site -") had its story part empty: what remains
    // is the site's name.
    let stripped: Vec<(String, bool)> = cands
        .into_iter()
        .flatten()
        .map(|c| {
            let t = strip_site(c, site);
            let cut = t.trim_end_matches(|c: char| SEPARATOR_CHARS.contains(c)).trim();
            let dangling = cut.len() < t.trim().len();
            (cut.to_string(), dangling)
        })
        .collect();
    if let Some((t, _)) = stripped.iter().find(|(t, dangling)| !dangling && reads_as_title(t, &site_f)) {
        return Some(t.clone());
    }
    if let Some(h) = content_heading.filter(|h| usable(h) && h.split_whitespace().count() <= 20) {
        return Some(h.to_string());
    }
    stripped
        .into_iter()
        .map(|(t, _)| t)
        .find(|t| fold(t).len() >= 4 && fold(t) != site_f)
        .or_else(|| m.h1.first().cloned())
}

/// Characters a title can be left ending with once a site name is cut off ("Site -").
const SEPARATOR_CHARS: &str = "|-–—:»·•/ ";

/// Drop paragraphs at the start of the content that repeat the headline.
pub fn drop_repeated_title(mut paras: Vec<Para>, headline: Option<&str>) -> Vec<Para> {
    let Some(h) = headline.map(fold).filter(|h| !h.is_empty()) else { return paras };
    let mut i = 0;
    while i < paras.len().min(3) {
        if fold(&paras[i].text) == h {
            paras.remove(i);
        } else {
            i += 1;
        }
    }
    paras
}

fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// The authors: JSON-LD persons, else meta tags, else visible bylines, else the extractor's
/// author; names equal to the site's name are dropped. When two sources both name authors, the
/// names they share are kept (fewer authors beat wrong ones) unless they share none. Names that
/// repeat the page's title (`headline`, og:title, `<title>`) are dropped.
pub fn authors(m: &PageMeta, extractor_author: Option<&str>, headline: Option<&str>) -> Vec<String> {
    let site_f = m.site_name.as_deref().map(fold).unwrap_or_default();
    // The site's own name among other names is the publisher, not an author.
    let clean = |v: &[String]| -> Vec<String> {
        let people: Vec<String> = v.iter().filter(|n| fold(n) != site_f).take(8).cloned().collect();
        if people.is_empty() {
            v.iter().take(8).cloned().collect()
        } else {
            people
        }
    };
    // A "name" that is the page's title is a misread heading, not an author.
    let titles: Vec<String> = [headline, m.og_title.as_deref(), m.title_tag.as_deref()]
        .into_iter()
        .flatten()
        .map(|t| fold(&strip_site(t, m.site_name.as_deref())))
        .filter(|t| !t.is_empty())
        .collect();
    let clean = |v: &[String]| -> Vec<String> { clean(v).into_iter().filter(|n| !titles.contains(&fold(n))).collect() };
    let tr = extractor_author.map(split_names).unwrap_or_default();
    let sources: Vec<Vec<String>> =
        [clean(&m.ld_authors), clean(&m.meta_authors), clean(&m.visible_authors), clean(&tr)]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect();
    let page_sources = [&m.ld_authors, &m.meta_authors, &m.visible_authors];
    let Some(primary) = sources.first() else { return Vec::new() };
    let others: Vec<&String> = sources[1..].iter().flatten().collect();
    let confirmed = |n: &String| others.iter().any(|x| same_name(n, x));
    // A long list that another source only partly confirms keeps the confirmed names (fewer
    // authors beat wrong ones).
    let shared: Vec<String> = primary.iter().filter(|n| confirmed(n)).cloned().collect();
    if primary.len() > 4 && !shared.is_empty() {
        return shared;
    }
    // A bare first name ("Todd") is completed from another source that has the full name.
    primary
        .iter()
        .map(|n| {
            if n.split_whitespace().count() == 1 {
                let nf = fold(n);
                let longer = others.iter().find(|x| {
                    x.split_whitespace().count() > 1
                        && x.split_whitespace().next().map(fold).as_deref() == Some(nf.as_str())
                });
                if let Some(l) = longer {
                    return (*l).clone();
                }
            }
            n.clone()
        })
        // A one-word name no other source confirms is more often a handle, a role or the
        // site ("Unknown", "CEO", "BBNTeam") than the author: fewer authors beat wrong ones.
        // (The extractor reads the same meta tags, so it does not count as a second source.)
        .filter(|n| {
            n.split_whitespace().count() > 1
                || page_sources.iter().filter(|v| v.iter().any(|x| same_name(n, x))).count() >= 2
        })
        .collect()
}

/// The publication date: JSON-LD, meta tags, the URL, a visible `<time>`, the extractor's date.
pub fn date(m: &PageMeta, extractor_date: Option<&str>, url: Option<&str>) -> Option<String> {
    m.ld_date
        .clone()
        .or_else(|| m.meta_date.clone())
        .or_else(|| url.and_then(date_in_url))
        .or_else(|| m.time_date.clone())
        .or_else(|| extractor_date.map(str::to_string))
}

/// The index of a byline paragraph among the first content paragraphs ("By Jane Roe", or a
/// short paragraph naming every author), when authors are known.
pub fn byline_paragraph(paras: &[Para], authors: &[String]) -> Option<usize> {
    if authors.is_empty() {
        return None;
    }
    paras.iter().take(4).position(|p| {
        let words = p.text.split_whitespace().count();
        let lower = p.text.to_lowercase();
        let names_all = authors.iter().all(|a| fold(&p.text).contains(&fold(a)));
        words <= 12 && names_all && (lower.starts_with("by ") || words <= authors.len() * 4 + 2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> PageMeta {
        PageMeta { site_name: Some("Daily Example".into()), ..PageMeta::default() }
    }

    #[test]
    fn strips_site_names() {
        assert_eq!(strip_site("Rain Returns | Daily Example", Some("Daily Example")), "Rain Returns");
        assert_eq!(
            strip_site("Daily Example - Rain Returns to the Valley", Some("Daily Example")),
            "Rain Returns to the Valley"
        );
        assert_eq!(strip_site("Rain Returns to the Valley - DE", None), "Rain Returns to the Valley");
        assert_eq!(strip_site("Left - Right", None), "Left - Right");
    }

    #[test]
    fn h1_confirmed_by_title_wins() {
        let m = PageMeta {
            h1: vec!["Daily Example".into(), "Rain Returns to the Valley".into()],
            title_tag: Some("Rain Returns to the Valley | Daily Example".into()),
            og_title: Some("Rain returns to valley".into()),
            ..meta()
        };
        assert_eq!(headline(&m, None, None).as_deref(), Some("Rain Returns to the Valley"));
        let m =
            PageMeta { h1: vec!["Weather".into()], title_tag: Some("Rain Returns | Daily Example".into()), ..meta() };
        assert_eq!(headline(&m, None, None).as_deref(), Some("Rain Returns"));
    }

    #[test]
    fn authors_cross_checked() {
        let m = PageMeta {
            ld_authors: vec!["Jane Roe".into(), "John Doe".into()],
            meta_authors: vec!["Jane Roe".into()],
            ..meta()
        };
        assert_eq!(authors(&m, None, None), vec!["Jane Roe", "John Doe"]);
        let m = PageMeta { ld_authors: vec!["Jane".into()], visible_authors: vec!["Jane Roe".into()], ..meta() };
        assert_eq!(authors(&m, None, None), vec!["Jane Roe"]);
        let m = PageMeta { visible_authors: vec!["John Doe".into()], ..meta() };
        assert_eq!(authors(&m, Some("Someone Else"), None), vec!["John Doe"]);
        let m = PageMeta { meta_authors: vec!["Jane Roe".into(), "Daily Example".into()], ..meta() };
        assert_eq!(authors(&m, None, None), vec!["Jane Roe"]);
        let m = PageMeta { meta_authors: vec!["Daily Example".into()], ..meta() };
        assert_eq!(authors(&m, None, None), vec!["Daily Example"]);
        assert!(authors(&meta(), None, None).is_empty());
        // A lone first name nobody confirms is dropped; confirmed, it stays.
        let m = PageMeta { ld_authors: vec!["Todd".into()], ..meta() };
        assert!(authors(&m, None, None).is_empty());
        let m = PageMeta { ld_authors: vec!["Todd".into()], meta_authors: vec!["Todd".into()], ..meta() };
        assert_eq!(authors(&m, None, None), vec!["Todd"]);
        // A name that is the page's title is not an author.
        let m = PageMeta { visible_authors: vec!["Rain Returns".into()], ..meta() };
        assert!(authors(&m, None, Some("Rain Returns")).is_empty());
    }

    #[test]
    fn date_priority() {
        let m = PageMeta { meta_date: Some("2020-01-02".into()), time_date: Some("2020-05-05".into()), ..meta() };
        assert_eq!(date(&m, None, Some("https://x.org/2019/03/04/a")).as_deref(), Some("2020-01-02"));
        assert_eq!(
            date(&meta(), Some("2018-01-01"), Some("https://x.org/2019/03/04/a")).as_deref(),
            Some("2019-03-04")
        );
    }

    #[test]
    fn finds_byline_paragraph() {
        let p = |t: &str| Para::plain(t);
        let paras = vec![p("By Jane Roe"), p("A long first paragraph of the story with many words in it.")];
        assert_eq!(byline_paragraph(&paras, &["Jane Roe".into()]), Some(0));
        assert_eq!(byline_paragraph(&paras, &[]), None);
    }
}
