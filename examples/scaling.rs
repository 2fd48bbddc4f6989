//! The scaling table: the cost per unit (mark, name, paragraph, line, marker) of a full
//! analysis of hostile texts (`benches/support/hostile.rs`) at 10^3 .. 10^6 units. A
//! linear step shows a flat column; a quadratic one grows tenfold per row.
//!
//! ```text
//! cargo run --release --example scaling                 # every workload, up to 10^5
//! cargo run --release --example scaling -- 1000000      # up to 10^6
//! cargo run --release --example scaling -- 100000 names # one workload
//! ```
//!
//! A size is skipped once the previous one took longer than 20 s.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::{analyze, Config, Format};

#[path = "../benches/support/hostile.rs"]
mod hostile;

fn main() {
    let mut args = std::env::args().skip(1);
    let max: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let only: Vec<String> = args.collect();
    let config = Config::default();
    // The gazetteer is parsed on first use: not part of any row.
    analyze(&hostile::names(10), Format::Plain, &config);
    println!(
        "{:<16} {:>9} {:>10} {:>12} {:>12} {:>9}",
        "workload", "n", "bytes", "total", "per unit", "findings"
    );
    for &(name, unit, make) in hostile::WORKLOADS {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let mut n = 1_000;
        let mut last = Duration::ZERO;
        while n <= max {
            if last > Duration::from_secs(20) {
                println!("{name:<16} {n:>9} (skipped: the last size took {last:.1?})");
                break;
            }
            let text = make(n);
            // Small sizes: repeat to smooth the clock; at least one run.
            let reps = (200_000 / n).clamp(1, 50);
            let t = Instant::now();
            let mut findings = 0;
            for _ in 0..reps {
                findings = black_box(analyze(black_box(&text), Format::Plain, &config))
                    .findings
                    .len();
            }
            last = t.elapsed() / reps as u32;
            let per = last.as_secs_f64() * 1e9 / n as f64;
            println!(
                "{name:<16} {n:>9} {:>10} {:>10.2?} {:>9.0} ns/{unit} {findings:>9}",
                text.len(),
                last,
                per,
            );
            n *= 10;
        }
    }
}
