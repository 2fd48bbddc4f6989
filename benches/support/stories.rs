//! The 1 MB document the engine benchmarks analyse and the latency harness types into,
//! built one way for both: `benches/engine.rs` and `examples/lsp_latency.rs` include
//! this file with `#[path]`.

/// The samples in `samples/`.
pub const SAMPLES: &[&str] = &[
    include_str!("../../samples/ap-city-council.txt"),
    include_str!("../../samples/afp-summit.md"),
    include_str!("../../samples/bloomberg-bonds.txt"),
    include_str!("../../samples/reuters-markets.txt"),
    include_str!("../../samples/upi-storm.txt"),
    include_str!("../../samples/xinhua-grain-deal.txt"),
    include_str!("../../samples/xinhua-un.md"),
];

/// About `bytes` of stories, `first` and then the samples one after another, without
/// their end marks (`-30-`, `Enditem`) and credit trailers: the article model treats
/// whatever follows an end mark as residue, so only this form has every rule check the
/// whole document.
///
/// Every paragraph ends with its own reference number (`(ref 12)`), so no two are the
/// same: an analysis keeps per-paragraph work by paragraph text, and a document of
/// repeated paragraphs would be measured as much cheaper than a megabyte of different
/// text.
pub fn one_long_story(bytes: usize, first: &str) -> String {
    let mut out = String::with_capacity(bytes + 8192);
    let mut i = 0;
    let mut n = 0;
    while out.len() < bytes {
        let story = if i == 0 {
            first
        } else {
            SAMPLES[i % SAMPLES.len()]
        };
        for block in story.split("\n\n") {
            let b = block.trim();
            if b.is_empty() || b == "-30-" || b == "Enditem" || b.starts_with("(Reporting by") {
                continue;
            }
            n += 1;
            out.push_str(b);
            out.push_str(&format!(" (ref {n})\n\n"));
        }
        i += 1;
    }
    out
}
