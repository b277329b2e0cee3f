//! `Statement`s → one statement per attribution: the last stage before the pipeline sorts
//! the list. The quote and clause stages find pieces; a reader counts remarks. Here the
//! pieces of one remark become one statement, whose `quoted` lists the pieces:
//!
//! - a multi-paragraph quote's pieces (linked by `continues`) join their first piece;
//! - a reported clause takes the quoted fragments inside it that its speaker said
//!   (`X said the plan was “dead on arrival.”` is one partial statement, the clause,
//!   carrying the fragment), where the list and every facet count had it twice;
//! - a quote the cue interrupts (`“A,” she said, “B.”`), and a quote with no cue of its
//!   own after one of the same speaker in the same paragraph (`“A,” she said. “B.”`),
//!   join the quote before: one statement from A's first character to B's last;
//! - a speech act told inside another statement's words, with no quoted words of its
//!   own (`she said the email came after Jones proposed a ban`), is that statement's
//!   content, not a statement: it is left out.
//!
//! A fragment that a cue inside the clause attributes (`Clinton said Trump called her “a
//! nasty woman.”`) is an attribution of its own and stays one. Spans only grow to unions
//! of the spans found, so every statement is still an exact slice of the text.

use crate::model::{Kind, Rule, Statement};
use crate::text::Span;

/// The statements, pieces joined, sorted by start (then kind), with no two alike.
pub fn one_per_attribution(text: &str, mut statements: Vec<Statement>) -> Vec<Statement> {
    for s in &mut statements {
        if s.kind != Kind::Indirect && s.quoted.is_empty() {
            s.quoted = vec![s.span];
        }
    }
    let sorted = drop_restated(text, sorted_unique(join_continued(statements)));
    let joined = join_interrupted(text, clauses_take_fragments(sorted));
    join_trailing_acts(text, drop_nested_acts(text, sorted_unique(joined)))
}

/// A participle act whose clause was cut off the one before it joins that one: the same
/// speaker's clause ending right where the act's verb begins, in one sentence (`Trump
/// dismissed a report that Bush was considering | announcing he would not endorse him`,
/// `They agreed to divide the primaries | denying him a first-ballot win`). The verb was
/// part of the reported words, not a second remark. `sorted` is in order of start.
fn join_trailing_acts(text: &str, sorted: Vec<Statement>) -> Vec<Statement> {
    let lex = crate::lexicon::Lexicon::get();
    let participle = |s: &Statement| cue_form(text, s).is_some_and(|f| f.participle);
    // Only blanks, or `and`/`or`, between the clause and the act's verb: after a comma
    // the participle is a second remark (`she said A, adding B`).
    let adjacent = |g: &str| g.split_whitespace().all(|w| lex.coordinators.contains(&w));
    let mut out: Vec<Statement> = Vec::with_capacity(sorted.len());
    for s in sorted {
        let joins = s.kind == Kind::Indirect
            && s.evidence.rule == Rule::SharedSubject
            && participle(&s)
            && out.last().is_some_and(|p| {
                p.kind != Kind::Direct
                    && !p.speaker.is_empty()
                    && p.speaker == s.speaker
                    && p.sentence == s.sentence
                    && s.cue
                        .is_some_and(|c| text.get(p.span.end..c.start).is_some_and(adjacent))
                    // (Nor after a comma inside the quotation that closes the clause:
                    // `thanked Washington “for its help,” adding …`.)
                    && !p
                        .span
                        .of(text)
                        .trim_end_matches(['”', '"', '’', '\''])
                        .ends_with(',')
            });
        match out.last_mut() {
            Some(prev) if joins => absorb(prev, s),
            _ => out.push(s),
        }
    }
    out
}

/// In order of start (then kind), two with the same span and kind kept once.
fn sorted_unique(mut statements: Vec<Statement>) -> Vec<Statement> {
    statements.sort_by_key(|s| (s.span.start, s.kind));
    statements.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    statements
}

