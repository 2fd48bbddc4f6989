//! A fixed workload for profilers (callgrind, perf): analyse a file N times.
//!
//! ```text
//! cargo build --release --example profile_analyze
//! valgrind --tool=callgrind target/release/examples/profile_analyze samples/ap-city-council.txt 200
//! ```
//!
//! Instruction counts from callgrind do not depend on the machine's load, so they are the
//! figure to compare before and after a change on a shared machine.

use std::hint::black_box;
use std::time::Instant;

use copydesk::{analyze, Config, Format};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/ap-city-council.txt").into()
    });
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("profile_analyze: cannot read {path}: {e}");
        std::process::exit(2)
    });
    let format = Format::from_path(&path);
    let config = Config::default();
    let t = Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += black_box(analyze(black_box(&text), format, &config))
            .findings
            .len();
    }
    let each = t.elapsed() / n.max(1) as u32;
    eprintln!(
        "{path}: {n} analyses, {:.1} µs each (wall clock), {} findings each",
        each.as_secs_f64() * 1e6,
        findings / n.max(1)
    );
}
