//! Table tests of the mention reader: one noun phrase a line, and what it names.

use super::*;

fn np(s: &str) -> Option<MentionKind> {
    parse_np(s, Span::new(0, s.len())).map(|m| m.kind)
}
fn person(name: &str, role: &str) -> Option<MentionKind> {
    Some(MentionKind::Person {
        name: name.into(),
        role: role.into(),
    })
}
fn body(name: &str) -> Option<MentionKind> {
    Some(MentionKind::Body { name: name.into() })
}

#[test]
fn people_with_roles() {
    assert_eq!(
        np("French President Emmanuel Macron"),
        person("Emmanuel Macron", "French President")
    );
    assert_eq!(
        np("U.S. envoy Steve Witkoff"),
        person("Steve Witkoff", "U.S. envoy")
    );
    assert_eq!(
        np("Gen. Alexus Grynkewich"),
        person("Alexus Grynkewich", "Gen.")
    );
    assert_eq!(np("Witkoff"), person("Witkoff", ""));
    assert_eq!(
        np("Donald Trump’s son-in-law Jared Kushner"),
        person("Jared Kushner", "son-in-law")
    );
    assert_eq!(
        np("Greek Prime Minister Kyriakos Mitsotakis"),
        person("Kyriakos Mitsotakis", "Greek Prime Minister")
    );
}

#[test]
fn bodies_and_pronouns() {
    assert_eq!(
        np("the joint statement put out by the so-called coalition of the willing"),
        body("joint statement")
    );
    assert_eq!(np("the leaders’ statement"), body("joint statement"));
    assert_eq!(
        np("Officials familiar with the discussions"),
        body("officials familiar with the discussions")
    );
    assert_eq!(
        np("Greek government officials"),
        body("Greek government officials")
    );
    assert_eq!(
        np("A joint statement from coalition leaders"),
        body("joint statement")
    );
    // A bare "statement" is the family only in an article that names it in full.
    assert_eq!(np("The statement"), body("statement"));
    assert_eq!(
        np("The port council released a statement"),
        body("port council")
    );
    assert_eq!(
        np("A statement from the Harbor Authority"),
        body("Harbor Authority")
    );
    assert_eq!(np("Coalition leaders"), body("coalition leaders"));
    assert_eq!(np("European officials"), body("European officials"));
    assert_eq!(np("France and the U.K."), body("France and the U.K."));
    assert_eq!(np("Ukraine"), body("Ukraine"));
    assert_eq!(np("he"), Some(MentionKind::Pronoun { person: true }));
    assert_eq!(np("they"), Some(MentionKind::Pronoun { person: false }));
    assert_eq!(
        np("the minister"),
        Some(MentionKind::Role {
            title: "minister".into()
        })
    );
    assert_eq!(
        np("the company’s chief executive"),
        Some(MentionKind::Role {
            title: "chief executive".into()
        })
    );
    assert_eq!(
        np("the French president"),
        Some(MentionKind::Role {
            title: "president".into()
        })
    );
}

/// One case a line: a noun phrase before or after a speech verb, and what it names
/// (`P name | role`, `B name`, or `-` for no speaker).
fn check(input: &str, expect: &str) {
    let got = match np(input) {
        Some(MentionKind::Person { name, role }) if role.is_empty() => format!("P {name}"),
        Some(MentionKind::Person { name, role }) => format!("P {name} | {role}"),
        Some(MentionKind::Body { name }) => format!("B {name}"),
        Some(other) => format!("{other:?}"),
        None => "-".to_string(),
    };
    assert_eq!(got, expect, "{input}");
}

#[test]
fn speakers_are_people_or_bodies() {
    check("If Democrats", "B Democrats");
    check("When Hannity", "P Hannity");
    check("Continuing", "-");
    check("Shortly", "-");
    check("Chicago", "-");
    check("Austin, Texas", "-");
    check("Russia", "B Russia");
    check("DENVER Nov.", "-");
    check("Nov.", "-");
    check("One in four", "B one in four");
    check("Almost half of the delegates", "B half of the delegates");
    check("Most", "B most");
    check("Majority Leader Ana Ruiz", "P Ana Ruiz | Majority Leader");
    check(
        "Rep. Dana Whitlock (R-Ind.)",
        "P Dana Whitlock | Rep. R-Ind",
    );
    check(
        "Sen. Mara Lindqvist, D-Minn.",
        "P Mara Lindqvist | Sen. D-Minn",
    );
    check(
        "Secretary of State Orla Brennan",
        "P Orla Brennan | Secretary of State",
    );
    check("Ravi Anand — Yale-educated cardiologist", "P Ravi Anand");
    check("Mayor Tomas Ruiz Says Budget Holds", "P Tomas Ruiz | Mayor");
    check("NEIGHBORS", "-");
    check("The ad", "B ad");
    check("a reporter", "B reporter");
    check("another supporter", "B supporter");
    check(
        "the gambling magnate",
        "Role { title: \"gambling magnate\" }",
    );
    check("the affected", "-");
    check("the most", "-");
}

#[test]
fn an_auxiliary_ends_the_phrase() {
    let cases = [
        (
            "The Washington Post will brand you a liar",
            body("Washington Post"),
        ),
        (
            "anti-abortion movement has traditionally",
            body("anti-abortion movement"),
        ),
        ("She has since", Some(MentionKind::Pronoun { person: true })),
        ("was defending the organization", None),
        (
            "rules were changed by Mayor Paul Ortiz",
            person("Paul Ortiz", "Mayor"),
        ),
        // As written: a capitalised "Will" is a name, not an auxiliary.
        ("Rep. Will Hurd", person("Will Hurd", "Rep.")),
    ];
    for (input, expect) in cases {
        assert_eq!(np(input), expect, "{input}");
    }
}
