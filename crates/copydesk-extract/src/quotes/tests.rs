//! Layout tests: small handmade articles through sentence splitting, quote finding and
//! speaker resolution.

use super::find;
use crate::{sentences, Context, QuoteKind, Segment};
use copydesk_normalize::Span;
use copydesk_parse::BlockKind;
use proptest::prelude::*;

/// The context of `text` as paragraphs split on blank lines, with its sentences.
pub(super) fn paragraphs(text: &str) -> Context<'_> {
    let mut segments = Vec::new();
    let mut start = 0;
    for p in text.split("\n\n") {
        segments.push(Segment { span: Span::new(start, start + p.len()), kind: BlockKind::Paragraph });
        start += p.len() + 2;
    }
    let sentences = sentences::split(text, &segments);
    Context { text, segments, sentences, published: None }
}

/// Kind, quote as written, speaker, mention and cue.
type Row = (QuoteKind, String, Option<String>, Option<String>, Option<String>);

/// (kind, quote as written, speaker, mention, cue) of every quote in `text` (paragraphs split on blank lines).
fn run(text: &str) -> Vec<Row> {
    find(&paragraphs(text), &[])
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.span.slice(text).to_string(),
                q.speaker,
                q.speaker_mention.map(|m| m.slice(text).to_string()),
                q.cue,
            )
        })
        .collect()
}

fn direct(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    run(text).into_iter().filter(|q| q.0 == QuoteKind::Direct).map(|q| (q.1, q.2, q.4)).collect()
}

#[test]
fn textacy_cases() {
    assert_eq!(
        direct("Burton said, \"I love cats!\""),
        vec![("\"I love cats!\"".into(), Some("Burton".into()), Some("said".into()))]
    );
    let q = run("Burton explained from a podium. \"I love cats,\" he said.");
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].1.as_str(), q[0].3.as_deref(), q[0].4.as_deref()), ("\"I love cats,\"", Some("he"), Some("said")));
    // A quote split by its attribution is one quote covering both parts.
    let q = direct("\"I love cats!\" insists Burton. \"I absolutely do.\"");
    assert_eq!(
        q,
        vec![(
            "\"I love cats!\" insists Burton. \"I absolutely do.\"".into(),
            Some("Burton".into()),
            Some("insists".into())
        )]
    );
    assert_eq!(
        direct("\"Some people say otherwise,\" he conceded."),
        vec![("\"Some people say otherwise,\"".into(), None, Some("conceded".into()))]
    );
    assert!(direct("Burton claims that his favorite book is \"One Hundred Years of Solitude\".").is_empty());
    assert!(direct("Burton thinks that cats are \"cuties\".").is_empty());
    assert_eq!(direct("\"Me encantan los gatos\", dijo Burtón.")[0].1.as_deref(), Some("Burtón"));
    assert_eq!(direct("«Me encantan los gatos», afirmó Burtón.")[0].0, "«Me encantan los gatos»");
}

#[test]
fn every_mark_style() {
    for (text, quote) in [
        ("“We will win,” Ann Lee said.", "“We will win,”"),
        ("‘We will win,’ Ann Lee said.", "‘We will win,’"),
        ("«We will win», Ann Lee said.", "«We will win»"),
        ("'We won't lose,' Ann Lee said.", "'We won't lose,'"),
        ("\"He said 'never' to me,\" Ann Lee said.", "\"He said 'never' to me,\""),
    ] {
        assert_eq!(
            direct(text),
            vec![(quote.to_string(), Some("Ann Lee".to_string()), Some("said".to_string()))],
            "{text}"
        );
    }
}

#[test]
fn split_quote_with_attribution_inside() {
    let q = direct("\"The dam is safe,\" said Mayor Ann Lee. \"We checked it twice.\"");
    assert_eq!(q.len(), 1);
    assert!(q[0].0.ends_with("twice.\""));
    assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
}

