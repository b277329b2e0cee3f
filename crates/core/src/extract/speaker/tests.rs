//! Table tests of the speaker stage: one article a case, a statement's words and its speaker.
use crate::extract::extract;

/// One case a line: an article, the start of a statement's words, and its speaker
/// ("" for none).
fn check(input: &str, words: &str, expect: &str) {
    let ex = extract(input);
    let st = ex.statements.iter().find(|s| {
        s.span
            .of(input)
            .trim_start_matches(['“', '"'])
            .starts_with(words)
    });
    let got = st.map_or("(no statement)", |s| s.speaker.as_str());
    assert_eq!(got, expect, "{input}");
}

#[test]
fn speakers_are_the_right_people() {
    check(
        "“We will finish the bridge,” said Lorna Pike as she toured the site with Dan Ruiz.",
        "We will finish",
        "Lorna Pike",
    );
    check(
        "Ana Ortiz, who lost her son in a flood in Boulder, Colorado, in 2013, said the levee failed.",
        "the levee",
        "Ana Ortiz",
    );
    check(
        "Secretary of State Mara Venn said the talks would resume.",
        "the talks",
        "Mara Venn",
    );
    check(
        "One in three said they would stay home.",
        "they would",
        "one in three",
    );
    check("“Taxes will fall,” the senator said.", "Taxes", "senator");
    check(
        "Peter Holm opened the meeting.\n\n“It is late,” she said.",
        "It is late",
        "",
    );
    check(
        "Nell Dorsey took the stage.\n\n“We are ready,” said the 52-year-old.",
        "We are ready",
        "Nell Dorsey",
    );
    check(
        "Peter Holm opened the meeting.\n\n“It is late,” he said.",
        "It is late",
        "Peter Holm",
    );
    // A colon at the end of a paragraph introduces the quote that opens the next.
    check(
        "Mara Lind, the treasurer, said:\n\n“We will not raise taxes this year.”",
        "We will not",
        "Mara Lind",
    );
    check(
        "After the storm, Governor Ada Moss released the following statement:\n\n“Our thoughts are with every family.”",
        "Our thoughts",
        "Ada Moss",
    );
    // A colon in the sentence opens the quote: the name before it, else the subject.
    check(
        "Pollsters agree - Dana Whit: “Keep calling voters as late as you can.”",
        "Keep calling",
        "Dana Whit",
    );
    check(
        "“We lost,” Tom Reyes said.\n\nSenate leader Mara Venn delivered a blunt message to Reyes: “It is time to stop.”",
        "It is time",
        "Mara Venn",
    );
    // The phrase before the cue names nobody: the person after it.
    check(
        "“For teachers, he is saying the right things” about schools, said Mara Kell, director of a teachers group.",
        "For teachers",
        "Mara Kell",
    );
    // "with X saying": X speaks, not the clause's subject.
    check(
        "Dana Cole spoke at the event, with her aides saying the plan was late.",
        "the plan was late",
        "aides",
    );
    // A role that opens the sentence speaks through its participle, and through a
    // quote with no cue.
    check(
        "Senator Mara Venn lost the vote.\n\nThe Ohio senator thanked her staff, saying the count was “fair and quick.”",
        "the count was",
        "Mara Venn",
    );
}

