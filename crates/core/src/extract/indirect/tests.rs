//! Table tests of the reported-speech stage: one sentence a line, and a statement it
//! must yield.

use crate::extract::extract;
use crate::model::Kind;

/// The indirect statements of `input`, as "speaker: content" (content as sliced).
fn indirect(input: &str) -> Vec<String> {
    let e = extract(input);
    (e.statements.iter())
        .filter(|s| s.kind == Kind::Indirect)
        .map(|s| format!("{}: {}", s.speaker, s.span.of(input)))
        .collect()
}

/// One case a line: the text, and a statement it must yield ("" for none at all).
fn check(input: &str, expect: &str) {
    crate::extract::assert_yields(input, &indirect(input), expect);
}

#[test]
fn reported_speech_table() {
    for (input, expect) in [
        // A post reports a clause only after "that"; "vows" and "pledges" are verbs
        // before "to"; a progressive after "has been".
        (
            "Lena Voss tweeted that the vote was rigged.",
            "Lena Voss: the vote was rigged",
        ),
        ("Lena Voss tweeted a chart of crime figures.", ""),
        (
            "Lena Voss vows to press on to the next primary.",
            "Lena Voss: press on to the next primary",
        ),
        ("The couple renewed their vows to each other.", ""),
        // "allege" reports a clause; its participle as an adjective reports nothing.
        (
            "Former students alleged they were misled about the courses.",
            "Former students: they were misled about the courses",
        ),
        ("The alleged attacker was arrested on Monday in Ohio.", ""),
        (
            "Lena Voss has been saying that the vote was rigged.",
            "Lena Voss: the vote was rigged",
        ),
        // Present tense and a common-noun or plural speaker, named by its own words.
        (
            "Most economists say the tariff will raise prices.",
            "most economists: the tariff will raise prices",
        ),
        (
            "Those surveyed said the council should cut fares.",
            "Those surveyed: the council should cut fares",
        ),
        (
            "About 40 percent who said they would vote early were women.",
            "about 40 percent: they would vote early were women",
        ),
        // A bracket after the name: the name is the speaker.
        (
            "Sen. Maria Lopez (D-Ore.) said she would back the bill.",
            "Maria Lopez: she would back the bill",
        ),
        // A later cue with a subject of its own, after "and", ends the clause before it.
        (
            "Mayor Ada Vance said the levy was fair and others have said it was too high.",
            "Ada Vance: the levy was fair",
        ),
        (
            "Ada Vance supported the levy and Tom Ruiz, as he has before, opposed the measure.",
            "Tom Ruiz: the measure",
        ),
        // Speech acts with a noun phrase or an infinitive.
        (
            "Governor Tom Reese endorsed Alice Morgan on Monday.",
            "Tom Reese: Alice Morgan on Monday",
        ),
        (
            "Senator Ann Ward called for a review of the contract.",
            "Ann Ward: a review of the contract",
        ),
        (
            "Mayor Paul Ortiz declined to comment on the lawsuit.",
            "Paul Ortiz: to comment on the lawsuit",
        ),
        (
            "Representative Dana Hill urged voters to reject the measure.",
            "Dana Hill: voters to reject the measure",
        ),
        (
            "Judge Carla Stein accused the agency of hiding records.",
            "Carla Stein: the agency of hiding records",
        ),
        // An act with a clause after "that"; an act whose content follows a particle.
        (
            "Senator Joan Pratt agreed that the budget was too small.",
            "Joan Pratt: the budget was too small",
        ),
        (
            "Senator Ann Ward talked about the cost of the new bridge.",
            "Ann Ward: the cost of the new bridge",
        ),
        (
            "Mayor Paul Ortiz spoke out against the plan to close the library.",
            "Paul Ortiz: the plan to close the library",
        ),
        ("Mayor Paul Ortiz spoke to reporters on Monday.", ""),
        // A second verb of one subject.
        (
            "Governor Tom Reese toured the plant and criticized the new rules.",
            "Tom Reese: the new rules",
        ),
        (
            "Governor Tom Reese arrived on Monday. He toured the plant and said the rules were too strict.",
            "Tom Reese: the rules were too strict",
        ),
        // A relative clause's antecedent speaks.
        (
            "Senator Ann Ward left. The rules were changed by Mayor Paul Ortiz, who criticized the old rules.",
            "Paul Ortiz: the old rules",
        ),
        // A question's words, not the person asked.
        (
            "Mayor Paul Ortiz asked the council whether the budget was final.",
            "Paul Ortiz: whether the budget was final",
        ),
        ("Mayor Paul Ortiz asked the council.", ""),
    ] {
        check(input, expect);
    }
}

