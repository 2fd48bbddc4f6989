//! Print the 1 MB document the benchmarks and the latency harness use, for the
//! regression comparison (`scripts/regress.sh`) and for trying it by hand:
//!
//! ```text
//! cargo run --release --example big_story > /tmp/big.txt
//! ```

#[path = "../benches/support/stories.rs"]
mod stories;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let first = include_str!("../samples/ap-city-council.txt");
    let text = stories::one_long_story(1 << 20, first);
    std::io::stdout().lock().write_all(text.as_bytes())
}