#[test]
fn colon_and_dash_attributions() {
    let q = direct("The mayor, Ann Lee, said:\n\n\"The dam is safe and we checked it twice.\"");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
    let q = run("\"Water levels are falling across the region.\" — Commissioner Jane Smith");
    assert_eq!(q[0].2.as_deref(), Some("Jane Smith"));
}

#[test]
fn multi_paragraph_quote_continues() {
    // A paragraph ending inside a quote goes on into the next one that opens with a mark: one
    // quote over both.
    let q = direct("Ann Lee spoke first.\n\n\"The dam is safe,\" Lee said. \"We checked it twice.\n\n\"And we will check it again next spring.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("next spring.\""), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
    // Its last paragraph's attribution names the speaker.
    let q = direct(
        "Ann Lee spoke first.\n\n\"The dam is safe. We checked it twice.\n\n\"And we will check it again,\" Lee said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
}

#[test]
fn mixed_and_scare_quotes() {
    let q = run("Lee said the plan was \"a disaster\" for the town.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, QuoteKind::Mixed);
    assert_eq!(q[0].1, "the plan was \"a disaster\" for the town");
    // Scare quotes and titles without a cue are no quotes.
    assert!(run("The so-called \"reform\" passed after the film \"Jaws\" aired.").is_empty());
}

#[test]
fn reported_speech() {
    let q = run("Ann Lee, head of the water office, said that the dam would hold.\n\nAccording to the ministry, levels are falling fast.");
    assert_eq!(q.len(), 2);
    assert_eq!(
        (q[0].0, q[0].1.as_str(), q[0].2.as_deref()),
        (QuoteKind::Indirect, "the dam would hold", Some("Ann Lee"))
    );
    assert_eq!((q[1].1.as_str(), q[1].4.as_deref()), ("levels are falling fast", Some("According to")));
}

#[test]
fn speakers_resolve_surnames_pronouns_and_roles() {
    let text = "Maria Gonzalez, the agency's director, spoke on Monday.\n\n\"We are ready,\" Gonzalez said.\n\n\"The pumps work,\" she added.\n\n\"We expect rain,\" the official said.\n\nPeter Brown disagreed. \"It is not enough,\" he said.";
    let q = direct(text);
    let who: Vec<Option<&str>> = q.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(who, vec![Some("Maria Gonzalez"), Some("Maria Gonzalez"), Some("Maria Gonzalez"), Some("Peter Brown")]);
}

#[test]
fn unknown_speakers_stay_null() {
    let q = run("\"It will rain tomorrow and the day after,\" he said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2, None);
}

#[test]
fn odd_marks_never_panic() {
    for t in ["\"", "\"\"", "“", "”x“", "«", "'''", "a \" b \" c \"", "\"é\n\n\"ü", "— ", "said:", "\"x,\" said"]
    {
        let _ = run(t);
    }
}

proptest! {
    #[test]
    fn quotes_are_in_bounds_on_char_boundaries(s in "[a-zA-Z .,:;'\"“”‘’«»—é\n]{0,200}") {
        let mut segments = Vec::new();
        let mut start = 0;
        for p in s.split("\n\n") {
            segments.push(Segment { span: Span::new(start, start + p.len()), kind: BlockKind::Paragraph });
            start += p.len() + 2;
        }
        let sentences = sentences::split(&s, &segments);
        let ctx = Context { text: &s, segments, sentences, published: None };
        for q in find(&ctx, &[]) {
            for sp in [Some(q.span), Some(q.content), q.speaker_mention].into_iter().flatten() {
                prop_assert!(sp.start <= sp.end && sp.end <= s.len());
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            }
        }
    }
}

#[test]
fn first_names_in_ly_are_names_inside_a_sentence() {
    // A capitalised "-ly" word opens a name unless it starts the sentence as an adverb.
    let q = direct(
        "The senator, Dolly Marsh of Ohio, spoke on Monday.\n\n\"We will win this seat,\" Marsh said.\n\nFinally Marsh left.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Dolly Marsh"));
}

#[test]
fn split_quote_after_a_question() {
    for t in [
        "\"Why are you still here?\" Obama asked.",
        "\"Why are you here?\" Obama asked. \"What?\"",
        "\"Why are you here now?\" Obama asked the senators.",
        "\"Why are you here,\" Obama asked the senators. \"What is it?\"",
    ] {
        let q = direct(t);
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Obama"), "{t}: {q:?}");
    }
    let q = direct("\"Why are you still here?\" Obama asked the senators. \"What does this say about you?\"\n\nNext.");
    assert_eq!(q.len(), 1, "{q:?}");
    let q = direct("\"This is great!!!\" Doe wrote in an email to staff. \"Thanks for the work.\"");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn comma_introduced_quote_without_a_plausible_subject() {
    // A cue right before the mark with only a comma between introduces a direct quote.
    let q = run("It was bad.\n\nAnother commenter said, \u{201c}We all know how she feels about it.\u{201d}\n\nNext.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].0, q[0].3.as_deref()), (QuoteKind::Direct, Some("Another commenter")));
    let q = run("It was bad.\n\nDoe went on to say, \u{201c}I know this to be true. It has not changed.\u{201d}");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
}

#[test]
fn said_that_quote_is_mixed() {
    // `said that "..."` quotes the words inside reported speech: mixed, not direct.
    let q = run("It rained.\n\nDoe said that \"as a nation, we have to do better.\"\n\nNext.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
}

#[test]
fn writer_words_before_a_quote_make_it_mixed() {
    // A one-word subject before a quote attributed after it.
    let q = run("It rained.\n\nTeachers \"get why the union endorsed her,\" Doe said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
    // A long quote finishing a reported clause opened by a pronoun.
    let q = run("It rained.\n\nDoe said he was \"sure that the people of this state will vote for the plan that we put forward last week.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
}

#[test]
fn inverted_subject_with_a_description_before_the_name() {
    let q = run("\"I will not say it was a mistake,\" said retired surgeon Ben Carson, asked about it.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].3.as_deref(), Some("retired surgeon Ben Carson"));
}

#[test]
fn quote_ending_its_sentence_after_said_comma_is_direct() {
    let q = run("Years ago he backed Ann Lee and said, \u{201c}Bob has never done a thing for us.\u{201d} Lee later explained it.");
    assert!(q.iter().any(|r| r.0 == QuoteKind::Direct && r.1.starts_with('\u{201c}')), "{q:?}");
}

#[test]
fn long_clause_final_partial_quotes() {
    // After a bare subject the quote carries the clause's verb: mixed, however long.
    let q = run("It rained.\n\nDoe said the board \"has not met since the spring and will not meet again until the floods are over, whatever the mayor says.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
    // Another cue before "that", or words between the cue and "that": mixed.
    for lead in ["Doe added that", "Doe said, without a pause, that"] {
        let text = format!("It rained.\n\n{lead} \"the board has not met since the spring and will not meet again until the floods are over.\"");
        let q = run(&text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, QuoteKind::Mixed, "{lead}");
    }
    // Right after a plain "said that", or after a subject with its own verb: direct (the
    // convention of the sample article).
    for lead in ["Doe said that", "Doe said the board's plans were"] {
        let text = format!("It rained.\n\n{lead} \"aimed at keeping the water out of the town, and, after the spring floods, at building a second wall.\"");
        let q = run(&text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, QuoteKind::Direct, "{lead}");
    }
}

#[test]
fn subject_with_a_modifier_before_the_cue() {
    let q = run("It rained.\n\n\"The dam will hold,\" Mr. Doe of the Water Board said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(q[0].3.as_deref().is_some_and(|m| m.starts_with("Mr. Doe")), "{q:?}");
    let q = run("It rained.\n\n\"The dam will hold,\" a spokesman for the water board said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
}

#[test]
fn title_in_the_attribution_of_a_split_quote() {
    let q = direct(
        "It rained.\n\n\"The dam will hold,\" Doe said on the programme \"Water Today.\" \"We checked it twice.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("twice.\""), "{q:?}");
}

#[test]
fn quote_going_on_a_sentence_begun_before_the_attribution() {
    let q = run("It rained.\n\nIf the rain stops, Doe said, \"the dam will hold until the spring.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
    assert!(q[0].1.starts_with("If the rain stops"), "{q:?}");
}

#[test]
fn quoted_sentence_after_a_long_introduction() {
    let q = run("It rained.\n\nDoe said in a long interview with the local radio station on Monday, \"The dam will hold,\" adding that repairs had begun.");
    assert!(q.iter().any(|r| r.0 == QuoteKind::Direct && r.1 == "\"The dam will hold,\""), "{q:?}");
}

#[test]
fn block_quote_after_a_colon_sentence_without_a_cue() {
    let q = run("It rained.\n\nAnn Doe then listed her reasons:\n\n\"The dam is old, it leaks and nobody has checked it for years.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Ann Doe"));
}

#[test]
fn inverted_attribution_opening_the_sentence() {
    for text in [
        "It rained.\n\nSaid Doe, \"The dam will hold.\"",
        "It rained.\n\nSaid Ann Doe, who built it, \"The dam will hold.\"",
        "It rained.\n\nSaid Doe: \"The dam will hold.\"",
    ] {
        let q = run(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, QuoteKind::Direct);
        assert!(q[0].3.as_deref().is_some_and(|m| m.ends_with("Doe")), "{q:?}");
    }
}

#[test]
fn trailing_attribution_with_a_verb_outside_the_cue_list() {
    let q = direct("It rained.\n\n\"The dam will hold,\" Ann Doe went on. \"We checked it twice.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "\"The dam will hold,\" Ann Doe went on. \"We checked it twice.\"");
    assert_eq!(q[0].1.as_deref(), Some("Ann Doe"));
    let q = run("It rained.\n\n\"The dam will hold,\" she mocks.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].0, q[0].3.as_deref(), q[0].4.as_deref()), (QuoteKind::Direct, Some("she"), Some("mocks")));
    let q = run("It rained.\n\n\"The dam will hold,\" retorted Ann Doe.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("Ann Doe"));
    // A title cut by a comma, with the writer's sentence going on, is no quote.
    assert!(direct("It rained.\n\n\"Water Today,\" which airs on Mondays, covered the dam.").is_empty());
}

#[test]
fn trailing_attribution_with_a_long_or_lower_case_subject() {
    let q = run("It rained.\n\n\"The dam will hold,\" engineers Ann Doe and Bo Lee of the Water Institute for Dams and Rivers wrote.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(q[0].3.as_deref().is_some_and(|m| m.starts_with("engineers Ann Doe")), "{q:?}");
    let q = run("It rained.\n\n\"The dam will hold,\" federal engineers wrote in a report.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("federal engineers"));
    let q = run("It rained.\n\n\"The dam will hold,\" said 9/11 widow Ann Doe.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("9/11 widow Ann Doe"));
}

#[test]
fn quoted_sentence_after_a_name_and_a_colon() {
    let q =
        run("It rained.\n\nThe flood did not surprise engineer Ann Doe: \"Dams of that age fail in every wet year.\"");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(q[0].3.as_deref().is_some_and(|m| m.ends_with("Ann Doe")), "{q:?}");
}

#[test]
fn as_x_put_it_frames_a_quote() {
    for (text, mention) in [
        ("It rained.\n\nAs engineer Ann Doe put it, \"The dam is old.\"", "engineer Ann Doe"),
        (
            "It rained.\n\nThe dam was, as The Water Weekly puts it in a long essay, \"a relic of another age.\"",
            "The Water Weekly",
        ),
    ] {
        let q = run(text);
        let d: Vec<_> = q.iter().filter(|r| r.0 == QuoteKind::Direct).collect();
        assert_eq!(d.len(), 1, "{q:?}");
        assert_eq!(d[0].3.as_deref(), Some(mention), "{q:?}");
    }
}