/// Without the clauses that restate one of their speaker's own attributions: a reported
/// clause holding another clause of the same speaker together with that clause's cue
/// (`Noting that the bill failed, Tester added: …` gives `Noting that the bill failed` to
/// `added` and `the bill failed` to `Noting`; `She noted her years in office, saying …`)
/// is that remark with its verb, not a second one. The inner clause, with its own cue,
/// stays. Only a clause told before its cue is so read: in `She said she told them to
/// wait` both are attributions. A clause holding another speaker's (`Manafort
/// acknowledged …, the Post reported`) is a nested attribution and stays too. `sorted`
/// is in order of start.
fn drop_restated(text: &str, sorted: Vec<Statement>) -> Vec<Statement> {
    let lex = crate::lexicon::Lexicon::get();
    let mut dropped = vec![false; sorted.len()];
    // The clauses that may still hold the next one: those reaching past its start.
    let mut open: Vec<usize> = Vec::new();
    for (i, inner) in sorted.iter().enumerate() {
        if inner.kind != Kind::Indirect {
            continue;
        }
        open.retain(|&j| sorted.get(j).is_some_and(|o| o.span.end > inner.span.start));
        if let Some(cue) = inner.cue.filter(|_| !inner.speaker.is_empty()) {
            for &j in &open {
                let Some(outer) = sorted.get(j) else {
                    continue;
                };
                if outer.speaker != inner.speaker
                    || outer.span == inner.span
                    || !outer.span.contains(inner.span)
                    || !outer.span.contains(cue)
                    || outer.cue == inner.cue
                {
                    continue;
                }
                // `declined to say whether …`: the outer clause opens with the inner verb;
                // it carries the whole remark, the inner one is a piece of it.
                let opens_with_inner = || {
                    text.get(outer.span.start..cue.start).is_some_and(|lead| {
                        (lead.split_whitespace()).all(|w| lex.infinitive_markers.contains(w))
                    })
                };
                let drop = if outer.cue.is_some_and(|c| c.start >= outer.span.end) {
                    Some(j)
                } else {
                    opens_with_inner().then_some(i)
                };
                if let Some(flag) = drop.and_then(|k| dropped.get_mut(k)) {
                    *flag = true;
                }
            }
        }
        open.push(i);
    }
    sorted
        .into_iter()
        .zip(dropped)
        .filter_map(|(s, d)| (!d).then_some(s))
        .collect()
}

/// The lexicon's entry for a statement's cue (its first word).
fn cue_form(text: &str, s: &Statement) -> Option<&'static crate::lexicon::CueForm> {
    let word = s.cue?.of(text).split_whitespace().next()?;
    crate::lexicon::Lexicon::get().cue(word)
}

/// Without the speech acts told inside another statement's words (`Smith said the email
/// came hours after Jones proposed a ban`: "a ban" is what Smith reports, not a statement
/// of Jones's): a reported act with no quoted words, whose weak cue (an act verb, not a
/// verb of saying) lies inside a statement that holds it whole. `sorted` is in order of
/// start, so the statement reaching furthest so far is the one that may hold the next.
fn drop_nested_acts(text: &str, sorted: Vec<Statement>) -> Vec<Statement> {
    let weak_act = |s: &Statement| {
        s.kind == Kind::Indirect
            && cue_form(text, s).is_some_and(|f| f.strength == crate::lexicon::CueStrength::Weak)
    };
    let mut out: Vec<Statement> = Vec::with_capacity(sorted.len());
    // The span of the kept statement that reaches furthest.
    let mut reach: Option<Span> = None;
    for s in sorted {
        let inside = reach.is_some_and(|r| {
            r != s.span && r.contains(s.span) && s.cue.is_some_and(|c| r.contains(c))
        });
        if inside && weak_act(&s) {
            continue;
        }
        if reach.is_none_or(|r| s.span.end > r.end) {
            reach = Some(s.span);
        }
        out.push(s);
    }
    out
}