#[test]
fn roles_relatives_and_headlines_name_the_right_people() {
    // A title in another form ("Sen.") holds the role; a capitalised modifier picks the
    // holder named with it, and with two holders and none so named, nobody is guessed.
    check(
        "Sen. Lena Voss and Florida Sen. Mark Dale met voters.\n\nThe Florida senator said the tax plan was dead.",
        "the tax plan",
        "Mark Dale",
    );
    check(
        "Sen. Lena Voss and Sen. Mark Dale met voters.\n\nThe Ohio senator said the tax plan was dead.",
        "the tax plan",
        "senator",
    );
    // A description before a first name is the role, not the name.
    check(
        "Police Commissioner Maria Voss said the streets were calm.",
        "the streets",
        "Maria Voss",
    );
    // Another office is not the role: "the Democratic nominee" is not the running mate.
    check(
        "Gov. Mark Dale and Lt. Gov. Lena Voss spoke first.\n\nThe governor said the race was close.",
        "the race",
        "Mark Dale",
    );
    // A title-case headline is no name: the person named in it is.
    check(
        "Why Farmers Are Cheering Maria Voss And Her Plan.\n\nVoss said the plan would pass.",
        "the plan would",
        "Maria Voss",
    );
    // A subject relative clause is no subject: the phrase before its pronoun is.
    check(
        "Officials who spoke with Lena Voss said the bridge would close.",
        "the bridge",
        "officials",
    );
    check(
        "Mark Dale, who will retire soon after serving in Peru, Chile and Brazil, said the mine was safe.",
        "the mine",
        "Mark Dale",
    );
    check(
        "Several groups that have endorsed Lena Voss say the vote was rigged.",
        "the vote",
        "groups",
    );
    // Not an object relative: the person after "who" speaks.
    check(
        "It was the judge who Lena Voss said had ruled unfairly on the plan.",
        "had ruled",
        "Lena Voss",
    );
    check(
        "Tom Reyes spoke first.\n\nThe retired neurosurgeon then turned to the crowd: “We will win.”",
        "We will win",
        "neurosurgeon",
    );
    // "Former" opens the subject, not an introductory phrase.
    check(
        "“We are done,” Tom Reyes said.\n\nFormer Gov. Ana Ruiz, for her part, is labeling the plan “a mess that will cost every family.”",
        "a mess",
        "Ana Ruiz",
    );
    // A name next to a verb the cue list does not know, right after the quote.
    check(
        "“We are done,” Tom Reyes said.\n\n“Is it over?” Ana Ruiz pressed.",
        "Is it over",
        "Ana Ruiz",
    );
    check(
        "“Look at them,” Dana Hart said.\n\n“They are all here for the food,” Tom Reyes shot back with a laugh.",
        "They are all here",
        "Tom Reyes",
    );
    // A quote that ends its sentence (`?”`, then a capital): the cue in the next names
    // its speaker, not the speaker before.
    check(
        "“We are done,” Tom Reyes said.\n\n“Is it over?” Ana Ruiz said.",
        "Is it over",
        "Ana Ruiz",
    );
    check(
        "“We are done,” Tom Reyes said.\n\n“It is over. We lost.” Ana Ruiz said.",
        "It is over",
        "Ana Ruiz",
    );
    // A pronoun no one named lately agrees with: left for review, not the last speaker.
    check(
        "“We are done,” Tom Reyes said.\n\n“It is over. Really, OK?” she said.",
        "It is over",
        "",
    );
    // A description in common nouns: the person named with it, else the description.
    check(
        "Tom Reyes spoke first.\n\n“We will build it,” the businessman said.",
        "We will build",
        "businessman",
    );
    check(
        "The property developer Tom Reyes spoke first.\n\n“We will build it,” the developer said.",
        "We will build",
        "Tom Reyes",
    );
    check(
        "Tom Reyes spoke first.\n\n“Will you build it?” a reporter asked.",
        "Will you build",
        "reporter",
    );
    check(
        "Chairman Tom Reyes spoke first.\n\n“We are ready,” the man shouted.",
        "We are ready",
        "man",
    );
}

#[test]
fn a_name_in_apposition_speaks() {
    check(
        "The bank’s executive, Ines Barros, said the rule had failed.",
        "the rule",
        "Ines Barros",
    );
    check(
        "“We found nothing,” the agency’s director, Ines Barros, told reporters.",
        "We found nothing",
        "Ines Barros",
    );
    check(
        "Ines Barros, the director, said the rule had failed.",
        "the rule",
        "Ines Barros",
    );
    // A relative pronoun's antecedent speaks; a clause opened by one ends the subject.
    check(
        "Ines Barros thanked Tom Holt, who said the vote was close.",
        "the vote",
        "Tom Holt",
    );
    check(
        "They held two calls, including one in which organizers claimed that 400 delegates took part.",
        "400 delegates",
        "organizers",
    );
    // A name a preposition governs is no subject: the sentence's subject speaks.
    check(
        "Ines Barros, at a town hall in Columbus, Ohio, said the rule had failed.",
        "the rule",
        "Ines Barros",
    );
    // A longer apposition: a full name with its place after the describing subject.
    check(
        "One teacher at the school, Ines Barros of Holy Cross Academy in Dover, said she had called every parent.",
        "she had called",
        "Ines Barros",
    );
}

