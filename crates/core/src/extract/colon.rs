//! Speaker labels: a line that opens with a name and a colon ("Graham: Trump's rhetoric
//! hurts the party", a transcript's "TAPPER: Do you think ...?", an interview's "Q:")
//! states what follows the colon, to the line's end, as the label's words.

use crate::extract::context::{Found, Sentence};
use crate::extract::speaker::{make, Speakers, Who};
use crate::lexicon::Lexicon;
use crate::model::{Kind, Rule, SpeakerKind};
use crate::text::{in_lower_list, is_space, str_from, trim_span, Span};

/// The statement of a sentence that opens its line with a speaker's label.
pub fn label_statement(s: &Sentence, speakers: &mut Speakers, found: &mut Found) {
    let Some((label, content)) = labelled(s) else {
        return;
    };
    if !found.seen_spans.insert(content) {
        return;
    }
    let text = s.text;
    let name = label.of(text);
    let lex = Lexicon::get();
    let colon = Span::new(label.end, label.end + 1);
    if lex.question_labels.contains(name) || lex.answer_labels.contains(name) {
        let who = interview_speaker(name, label, speakers);
        found
            .statements
            .push(make(Kind::Indirect, content, Some(colon), &who, s.span));
        return;
    }
    let last = name.split_whitespace().last().unwrap_or(name);
    let upper = name.chars().all(|c| !c.is_lowercase());
    let (name, role, kind) = if !upper && speakers.people.knows(last) {
        let (n, r) = speakers.people.resolve(name, "");
        (n, r, SpeakerKind::Person)
    } else {
        (name.to_string(), String::new(), SpeakerKind::Person)
    };
    let who = Who {
        name,
        kind,
        role,
        rule: Rule::Label,
        mention: Some(label),
        antecedent: None,
        confidence: Rule::Label.confidence_for(kind),
    };
    found
        .statements
        .push(make(Kind::Indirect, content, Some(colon), &who, s.span));
}

/// The speaker of an interview's labelled line: an answer's is the most salient person
/// named in full before the first answer (the person the interview is with), at a pronoun's confidence, with
/// that mention as the evidence; a question's, or an answer's with nobody named, is left
/// unattributed rather than given the label's letter as a name.
fn interview_speaker(name: &str, label: Span, speakers: &mut Speakers) -> Who {
    let unattributed = Who {
        mention: Some(label),
        ..Who::none()
    };
    if !Lexicon::get().answer_labels.contains(name) {
        return unattributed;
    }
    if let Some(who) = &speakers.interviewee {
        return Who {
            mention: Some(label),
            ..who.clone()
        };
    }
    // (A full name: a capitalised word that opens a question, "You’ve", is no person.)
    let named = (speakers.sal.recent.iter().rev()).find(|(person, ..)| person.contains(' '));
    let Some((person, role, span, _)) = named else {
        return unattributed;
    };
    let who = Who {
        name: person.clone(),
        kind: SpeakerKind::Person,
        role: role.clone(),
        rule: Rule::Label,
        mention: Some(label),
        antecedent: Some(*span),
        confidence: Rule::PronounFar.confidence(),
    };
    speakers.interviewee = Some(who.clone());
    who
}

