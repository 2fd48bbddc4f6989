//! A fixed workload for profilers (callgrind, perf): analyse a file N times.
//!
//! ```text
//! cargo build --release --example profile_analyze
//! valgrind --tool=callgrind target/release/examples/profile_analyze samples/ap-city-council.txt 200
//! ```
//!
//! Instruction counts from callgrind do not depend on the machine's load, so they are the
//! figure to compare before and after a change on a shared machine.
//!
//! With `--typing` as the third argument, each analysis follows a one-character edit in
//! the middle of the text (typed, then deleted, alternately) and reuses the previous
//! analysis's per-paragraph work, as the language server does on each keystroke.
//!
//! With `--desk-rules N` (after the other arguments), the configuration holds a generated
//! desk rule sheet of N rules (`benches/support/desk_sheet.rs`), compiled before the clock
//! starts, as the server and `check` compile it once per configuration.

use std::hint::black_box;
use std::time::Instant;

use copydesk::{analyze, analyze_reusing, Config, Format, Reuse};

/// The binary's allocator (`src/main.rs`), so the workload measures what the binary runs.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[path = "../benches/support/desk_sheet.rs"]
mod desk_sheet;

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
    let rest: Vec<String> = args.collect();
    let typing = rest.iter().any(|a| a == "--typing");
    let desk_rules: usize = rest
        .iter()
        .position(|a| a == "--desk-rules")
        .and_then(|i| rest.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let format = Format::from_path(&path);
    let config = if desk_rules > 0 {
        desk_sheet::config_with_rules(desk_rules)
    } else {
        Config::default()
    };
    // The middle of the text, on a character boundary.
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut edited = text.clone();
    let mut reuse = Reuse::default();
    if typing {
        analyze_reusing(&edited, format, &config, &mut reuse);
    }
    let t = Instant::now();
    let mut findings = 0;
    for i in 0..n {
        let analysis = if typing {
            if i % 2 == 0 {
                edited.insert(at, 'x');
            } else {
                edited.remove(at);
            }
            analyze_reusing(black_box(&edited), format, &config, &mut reuse)
        } else {
            analyze(black_box(&text), format, &config)
        };
        findings += black_box(analysis).findings.len();
    }
    let each = t.elapsed() / n.max(1) as u32;
    eprintln!(
        "{path}: {n} analyses{}, {:.1} µs each (wall clock), {} findings each",
        if typing {
            " after a keystroke each, reusing"
        } else {
            ""
        },
        each.as_secs_f64() * 1e6,
        findings / n.max(1)
    );
}