#[test]
fn titles_and_party_adjectives() {
    // Lower-case words of a title go with the name after them; a party alone before a
    // common noun is the phrase's adjective, no person's name.
    check(
        "Republican presidential hopeful Dana Whitfield is questioning whether the bill would pass.",
        "whether the bill",
        "Dana Whitfield",
    );
    check(
        "Democratic lawmakers also criticized the budget on Tuesday.",
        "the budget",
        "Democratic lawmakers",
    );
    check(
        "Mark Cuban spoke first. Cuban said the deal was done.",
        "the deal",
        "Mark Cuban",
    );
}

#[test]
fn appositions_particles_and_read_out_words() {
    // A party tag in brackets, an opening conjunction and a participial aside before the
    // cue: the sentence's subject speaks.
    check(
        "But Sen. Orla Finch (D-Ore.), noting the size of the crowd, said, “We have the votes.”",
        "We have the votes",
        "Orla Finch",
    );
    // Age, home town and state in apposition, then a relative clause.
    check(
        "“Both of them worry me,” Tom Brandt, 41, of Dayton, Ohio, who was among those polled, said later.",
        "Both of them",
        "Tom Brandt",
    );
    // A one-word title after a first name is a surname.
    check(
        "“We are not done,” Mary Judge said on a call with reporters.",
        "We are not done",
        "Mary Judge",
    );
    // A phrasal verb of speech, and a particle between the cue and its `that`.
    check(
        "After the mayor spoke, Ruth Alder fired back: “The numbers are wrong.”",
        "The numbers",
        "Ruth Alder",
    );
    check(
        "Ruth Alder pointed out that the figures were old.",
        "the figures were old",
        "Ruth Alder",
    );
    // Read out: a document read from, after the quote.
    check(
        "“We regret the error,” read the statement from the Harbor Authority.",
        "We regret",
        "Harbor Authority",
    );
    // An abbreviated title after an exclamation that ends the quote.
    check(
        "“What a week!” Rep. Cal Ortega, R-Tex., said of the session.",
        "What a week",
        "Cal Ortega",
    );
}

#[test]
fn surnames_lone_names_bodies_and_indefinites() {
    // A one-word title that ends the name is a surname, even after a given name the
    // lexicon does not list.
    check(
        "“The audit is late,” said Ines Bishop.",
        "The audit is late",
        "Ines Bishop",
    );
    // A lone name ending like an adverb, after a quotation, is a name.
    check(
        "“The audit is late,” Donnelly said.",
        "The audit is late",
        "Donnelly",
    );
    // A quotation closed with an opening mark still ends before an inverted cue.
    check(
        "“The audit is late,“ said Rosa Vance.",
        "The audit is late",
        "Rosa Vance",
    );
    // A participle's subject: a body that opens the sentence, or the phrase right before
    // it, past its preposition.
    check(
        "The Harbor Authority released a statement on Monday, saying the audit was late.",
        "the audit was late",
        "Harbor Authority",
    );
    check(
        "Vance, in the wake of a report showing the audit was late, told reporters he was calm.",
        "the audit was late",
        "report",
    );
    // A lone indefinite names nobody: not the sentence's subject either.
    check(
        "Many mayors have said they will attend and others have said they will stay home.",
        "they will stay home",
        "(no statement)",
    );
}

#[test]
fn openers_appositions_and_participle_objects() {
    // An apposition after the name ends the subject; "And then" opens the sentence.
    check(
        "Rosa Vance, the mayor's sister, issued a statement on Monday, saying the audit was late.",
        "the audit was late",
        "Rosa Vance",
    );
    check(
        "And then Rosa Vance went on the attack, saying, “The audit is late.”",
        "The audit is late",
        "Rosa Vance",
    );
    // A name or a plural that a preposition governs right before a participle is its
    // object, not its subject.
    check(
        "“The audit is late,” Rosa Vance wrote in a note to Reuters explaining her vote, “and the fines are due.”",
        "and the fines are due",
        "Rosa Vance",
    );
}