/// The label and the content of a sentence that opens its line with "Label: content"
/// (or with a quotation mark before it, a transcript quoted whole):
/// a label of one to four capitalised words that is no place nor a page's word
/// (`Related:`, `Update:`), and content of two words or more to the line's end.
pub fn labelled(s: &Sentence) -> Option<(Span, Span)> {
    let (text, sent) = (s.text, s.span);
    let lex = Lexicon::get();
    // Only blanks between the line's start and the sentence: scanned back from the
    // sentence, so a long paragraph costs nothing more per sentence.
    let opens_line = text
        .get(..sent.start)?
        .chars()
        .rev()
        .find(|&c| c == '\n' || !is_space(c))
        .is_none_or(|c| c == '\n');
    if !opens_line {
        return None;
    }
    // (A transcript quoted whole opens each line with a quotation mark: `"PENCE: ...`.)
    let opening = sent
        .of(text)
        .find(|c: char| !matches!(c, '"' | '“'))
        .filter(|&n| n <= 3)?;
    let start = sent.start + opening;
    let rest = str_from(text, start).get(..sent.end - start)?;
    // (A label is at most four words: the colon is looked for in the first 100 bytes,
    // not through the whole sentence.)
    let mut n = rest.len().min(100);
    while !rest.is_char_boundary(n) {
        n -= 1;
    }
    let colon = rest.get(..n)?.find(':')?;
    let label = rest.get(..colon)?;
    let words = label.split_whitespace().count();
    let name_like = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
    };
    if !(1..=4).contains(&words)
        || label.starts_with(is_space)
        || !label.split_whitespace().all(name_like)
        || in_lower_list(label, &lex.label_not_speakers)
        || label
            .split_whitespace()
            .any(|w| in_lower_list(w, &lex.label_not_speakers))
        || label
            .split_whitespace()
            .last()
            .is_some_and(|w| lex.places.contains(w) && !lex.countries.contains(w))
        || label.starts_with("The ")
        // An inverted verb of speech opens no label: "Said Comey: ..." is a cue and a name.
        || (words > 1
            && label
                .split_whitespace()
                .next()
                .is_some_and(|w| lex.cue(w).is_some()))
        || label.contains("’s")
        || label.contains("'s")
        || (words > 2 && label.chars().all(|c| !c.is_lowercase()))
    {
        return None;
    }
    let after = start + colon + 1;
    // A colon right before a digit is a time or a score ("10:30").
    if text.get(after..)?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let line_end = text
        .get(after..)?
        .find('\n')
        .map_or(text.len(), |i| after + i);
    let sp = trim_span(text, Span::new(after, line_end));
    let t = sp.of(text).trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':') || is_space(c) || (opening > 0 && matches!(c, '"' | '”'))
    });
    let content = Span::new(sp.start, sp.start + t.len());
    // Four words at least: a shorter one is a list's caption ("Sanders: Win in a walk"
    // reads as one, "Cruz: Just hang on" too), not a claim.
    (t.split_whitespace().nth(3).is_some()).then_some((Span::new(start, start + colon), content))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// One case a line: the text, and a "speaker: content" statement it must yield ("" for
    /// no statement of a colon's label).
    fn check(input: &str, expect: &str) {
        let e = extract(input);
        let got: Vec<String> = (e.statements.iter())
            .filter(|s| s.cue.is_some_and(|c| c.of(input) == ":"))
            .map(|s| format!("{}: {}", s.speaker, s.span.of(input)))
            .collect();
        crate::extract::assert_yields(input, &got, expect);
    }

    #[test]
    fn speaker_labels_table() {
        for (input, expect) in [
            // A headline's speaker, a transcript's and an interview's.
            (
                "Ortiz: The budget plan leaves rural schools behind.\n\nThe council met on Monday.",
                "Ortiz: The budget plan leaves rural schools behind",
            ),
            (
                "The panel took questions.\n\nHOLLIS: Do you expect the bill to pass this year?",
                "HOLLIS: Do you expect the bill to pass this year?",
            ),
            // An interview: the question is the interviewer's (unattributed), each answer
            // the person it is with, named in full before the first one, whoever the
            // answers name after it.
            (
                "Q: What did you find when you got home?",
                ": What did you find when you got home?",
            ),
            (
                "Mayor Ana Ruiz spoke with us on Monday.\n\nQ: What next?\n\nA: We fix the roads before winter.",
                "Ana Ruiz: We fix the roads before winter",
            ),
            (
                "Mayor Ana Ruiz spoke with us.\n\nQ: And the rival?\n\nA: Senator Tom Hale is wrong on roads.\n\nQ: Why?\n\nA: He never drives on them at all.",
                "Ana Ruiz: He never drives on them at all",
            ),
            ("Q: What next?\n\nA: We fix the roads before the winter.", ": We fix the roads before the winter"),
            // A transcript quoted whole, each line opening with a quotation mark.
            (
                "The transcript follows.\n\n\"HOLLIS: Do you expect the bill to pass this year?\n\n\"REYES: We expect it to pass, and soon.\"",
                "REYES: We expect it to pass, and soon",
            ),
            // A page's words, a place, a time, a label inside a line: no speaker.
            ("Related: Ten things to watch in the race tonight.", ""),
            ("Ortiz: Just hang on.", ""),
            (
                "The Latest: Polls close at eight in the eastern states.",
                "",
            ),
            (
                "New Hampshire: Voters head to the polls on a cold morning.",
                "",
            ),
            ("The vote was at 10:30 in the morning, the clerk said.", ""),
            (
                "He gave one reason: the roads need repair before winter.",
                "",
            ),
        ] {
            check(input, expect);
        }
    }
}
