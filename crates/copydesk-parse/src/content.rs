//! Finding the main text: a text-density classifier over lines (length, sentence punctuation,
//! stopword density), and the best-scoring run of lines (maximum-sum segment, linear time), in
//! the spirit of jusText and of the text-density heuristics of boilerplate removers.

use crate::lines::Line;

/// How a line looks as text, before its position is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Density {
    /// Long prose: many words, stopwords, sentence punctuation.
    Good,
    /// Shorter sentence-like text.
    Near,
    /// Short text (menu items, headings, labels).
    Short,
    /// Known furniture.
    Bad,
}

/// Classify one line (of `text`). `has_stoplist` is false for languages without a stopword list.
pub(crate) fn density(text: &str, l: &Line, furniture: bool, has_stoplist: bool) -> Density {
    if furniture {
        return Density::Bad;
    }
    let stop_ok = |min: f32| !has_stoplist || l.stop_ratio() >= min;
    let long = l.words >= 12 || (!has_stoplist && l.span.slice(text).chars().count() >= 60);
    if long && stop_ok(0.2) && (l.ends_sentence || l.words >= 25) {
        Density::Good
    } else if (l.words >= 6 && l.ends_sentence && stop_ok(0.15)) || (long && stop_ok(0.25)) {
        Density::Near
    } else {
        Density::Short
    }
}

/// Score of one line for the main-text segment; `run` counts the non-text lines just before it
/// (runs of menu items, tags and furniture are stronger boundaries than a lone subheading).
fn score(l: &Line, d: Density, run: usize) -> f32 {
    let run_penalty = (run as f32 * 2.0).min(12.0);
    match d {
        Density::Good => l.words as f32,
        Density::Near => (l.words as f32) * 0.3,
        Density::Short => -2.0 - (l.words as f32).min(10.0) * 0.3 - run_penalty,
        Density::Bad => -8.0 - run_penalty,
    }
}

fn scores(lines: &[Line], dens: &[Density]) -> Vec<f32> {
    let mut run = 0usize;
    lines
        .iter()
        .zip(dens)
        .map(|(l, d)| {
            let s = score(l, *d, run);
            run = if matches!(d, Density::Short | Density::Bad) { run + 1 } else { 0 };
            s
        })
        .collect()
}

/// The main region: the maximum-sum run of line scores, `[start, end)` line indices (empty when
/// nothing scores). When `anchor` (the line repeating the page title) is given and a run starting
/// just after it scores at least `share` of the best run, that run wins: the article follows its
/// headline, while listings of other articles elsewhere on the page may hold more text.
pub(crate) fn main_region(lines: &[Line], dens: &[Density], anchor: Option<usize>) -> (usize, usize) {
    let sc = scores(lines, dens);
    let best = best_run(&sc);
    if let Some(h) = anchor {
        // best run starting at each line (backward pass)
        let n = sc.len();
        let mut from = vec![(0.0f32, 0usize); n + 1];
        from[n] = (0.0, n);
        for i in (0..n).rev() {
            let (next, next_end) = from[i + 1];
            from[i] = if next > 0.0 { (sc[i] + next, next_end) } else { (sc[i], i + 1) };
        }
        let window = (h + 1)..(h + 16).min(n);
        if let Some((i, (s, end))) =
            window.map(|i| (i, from[i])).max_by(|x, y| x.1 .0.partial_cmp(&y.1 .0).unwrap_or(std::cmp::Ordering::Equal))
        {
            if s > 0.0 && s >= 0.3 * best.0 && !(best.1 <= i && i < best.2) {
                return (i, end);
            }
        }
    }
    (best.1, best.2)
}

fn best_run(sc: &[f32]) -> (f32, usize, usize) {
    let mut best = (0.0f32, 0usize, 0usize);
    let mut cur = 0.0f32;
    let mut cur_start = 0usize;
    for (i, s) in sc.iter().copied().enumerate() {
        if cur <= 0.0 {
            cur = 0.0;
            cur_start = i;
        }
        cur += s;
        if cur > best.0 {
            best = (cur, cur_start, i + 1);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn region_skips_menus() {
        let mut t = String::from("Home\nNews\nSport\nWeather\n");
        t.push_str("The council agreed on Tuesday that the new bridge would be built by the end of the year, officials said.\n");
        t.push_str("It was the first time in a decade that the town had voted for a project of this size and cost.\n");
        t.push_str("Share\nTweet\nAbout us\n");
        let mut ls = lines::split(&t).lines;
        lines::count_stopwords(&mut ls, Some(0));
        let d: Vec<_> = ls.iter().map(|l| density(&t, l, false, true)).collect();
        assert_eq!(main_region(&ls, &d, None), (4, 6));
    }
}
