//! The seed corpus file that build.rs embeds is what the engine makes of the seeds now.
//! (The corpus file format's own tests are in crates/cli/tests/pack.rs.)
#![cfg(not(target_arch = "wasm32"))]

use quoteline_core::corpus::compare::{compare, GROUP_THRESHOLD};
use quoteline_core::corpus::topics::names as topic_names;
use quoteline_core::formats::pack;

#[test]
fn the_seed_pack_built_by_build_rs_is_the_seeds_extracted_now() {
    // The app opens with SEED_PACK instead of extracting the seeds: it must be exactly
    // what the core makes of them (same statements, speakers, groups, same bytes).
    let c = quoteline::seed_corpus();
    let cmp = compare(&c, GROUP_THRESHOLD);
    let now = pack::encode(&c, &cmp, &topic_names(), pack::SEED_GENERATOR);
    assert!(
        now == quoteline::SEED_PACK,
        "SEED_PACK ({} bytes) differs from the seeds extracted now ({} bytes)",
        quoteline::SEED_PACK.len(),
        now.len()
    );
    let built = quoteline::built_seed_corpus().expect("SEED_PACK reads back");
    assert_eq!(built.entries.len(), c.entries.len());
    assert!(!built.entries.is_empty());
}
