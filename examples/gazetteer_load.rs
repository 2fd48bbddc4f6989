//! Measure the gazetteer's lazy load and a typo lookup:
//! `cargo run --release --example gazetteer_load`.
//!
//! The server never touches the gazetteer during `initialize`; the first analysis of a
//! document with a dateline pays this once.

use std::time::Instant;

use copydesk::gazetteer;

/// CPU time of this thread in nanoseconds (Linux), which a busy machine does not inflate
/// the way it inflates wall time.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn main() {
    assert!(!gazetteer::is_loaded());
    let cpu0 = cpu_ns();
    let t = Instant::now();
    let g = gazetteer::gazetteer();
    let first = t.elapsed();
    let cpu = cpu_ns().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
    println!(
        "first use: {:.2} ms wall ({} CPU) for {} places",
        first.as_secs_f64() * 1000.0,
        cpu.map_or("n/a".to_string(), |ns| format!("{:.2} ms", ns as f64 / 1e6)),
        g.len(),
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
