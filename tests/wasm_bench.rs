//! Extraction throughput in WebAssembly, in headless Chromium: the same synthetic corpus
//! as `quoteline bench` (seed 1, 10 MB), timed with the browser clock. Prints MB/s; it
//! asserts only that statements were found, never a time. Run with `make bench`
//! (`cargo test --release --target wasm32-unknown-unknown --test wasm_bench`).
#![cfg(target_arch = "wasm32")]

use quoteline_core::synth::{generate, SynthParams};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn extraction_throughput_in_wasm() {
    let mb: f64 = option_env!("QUOTELINE_BENCH_MB")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let arts = generate(&SynthParams::for_bytes(1, (mb * 1e6) as usize)).expect("valid parameters");
    let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
    let mut times = Vec::new();
    let mut statements = 0;
    for _ in 0..3 {
        let t = js_sys::Date::now();
        statements = arts
            .iter()
            .map(|a| quoteline_core::extract::extract(&a.text).statements.len())
            .sum::<usize>();
        times.push((js_sys::Date::now() - t) / 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[1];
    console_log!(
        "wasm extract: {:.1} MB/s (median of 3: {:.3} s; {} articles, {:.1} MB, {} statements)",
        bytes as f64 / 1e6 / median,
        median,
        arts.len(),
        bytes as f64 / 1e6,
        statements
    );
    assert!(
        statements > arts.len(),
        "the benchmark corpus yielded almost no statements"
    );
}
