//! Engine benchmarks: `cargo bench --bench engine`.
//!
//! Targets (issue #7, see BENCHMARKS.md): full analysis of the 1,000-word sample
//! <= 100 µs median; full analysis of a 1 MB file of many stories <= 50 ms; one
//! incremental edit applied to a 1 MB rope with positions converted <= 10 µs.
//! Benchmarks are measurements, never tests: nothing here asserts a duration.
//!
//! `keystroke/...`: one character typed and analysed with `analyze_reusing` (the server's
//! per-keystroke work, reusing unchanged paragraphs).
//!
//! Every benchmark runs twice: with criterion's wall clock (groups `analyze`, `keystroke`, `parse`,
//! `edit`), and with the benchmark thread's CPU time (groups `cpu-time/...`, read with
//! `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`). On a shared machine the wall clock also
//! counts the time the thread waited for a core; the CPU time does not, so it is the figure
//! that stays put when other work loads the machine. Filter with e.g.
//! `cargo bench --bench engine -- cpu-time/`.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use copydesk::article::{self, Format};
use copydesk::text::{Change, Document, Encoding, Position};
use copydesk::{analyze, analyze_reusing, Config, Reuse};

/// The binary's allocator (`src/main.rs`), so the benchmarks measure what the binary runs.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[path = "support/stories.rs"]
mod stories;

#[path = "support/desk_sheet.rs"]
mod desk_sheet;
#[path = "support/hostile.rs"]
mod hostile;

const AP: &str = include_str!("../samples/ap-city-council.txt");

/// About `bytes` of plain-text stories: the samples one after another, separated by
/// blank lines, as a wire archive dump or a desk's day file holds them.
fn many_stories(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8 * 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(stories::SAMPLES[i % stories::SAMPLES.len()].trim_end());
        out.push_str("\n\n\n");
        i += 1;
    }
    out
}

fn analysis<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    let config = Config::default();
    let mut g = c.benchmark_group(format!("{prefix}analyze"));
    g.throughput(Throughput::Bytes(AP.len() as u64));
    g.bench_function("ap-city-council (1,000 words)", |b| {
        b.iter(|| analyze(black_box(AP), Format::Plain, &config))
    });
    // Issue 14's budget: a 1,000-rule desk sheet adds at most 20 % to the line above.
    let desk = desk_sheet::config_with_rules(1000);
    g.bench_function("ap-city-council (1,000 words), 1,000 desk rules", |b| {
        b.iter(|| analyze(black_box(AP), Format::Plain, &desk))
    });
    g.finish();

    let big = many_stories(1 << 20);
    let mut g = c.benchmark_group(format!("{prefix}analyze"));
    g.sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("many stories (1 MB)", |b| {
        b.iter(|| analyze(black_box(&big), Format::Plain, &config))
    });
    let long = stories::one_long_story(1 << 20, AP);
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("one story of 1 MB, every paragraph different", |b| {
        b.iter(|| analyze(black_box(&long), Format::Plain, &config))
    });
    g.finish();
}

/// What the language server runs per keystroke: one character typed into (then deleted
/// from, alternately) the middle of the document, analysed with the per-paragraph work the
/// previous analysis kept (`analyze_reusing`).
fn keystroke<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    let config = Config::default();
    let mut g = c.benchmark_group(format!("{prefix}keystroke"));
    let long = stories::one_long_story(1 << 20, AP);
    for (name, text, samples) in [
        (
            "ap-city-council (1,000 words), reusing",
            AP.to_string(),
            100,
        ),
        (
            "one story of 1 MB (every paragraph different), reusing",
            long,
            20,
        ),
    ] {
        g.sample_size(samples);
        g.bench_function(name, |b| {
            let mut at = text.len() / 2;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut edited = text.clone();
            let mut reuse = Reuse::default();
            analyze_reusing(&edited, Format::Plain, &config, &mut reuse);
            let mut n = 0u32;
            b.iter(|| {
                if n % 2 == 0 {
                    edited.insert(at, 'x');
                } else {
                    edited.remove(at);
                }
                n = n.wrapping_add(1);
                analyze_reusing(black_box(&edited), Format::Plain, &config, &mut reuse)
            })
        });
    }
    g.finish();
}

fn parse<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    let mut g = c.benchmark_group(format!("{prefix}parse"));
    g.throughput(Throughput::Bytes(AP.len() as u64));
    g.bench_function("ap-city-council (1,000 words)", |b| {
        b.iter(|| article::parse(black_box(AP), Format::Plain))
    });
    g.finish();
}

