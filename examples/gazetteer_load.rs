//! Measure the gazetteer's lazy load and a typo lookup:
//! `cargo run --release --example gazetteer_load`.
//!
//! The server never touches the gazetteer during `initialize`; the first analysis of a
//! document with a dateline pays this once.

use std::time::Instant;

use copydesk::gazetteer;

fn main() {
    assert!(!gazetteer::is_loaded());
    let t = Instant::now();
    let g = gazetteer::gazetteer();
    let first = t.elapsed();
    println!(
        "first use: {:.2} ms for {} places (parse and index: {:.2} ms)",
        first.as_secs_f64() * 1000.0,
        g.len(),
        g.load_time().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let n = 1000;
    for _ in 0..n {
        std::hint::black_box(g.lookup("ST. PETERSBURG"));
    }
    println!(
        "lookup: {:.2} µs each",
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
    let t = Instant::now();
    let near = g.nearest("BEIJNG", 3);
    println!(
        "nearest(BEIJNG) = {:?}: {:.2} ms",
        near.first().map(|n| &n.key),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let text = "Headline\n\nBEIJING, Sept. 19 (Xinhua) -- Officials met on Thursday.\n";
    let config = copydesk::Config::default();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(copydesk::analyze(text, copydesk::Format::Plain, &config));
    }
    println!(
        "analyze (short story with a dateline): {:.2} µs each",
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
}