#[test]
fn more_acts_and_evidence_table() {
    for (input, expect) in [
        // A pledge's infinitive, a proclamation's object.
        (
            "The city council pledged to impose new fees on the port.",
            "city council: impose new fees on the port",
        ),
        (
            "Mayor Ana Ruiz proclaimed a goal of safe streets for every ward.",
            "Ana Ruiz: a goal of safe streets for every ward",
        ),
        // New verbs: a conclusion, an assurance, an order; railing against.
        (
            "The inspector general concluded that the agency had lost the files.",
            "general: the agency had lost the files",
        ),
        (
            "Governor Tom Reese ordered the agency to release the files.",
            "Tom Reese: the agency to release the files",
        ),
        (
            "Senator Ann Ward railed against the new tariffs.",
            "Ann Ward: the new tariffs",
        ),
        // A phrasal verb, a noun in -s: no speech act.
        ("Governor Tom Reese backed away from the plan.", ""),
        ("“The stock has done badly,” Mr. Rubel pointed out.", ""),
        ("The Paris attacks have changed the race.", ""),
        // A group of people is a weak act's speaker; a plain noun is not.
        (
            "Many Republicans criticized the tax plan.",
            "republicans: the tax plan",
        ),
        // A clause before the cue names no speaker, but the people after its verb do.
        (
            "That is why critics say the mayor broke his promise.",
            "critics: the mayor broke his promise",
        ),
        (
            "It was widely reported the mayor would resign.",
            ": the mayor would resign",
        ),
        // A time phrase between an act and its "to" or "that" is passed over.
        (
            "Mayor Paul Ortiz vowed Tuesday to veto the budget.",
            "Paul Ortiz: veto the budget",
        ),
        (
            "Mayor Paul Ortiz promised on Monday to repave the roads.",
            "Paul Ortiz: repave the roads",
        ),
        // A time phrase after the cue is no clause; the clause after it is.
        (
            "Mayor Paul Ortiz said Tuesday the budget was final.",
            "Paul Ortiz: the budget was final",
        ),
        (
            "The budget is final, Mayor Paul Ortiz said Tuesday in Albany.",
            "Paul Ortiz: The budget is final",
        ),
        // "As X reported, CLAUSE": the clause follows.
        (
            "As the Daily Ledger reported, the council will vote on the budget in June.",
            "Daily Ledger: the council will vote on the budget in June",
        ),
        // A one-word lead before a parenthetical cue is no clause.
        (
            "Instead, Mayor Paul Ortiz said, the city will borrow the money.",
            "Paul Ortiz: the city will borrow the money",
        ),
        // A verb of evidence: a subject past an apposition, "that", a closing verb.
        (
            "A state poll, taken over three days in May, shows the mayor ahead by ten points.",
            "state poll: the mayor ahead by ten points",
        ),
        (
            "The mayor leads by ten points among older voters, the Marist survey found.",
            "Marist survey: The mayor leads by ten points among older voters",
        ),
        // Not speech acts: an adjective, a noun, an act without "to".
        ("She now leads by 200 pledged delegates.", ""),
        ("Officials agreed on a schedule.", ""),
        // Verbs of evidence after a document or a count; not a passive, a phrasal verb
        // or a subject that is no document.
        (
            "A new statewide poll shows the governor trailing by six points.",
            "new statewide poll: the governor trailing by six points",
        ),
        (
            "Court records show that the firm paid no tax in 2019.",
            "court records: the firm paid no tax in 2019",
        ),
        (
            "The audit found that the agency had lost 300 laptops.",
            "audit: the agency had lost 300 laptops",
        ),
        ("The draft was shown to the committee on Friday.", ""),
        ("The poll workers showed up early on Tuesday.", ""),
        ("The mayor found the missing report in a drawer.", ""),
        // After a quotation, the words after the cue are a time and a place.
        (
            "“We will win,” Mark Cole said Tuesday on a morning show.",
            "",
        ),
    ] {
        check(input, expect);
    }
}