/// One keystroke in the middle of a 1 MB document, as `didChange` delivers it: a UTF-16
/// range converted to a char index, the rope edited, and the position of an offset past
/// the edit converted back (as publishing a diagnostic does).
fn edit<M: Measurement + 'static>(c: &mut Criterion<M>, prefix: &str) {
    // Curly quotes and em dashes in every story make UTF-16 and byte columns differ.
    let big = many_stories(1 << 20);
    let doc = Document::new(&big, 0);
    let lines = doc.rope().len_lines() as u32;
    let line = lines / 2;
    let probe = big.len() / 2 + 5_000;
    let insert = Change {
        range: Some((Position::new(line, 10), Position::new(line, 10))),
        text: "x".into(),
    };
    let delete = Change {
        range: Some((Position::new(line, 10), Position::new(line, 11))),
        text: String::new(),
    };
    let mut g = c.benchmark_group(format!("{prefix}edit"));
    g.bench_function("keystroke in a 1 MB rope, utf-16, + position", |b| {
        let mut doc = doc.clone();
        let mut n = 0u32;
        b.iter(|| {
            // Alternate insert and delete so the document stays the same size.
            let change = if n % 2 == 0 { &insert } else { &delete };
            n = n.wrapping_add(1);
            doc.apply(black_box(change), Encoding::Utf16);
            black_box(doc.position(black_box(probe), Encoding::Utf16))
        })
    });
    // For scale: what a full-sync server pays instead (rebuilding the rope).
    g.sample_size(20);
    g.bench_function("full-text replacement of a 1 MB rope", |b| {
        let full = Change {
            range: None,
            text: big.clone(),
        };
        b.iter_batched_ref(
            || doc.clone(),
            |d| {
                d.apply(black_box(&full), Encoding::Utf16);
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// The calling thread's CPU time, in nanoseconds.
pub struct ThreadCpuTime;

fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant Linux knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &NanosFormatter
    }
}

/// Formats nanoseconds as criterion's wall clock does (ns, µs, ms, s; bytes per second).
struct NanosFormatter;

impl ValueFormatter for NanosFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        for v in values {
            *v *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let (per_op, unit, div) = match *throughput {
            Throughput::Bytes(b) | Throughput::BytesDecimal(b) => {
                (b as f64, "MiB/s", 1024.0 * 1024.0)
            }
            Throughput::Elements(e) => (e as f64, "Melem/s", 1e6),
        };
        let _ = typical;
        for v in values {
            *v = per_op * (1e9 / *v) / div;
        }
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// Parsing the embedded gazetteer (`data/gazetteer.tsv`, about 1.3 MB), which the server
/// does once, lazily, on first use.
fn gazetteer<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    const DATA: &str = include_str!("../data/gazetteer.tsv");
    let mut g = c.benchmark_group(format!("{prefix}gazetteer"));
    g.sample_size(20)
        .throughput(Throughput::Bytes(DATA.len() as u64));
    g.bench_function("parse data/gazetteer.tsv", |b| {
        b.iter(|| copydesk::gazetteer::Gazetteer::parse(black_box(DATA)))
    });
    g.finish();
}

/// `scaling/WORKLOAD/N`: a full analysis of a hostile text of N marks, names, paragraphs,
/// lines or markers (`benches/support/hostile.rs`), N = 10^3, 10^4, 10^5. Throughput is
/// in units, so criterion's "elem/s" is the cost per unit: flat when the step is linear.
/// `examples/scaling.rs` prints the same table quickly (and at 10^6).
fn scaling<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
    let config = Config::default();
    for &(name, _, make) in hostile::WORKLOADS {
        let mut g = c.benchmark_group(format!("{prefix}scaling/{name}"));
        g.sample_size(10).measurement_time(Duration::from_secs(2));
        // `cargo test --all-targets` runs each benchmark once in a debug build: there the
        // smallest size shows the benchmark works; the larger ones are for `cargo bench`.
        let sizes: &[usize] = if cfg!(debug_assertions) {
            &[1_000]
        } else {
            &[1_000, 10_000, 100_000]
        };
        for &n in sizes {
            let text = make(n);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_function(n.to_string(), |b| {
                b.iter(|| analyze(black_box(&text), Format::Plain, &config))
            });
        }
        g.finish();
    }
}

fn wall(c: &mut Criterion<WallTime>) {
    gazetteer(c, "");
    analysis(c, "");
    keystroke(c, "");
    parse(c, "");
    edit(c, "");
    scaling(c, "");
}

fn cpu(c: &mut Criterion<ThreadCpuTime>) {
    gazetteer(c, "cpu-time/");
    analysis(c, "cpu-time/");
    keystroke(c, "cpu-time/");
    parse(c, "cpu-time/");
    edit(c, "cpu-time/");
}

fn config<M: Measurement>(c: Criterion<M>) -> Criterion<M> {
    c.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = wall_clock;
    config = config(Criterion::default());
    targets = wall
}
criterion_group! {
    name = cpu_time;
    config = config(Criterion::default().with_measurement(ThreadCpuTime));
    targets = cpu
}
criterion_main!(wall_clock, cpu_time);