#[test]
fn inverted_verbs_and_closed_relative_clauses() {
    // An inverted verb of speech opening the sentence, before a name.
    check(
        "The audit came late. Said Rosa Vance, “We were never told.”",
        "We were never told",
        "Rosa Vance",
    );
    check(
        "Said Rosa Vance: “We were never told.”",
        "We were never told",
        "Rosa Vance",
    );
    // Right after a quotation, a speech act reports it whatever follows the verb.
    check(
        "“Our ideas are different,” agrees Ines Bishop, 30, of Dayton.",
        "Our ideas are different",
        "Ines Bishop",
    );
    // After a comma, a full name that closes the clause speaks, whatever came before.
    check(
        "Coal use has fallen in many towns, and it has lost its old hold on Wales, said Rosa Vance, an economist at Leeds.",
        "Coal use has fallen",
        "Rosa Vance",
    );
    // A quotation ending in an auxiliary does not make the verb after it a passive.
    check(
        "“She will be,” said Rosa Vance, a friend.",
        "She will be",
        "Rosa Vance",
    );
    // A "whose" clause with its own verb ends the subject before it.
    check(
        "The county clerks whose offices were closed say the count was fair.",
        "the count was fair",
        "county clerks",
    );
    // A lower-case "former" opens the subject after an opening phrase.
    check(
        "Weighing in, former Gov. Rosa Vance agreed, praising the mayor as “a steady hand.”",
        "the mayor as",
        "Rosa Vance",
    );
    // A name a participle's preposition governs speaks through the participle.
    check(
        "Members were angry about the plan, with Sen. Tom Holt calling it a “mess.”",
        "it a",
        "Tom Holt",
    );
    // A quote's cue whose subject names no one the story named: the phrase speaks.
    check(
        "Rosa Vance spoke first. Later, the Ohio treasurer told reporters, “it starts to pay off.”",
        "it starts",
        "Ohio treasurer",
    );
    // After a relative clause, a name followed by a verb opens the reported clause.
    check(
        "Sen. Rosa Vance (D-Ore.), who has endorsed Holt, said Tom Brandt has pushed him to the left.",
        "Tom Brandt has pushed",
        "Rosa Vance",
    );
    // A relative clause ends the phrase after an inverted cue.
    check(
        "“It was handled lightly,” said a former U.S. trade official who followed the case.",
        "It was handled",
        "former U.S. trade official",
    );
    // A sentence's first word in -ing or -ly is no name; a surname in -ing after an
    // opener is one.
    check(
        "Pivoting to cuts too soon, a wide array of economists say, slowed the recovery.",
        "Pivoting to cuts",
        "wide array of economists",
    );
    check(
        "Walking to the next house, Ebeling said their views had changed.",
        "their views",
        "Ebeling",
    );
    // A determiner, quantifier or people's adjective opening the sentence is no name.
    check(
        "One ranking puts him first. Another ranking says he is not even rich.",
        "he is not even rich",
        "Another ranking",
    );
    check(
        "One poll is a snapshot, and many other polls show Tom Holt ahead.",
        "Tom Holt ahead",
        "many other polls",
    );
    // A people's adjective before an -ing noun is no participle's subject, and a
    // passive aside ("X, asked about Y, insisted") is no statement of X's.
    check(
        "Leaders hailed guarantees with American backing and laid out a plan for Kyiv.",
        "guarantees with American backing",
        "leaders",
    );
    check(
        "Witkoff, asked about Washington’s role, insisted that Trump stands behind the plan.",
        "about Washington",
        "(no statement)",
    );
    // Not a name the verb takes as its object.
    check(
        "The rally was loud, and Ines Bishop, the mayor, endorsed Tom Holt for governor.",
        "Tom Holt for governor",
        "Ines Bishop",
    );
    // A relative clause closed by a later "that" is not the cue's subject.
    check(
        "The hearing grew so heated over who had the bill that Rosa Vance said, “I need a translator.”",
        "I need a translator",
        "Rosa Vance",
    );
    // A preposition inside the relative clause does not close it.
    check(
        "Residents who met with the mayor before the vote said the plan would fail.",
        "the plan would fail",
        "residents",
    );
}

