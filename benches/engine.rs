//! Engine benchmarks: `cargo bench --bench engine`.
//!
//! Targets (issue #7, see BENCHMARKS.md): full analysis of the 1,000-word sample
//! <= 100 µs median; full analysis of a 1 MB file of many stories <= 50 ms; one
//! incremental edit applied to a 1 MB rope with positions converted <= 10 µs.
//! Benchmarks are measurements, never tests: nothing here asserts a duration.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use copydesk::article::{self, Format};
use copydesk::text::{Change, Document, Encoding, Position};
use copydesk::{analyze, Config};

const AP: &str = include_str!("../samples/ap-city-council.txt");

/// Every sample in `samples/`, with its format.
const SAMPLES: &[(&str, Format)] = &[
    (include_str!("../samples/ap-city-council.txt"), Format::Plain),
    (include_str!("../samples/afp-summit.md"), Format::Markdown),
    (include_str!("../samples/bloomberg-bonds.txt"), Format::Plain),
    (include_str!("../samples/reuters-markets.txt"), Format::Plain),
    (include_str!("../samples/upi-storm.txt"), Format::Plain),
    (include_str!("../samples/xinhua-grain-deal.txt"), Format::Plain),
    (include_str!("../samples/xinhua-un.md"), Format::Markdown),
];

/// About `bytes` of plain-text stories: the samples one after another, separated by
/// blank lines, as a wire archive dump or a desk's day file holds them.
fn many_stories(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8 * 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(SAMPLES[i % SAMPLES.len()].0.trim_end());
        out.push_str("\n\n\n");
        i += 1;
    }
    out
}

fn analysis(c: &mut Criterion) {
    let config = Config::default();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(AP.len() as u64));
    g.bench_function("ap-city-council (1,000 words)", |b| {
        b.iter(|| analyze(black_box(AP), Format::Plain, &config))
    });
    g.finish();

    let big = many_stories(1 << 20);
    let mut g = c.benchmark_group("analyze");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("many stories (1 MB)", |b| {
        b.iter(|| analyze(black_box(&big), Format::Plain, &config))
    });
    g.finish();
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(AP.len() as u64));
    g.bench_function("ap-city-council (1,000 words)", |b| {
        b.iter(|| article::parse(black_box(AP), Format::Plain))
    });
    g.finish();
}

/// One keystroke in the middle of a 1 MB document, as `didChange` delivers it: a UTF-16
/// range converted to a char index, the rope edited, and the position of an offset past
/// the edit converted back (as publishing a diagnostic does).
fn edit(c: &mut Criterion) {
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
    let mut g = c.benchmark_group("edit");
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

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = analysis, parse, edit
}
criterion_main!(benches);
