//! The reduce of a split pack: corpora of one article each (what `quoteline prepare`
//! prints and `pack --sharded` makes on every core) merged into the archive's corpus.
//!
//! Everything local to an article (extraction, dating, topics, ids, context events) is
//! already done in its own corpus; what is left is archive-wide: the speaker merge, the
//! one `Corpus::assemble` runs ([`SpeakerMerge`]), and the speaker table, so the archive
//! equals the one-file corpus of the same articles (`crates/cli/tests/shard.rs` holds
//! them equal).

use quoteline_core::corpus::speakers::SpeakerMerge;
use quoteline_core::corpus::Corpus;
use quoteline_core::lexicon::SPEAKERS;

/// Merges one-article corpora, in the order given, into the archive's corpus.
pub fn merge(parts: Vec<Corpus>) -> Corpus {
    let mut speakers =
        SpeakerMerge::new(parts.iter().flat_map(|p| &p.entries).map(|e| &e.statement));
    let mut corpus = Corpus::default();
    for part in parts {
        let base = corpus.articles.len();
        let text = part.articles.first().map_or("", |a| a.text.as_str());
        for mut e in part.entries {
            e.speaker = speakers.of(&e.statement, text);
            e.article += base;
            corpus.entries.push(e);
        }
        corpus.events.extend(part.events.into_iter().map(|mut ev| {
            ev.article += base;
            ev
        }));
        corpus.articles.extend(part.articles);
    }
    corpus.speakers = speakers.finish();
    corpus.apply_speaker_table(SPEAKERS);
    corpus
}