/// `into` takes `piece`: the union of the spans and sentences, the pieces of both.
fn absorb(into: &mut Statement, piece: Statement) {
    into.span = union(into.span, piece.span);
    into.sentence = union(into.sentence, piece.sentence);
    // Pieces mostly come in reading order: then they are appended as they are, and a
    // statement that absorbs many pieces is not sorted again for each one.
    let in_order = piece.quoted.is_sorted_by_key(|q| q.start)
        && match (into.quoted.last(), piece.quoted.first()) {
            (Some(last), Some(first)) => last.start < first.start,
            _ => true,
        };
    into.quoted.extend(piece.quoted);
    if !in_order {
        into.quoted.sort_by_key(|q| q.start);
        into.quoted.dedup();
    }
    if into.cue.is_none() {
        into.cue = piece.cue;
    }
}

fn union(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

/// Each later piece of a multi-paragraph quote joins the statement its first piece is in.
/// (`continues` holds the index, in the order found, of the piece before; it only points
/// back.)
fn join_continued(statements: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(statements.len());
    // For each statement found: where it is in `out` (a joined piece: where its head is).
    let mut home: Vec<usize> = Vec::with_capacity(statements.len());
    for (i, mut s) in statements.into_iter().enumerate() {
        let head = s
            .continues
            .filter(|&p| p < i)
            .and_then(|p| home.get(p).copied());
        s.continues = None;
        match head.and_then(|h| out.get_mut(h).map(|st| (h, st))) {
            Some((h, st)) => {
                absorb(st, s);
                home.push(h);
            }
            None => {
                home.push(out.len());
                out.push(s);
            }
        }
    }
    out
}

/// Whether `piece`, a quote overlapping the clause `clause`, is the clause's speaker's:
/// unless a cue inside the clause attributes it (a nested attribution, `Clinton said
/// Trump called her “a nasty woman”`), the clause's cue covers it, whoever a later
/// stage guessed for it alone.
fn same_voice(clause: &Statement, piece: &Statement) -> bool {
    let nested = piece
        .cue
        .is_some_and(|c| clause.span.contains(c) && Some(c) != clause.cue);
    !nested || piece.speaker == clause.speaker
}

/// Each reported clause takes the quotes of its speaker that overlap it, and becomes a
/// partial statement carrying them. `sorted` is in order of start.
fn clauses_take_fragments(sorted: Vec<Statement>) -> Vec<Statement> {
    let mut slots: Vec<Option<Statement>> = sorted.into_iter().map(Some).collect();
    for k in 0..slots.len() {
        let Some(clause) = slots.get(k).and_then(Option::as_ref) else {
            continue;
        };
        if clause.kind != Kind::Indirect {
            continue;
        }
        let span = clause.span;
        // The quotes that overlap the clause: the ones starting inside it come after it,
        // and one that starts before it (a clause beginning inside a quote) just before.
        let mut takes = Vec::new();
        let before = k.checked_sub(1).into_iter();
        let after = (k + 1..slots.len()).take_while(|&j| {
            slots
                .get(j)
                .and_then(Option::as_ref)
                .is_none_or(|s| s.span.start < span.end)
        });
        for j in before.chain(after) {
            if let Some(piece) = slots.get(j).and_then(Option::as_ref) {
                if piece.is_quote() && piece.span.overlaps(span) && same_voice(clause, piece) {
                    takes.push(j);
                }
            }
        }
        for j in takes {
            let Some(piece) = slots.get_mut(j).and_then(Option::take) else {
                continue;
            };
            if let Some(clause) = slots.get_mut(k).and_then(Option::as_mut) {
                clause.kind = Kind::Partial;
                absorb(clause, piece);
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// Whether quote `next` goes on from quote `prev` as one remark: the same speaker in one
/// paragraph, and either the same cue (the cue interrupts the quote), no cue of its own
/// (a continuation: `“A,” she said. She paused. “B.”`), or both fragments of one
/// sentence with no second cue.
fn goes_on(text: &str, prev: &Statement, next: &Statement) -> bool {
    // A clause that closes on its quoted words (`Like most campaigns, “the process is
    // sound,” he said.`) is taken up by a whole quote that goes on from it (`“We check
    // every donor.”`), as a quote would be.
    let ends_quoted = |s: &Statement| {
        s.kind == Kind::Partial
            && s.quoted.last().is_some_and(|q| {
                text.get(q.end..s.span.end)
                    .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
            })
    };
    let resumed =
        next.kind == Kind::Direct && next.evidence.rule == Rule::Continuation && ends_quoted(prev);
    if !((prev.is_quote() || resumed) && next.is_quote()) {
        return false;
    }
    let gap = text.get(prev.span.end..next.span.start);
    if prev.speaker.is_empty() {
        // Even with no speaker found, a quote broken by a short aside in one sentence
        // (`“A,” she elaborated, “B.”`) is one remark.
        // So are fragments of one sentence that nobody is found to have said: the
        // reporter quotes one voice in pieces (`a “big spectacle” with a “showbiz” feel`).
        let fragments = prev.kind == Kind::Partial
            && next.kind == Kind::Partial
            && prev.sentence == next.sentence
            && prev.cue.is_none()
            && next.cue.is_none();
        return next.speaker.is_empty()
            && (fragments || gap.is_some_and(|g| is_interruption(prev.span.of(text), g)));
    }
    let same_cue = next.cue.is_some() && next.cue == prev.cue;
    let continuation = next.evidence.rule == Rule::Continuation;
    // Fragments of one sentence that no cue tells apart: `it would be “ugly,” “a shock”
    // and “a fight.”`
    let fragments = prev.kind == Kind::Partial
        && next.kind == Kind::Partial
        && prev.sentence == next.sentence
        && next.cue.is_none_or(|c| prev.cue.is_none_or(|p| p == c));
    let one_paragraph = gap.is_some_and(|g| !g.contains('\n'));
    prev.speaker == next.speaker
        && (((same_cue || continuation || fragments) && one_paragraph)
            || (continuation && gap.is_some_and(opens_next_paragraph)))
}

/// Whether `gap`, the text between two quotes, is the attribution that interrupts one
/// quote: the first piece (`first`) ends in a comma, inside its marks or right after
/// them, then come at most five words with no quote or stop among them, a comma or a
/// period, and the next piece's opening mark (`,” she elaborated, “` or `,” he
/// concluded. “`).
fn is_interruption(first: &str, gap: &str) -> bool {
    let Some(after_mark) = gap.strip_prefix(['”', '"', '»', '\'']) else {
        return false;
    };
    let Some(aside) = after_mark.strip_suffix(['“', '"', '«', '\'']) else {
        return false;
    };
    let aside = aside.trim_end_matches(crate::text::is_space);
    let Some(words) = aside.strip_suffix([',', '.']) else {
        return false;
    };
    let (comma_after, words) = match words.strip_prefix(',') {
        Some(w) => (true, w),
        None => (false, words),
    };
    (first.ends_with(',') || comma_after)
        && (1..=5).contains(&words.split_whitespace().count())
        && !words.contains(['.', '!', '?', ';', ':', '“', '”', '"', ',', '\n'])
}

/// Whether `gap`, the text between two quotes, ends one paragraph and opens the next with
/// the second quote: the speaker goes on talking in a paragraph of their own
/// (`“A,” she said.` ¶ `“B.”`), which a reader takes as one remark.
fn opens_next_paragraph(gap: &str) -> bool {
    let Some((rest_of_first, after)) = gap.split_once('\n') else {
        return false;
    };
    let (blank, opening) = after.rsplit_once('\n').unwrap_or(("", after));
    !rest_of_first.is_empty()
        && blank.chars().all(crate::text::is_space)
        && opening
            .chars()
            .all(|c| crate::text::is_space(c) || !c.is_alphanumeric())
        && opening.chars().count() <= 3
}

/// Quotes that go on from the quote before (see [`goes_on`]) join it. `sorted` is in
/// order of start. A statement between the two keeps them apart, unless it is the same
/// speaker's reported clause told between them (`“A,” she said, suggesting the plan
/// would fail. “B.”`): that one stays a statement of its own, inside the quote's span.
fn join_interrupted(text: &str, sorted: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::with_capacity(sorted.len());
    for s in sorted {
        // The quote before, past the same speaker's clauses told since.
        let mut back = out.len();
        while let Some(k) = back.checked_sub(1) {
            match out.get(k) {
                Some(c)
                    if c.kind == Kind::Indirect
                        && c.speaker == s.speaker
                        && c.span.end <= s.span.start =>
                {
                    back = k;
                }
                _ => break,
            }
        }
        let prev = back
            .checked_sub(1)
            .and_then(|k| out.get_mut(k))
            .filter(|prev| goes_on(text, prev, &s));
        match prev {
            Some(prev) => {
                // Quotes joined are direct if a piece is; a clause stays partial.
                if s.kind == Kind::Direct && prev.is_quote() {
                    prev.kind = Kind::Direct;
                }
                absorb(prev, s);
            }
            None => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// The statements of `input` as `kind: text [quoted | pieces]` lines, joined by " / ".
    fn statements(input: &str) -> String {
        extract(input)
            .statements
            .iter()
            .map(|s| {
                let pieces: Vec<&str> = s.quoted.iter().map(|q| q.of(input)).collect();
                format!(
                    "{}: {} [{}] ({})",
                    s.kind.as_str(),
                    s.span.of(input),
                    pieces.join(" | "),
                    s.speaker
                )
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }

    fn check(input: &str, expect: &str) {
        assert_eq!(statements(input), expect, "{input}");
    }

    #[test]
    fn one_statement_per_attribution() {
        // A clause holding a fragment: one partial, the clause, carrying the fragment.
        check(
            "Senator Jane Holt said the plan was “dead on arrival” in the House.",
            "partial: the plan was “dead on arrival” in the House [dead on arrival] (Jane Holt)",
        );
        // Two fragments in one clause.
        check(
            "Mayor Tom Reyes said the budget was “bloated” and “late.”",
            "partial: the budget was “bloated” and “late.” [bloated | late.] (Tom Reyes)",
        );
        // A quote the cue interrupts: one direct statement, both pieces.
        check("“We are ready,” Jane Holt said, “and we will vote tomorrow.”", "direct: We are ready,” Jane Holt said, “and we will vote tomorrow. [We are ready, | and we will vote tomorrow.] (Jane Holt)");
        // A quote without a cue right after one of the same speaker.
        check("“We are ready,” Jane Holt said. “The votes are there.”", "direct: We are ready,” Jane Holt said. “The votes are there. [We are ready, | The votes are there.] (Jane Holt)");
        // Two cues: two attributions.
        check("“We are ready,” Jane Holt said. “The votes are there,” she added.", "direct: We are ready, [We are ready,] (Jane Holt) / direct: The votes are there, [The votes are there,] (Jane Holt)");
        // A multi-paragraph quote (no closing mark at the paragraph's end): one statement.
        check("Jane Holt spoke at length.\n“We are ready. We have the votes.\n“And we will use them,” Holt said.", "direct: We are ready. We have the votes.\n“And we will use them, [We are ready. We have the votes. | And we will use them,] (Jane Holt)");
        // A cue inside the clause attributes the fragment: a nested attribution, two
        // statements.
        check("Ann Lee said Tom Reyes called the plan “a disaster.”", "indirect: Tom Reyes called the plan “a disaster.” [] (Ann Lee) / partial: the plan “a disaster.” [a disaster.] (Tom Reyes)");
        // A continuation after a sentence of narration is still the same remark.
        check("“We are ready,” Jane Holt said. She paused. “The votes are there.”", "direct: We are ready,” Jane Holt said. She paused. “The votes are there. [We are ready, | The votes are there.] (Jane Holt)");
        // The same speaker's clause between two pieces of one remark stays apart.
        check("“We are ready,” Jane Holt said, suggesting the vote would pass. “The votes are there.”", "direct: We are ready,” Jane Holt said, suggesting the vote would pass. “The votes are there. [We are ready, | The votes are there.] (Jane Holt) / indirect: the vote would pass [] (Jane Holt)");
        // A quote broken by an aside is one remark, even with no speaker found.
        check("“The way I see it,” she elaborated, “nobody doubts his service.”", "direct: The way I see it,” she elaborated, “nobody doubts his service. [The way I see it, | nobody doubts his service.] ()");
        check("“The polls were wrong,” he concluded. “Then again, I am no pollster.”", "direct: The polls were wrong,” he concluded. “Then again, I am no pollster. [The polls were wrong, | Then again, I am no pollster.] ()");
        // Two quotes in two sentences with no attribution between are two.
        check(
            "He spoke of “hope” at first. Then came “fear” and anger.",
            "partial: hope [hope] () / partial: fear [fear] ()",
        );
        // A whole quote goes on from a clause that closes on quoted words.
        check("Like most campaigns, “the process is sound,” Ann Lee said. “We check every donor.”", "partial: Like most campaigns, “the process is sound,” Ann Lee said. “We check every donor. [the process is sound, | We check every donor.] (Ann Lee)");
        // The speaker goes on in a paragraph of their own: one remark.
        check("“We are ready,” Jane Holt said.\n\n“The votes are there.”", "direct: We are ready,” Jane Holt said.\n\n“The votes are there. [We are ready, | The votes are there.] (Jane Holt)");
        // A paragraph of narration between the two keeps them apart.
        check("“We are ready,” Jane Holt said.\nThe vote is on Tuesday.\n“The votes are there.”", "direct: We are ready, [We are ready,] (Jane Holt) / direct: The votes are there. [The votes are there.] ()");
        // A clause restating the same speaker's own attribution is that one remark.
        check(
            "Noting that the bill failed twice, Senator Jon Hale added: “That is the problem.”",
            "indirect: the bill failed twice [] (Jon Hale) / direct: That is the problem. [That is the problem.] (Jon Hale)",
        );
        // An act verb inside another's reported words is part of them.
        check(
            "Ann Lee said the email came hours after Tom Reyes proposed a ban on imports.",
            "indirect: the email came hours after Tom Reyes proposed a ban on imports [] (Ann Lee)",
        );
        // A participle after a comma that closes a quotation is a second remark.
        check(
            "Jane Holt thanked the council “for its patience,” adding that the vote would be held on Tuesday.",
            "partial: the council “for its patience,” [for its patience,] (Jane Holt) / indirect: the vote would be held on Tuesday [] (Jane Holt)",
        );
        // A weak act that its clause was cut at is part of that clause.
        check(
            "Jane Holt dismissed a report that the mayor was considering announcing his exit.",
            "indirect: a report that the mayor was considering announcing his exit [] (Jane Holt)",
        );
        // An act whose words open with the verb of another of the same speaker holds it.
        check(
            "Jane Holt declined to say whether the vote would be held on Tuesday.",
            "indirect: to say whether the vote would be held on Tuesday [] (Jane Holt)",
        );
        // Fragments of one sentence with no speaker found are one remark.
        check(
            "It was all “big spectacles” with “showbiz” flair.",
            "partial: big spectacles” with “showbiz [big spectacles | showbiz] ()",
        );
        // A plain reported clause has no quoted pieces.
        check(
            "Jane Holt said the vote would be held on Tuesday.",
            "indirect: the vote would be held on Tuesday [] (Jane Holt)",
        );
    }
}