#[test]
fn opening_adverbs_and_participles_are_no_subject() {
    // An opening -ly or -ing phrase ends at its comma; the subject follows it, and a
    // participle later in the sentence shares that subject.
    check(
        "Facing criticism from both parties, Rosa Vance released a statement, describing the audit as late.",
        "the audit as late",
        "Rosa Vance",
    );
    check(
        "Ultimately, Rosa Vance refused to sign the audit, insisting that it was late.",
        "it was late",
        "Rosa Vance",
    );
    check(
        "Once in office, Rosa Vance moved quickly, announcing an audit of the port.",
        "an audit of the port",
        "Rosa Vance",
    );
    // A date before the cue is no subject; after "but" the sentence's subject speaks,
    // and a determiner before a name opens it.
    check(
        "The Ledger columnist Rosa Vance has been critical of the mayor but on Tuesday wrote that the audit was late.",
        "the audit was late",
        "Rosa Vance",
    );
    check(
        "Rosa Vance on Monday night said the audit was late.",
        "the audit was late",
        "Rosa Vance",
    );
    // An adverb right before a name is one word; a preposition opens a phrase to a comma.
    check(
        "Meanwhile Rosa Vance, who was honored with the award, spoke about the importance of audits.",
        "the importance of audits",
        "Rosa Vance",
    );
    check(
        "In Dayton, Rosa Vance said the audit was late.",
        "the audit was late",
        "Rosa Vance",
    );
    // A quantity opens such a phrase too.
    check(
        "One of the men, Rosa Vance, 70, had served in the navy and said the audit was late.",
        "the audit was late",
        "Rosa Vance",
    );
    check(
        "One month after backing the mayor, Rosa Vance moved on, announcing an audit of the port.",
        "an audit of the port",
        "Rosa Vance",
    );
    // A first name ending in -ing or -ly opens a name, not a phrase.
    check(
        "Kelly Pike visited the port on Monday, saying the audit was late.",
        "the audit was late",
        "Kelly Pike",
    );
}

/// A verb of evidence whose subject is a document speaks for the document, even inside a
/// clause that a subordinator or a preposition opens (not the sentence's subject).
#[test]
fn documents_speak_by_verbs_of_evidence() {
    let cases = [
        (
            "The mayor's team changed course as polls show Dana Voss gaining ground in the east.",
            "Dana Voss gaining",
            "polls",
        ),
        (
            "Mr. Pell will campaign in a county where polls show Ms. Ruiz trailing Tom Holt.",
            "Ms. Ruiz trailing",
            "polls",
        ),
        (
            "While Ruiz voices confidence, national polling shows why her allies worry.",
            "why her allies",
            "national polling",
        ),
        (
            "Ann Grey spoke on Monday, and many other polls show Tom Holt ahead.",
            "Tom Holt ahead",
            "many other polls",
        ),
        (
            "Her first videos show a calmer activist than the one on stage.",
            "a calmer activist",
            "first videos",
        ),
        (
            "The fund grew fast, as state records show most gifts came from abroad.",
            "most gifts came",
            "state records",
        ),
        (
            "Ruiz and Holt are in a tight race, with polls showing her lead gone.",
            "her lead gone",
            "polls",
        ),
        (
            "Ruiz wants to cement what polls show is a wide lead.",
            "is a wide lead",
            "polls",
        ),
    ];
    for (input, words, speaker) in cases {
        check(input, words, speaker);
    }
}

/// A count of people is a group that speaks: a share ("74 percent", "29%") or a fraction
/// ("three-fourths"), not the person named before it; a coordinator that joins the clause
/// is no part of the speaker.
#[test]
fn counts_of_people_and_coordinated_subjects() {
    let cases = [
        (
            "Among Pell voters, 74 percent said they are set on voting for him.",
            "they are set",
            "74 percent",
        ),
        (
            "In the Ledger poll, 29% said they had not decided.",
            "they had not",
            "29%",
        ),
        (
            "By 2-1, students see a problem, and three-fourths say the rules should change.",
            "the rules should",
            "three-fourths",
        ),
        (
            "The plan failed, and officials said the money was gone.",
            "the money was",
            "officials",
        ),
    ];
    for (input, words, speaker) in cases {
        check(input, words, speaker);
    }
}
