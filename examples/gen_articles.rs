//! Write N distinct articles into a folder, for measuring `copydesk check` throughput.
//!
//! ```text
//! cargo run --release --example gen_articles -- /tmp/articles 10000
//! /usr/bin/time -v target/release/copydesk check /tmp/articles --format json > /dev/null
//! ```
//!
//! Article `n` is sample `n % 7` from `samples/` with its figures and a few names changed,
//! so no two files are the same. Files are spread over folders of 1,000.

use std::path::PathBuf;

const SAMPLES: &[(&str, &str)] = &[
    (include_str!("../samples/ap-city-council.txt"), "txt"),
    (include_str!("../samples/afp-summit.md"), "md"),
    (include_str!("../samples/bloomberg-bonds.txt"), "txt"),
    (include_str!("../samples/reuters-markets.txt"), "txt"),
    (include_str!("../samples/upi-storm.txt"), "txt"),
    (include_str!("../samples/xinhua-grain-deal.txt"), "txt"),
    (include_str!("../samples/xinhua-un.md"), "md"),
];

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_articles DIR [COUNT]");
        std::process::exit(2)
    };
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let mut bytes = 0;
    for n in 0..count {
        let (text, ext) = SAMPLES[n % SAMPLES.len()];
        // Change every figure's last digit and tag the article, so each file differs.
        let d = (b'0' + (n % 10) as u8) as char;
        let mut out = String::with_capacity(text.len() + 16);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() && !chars.peek().is_some_and(char::is_ascii_digit) {
                out.push(d);
            } else {
                out.push(c);
            }
        }
        let sub = dir.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&sub)?;
        let out = out.replacen('\n', &format!(" ({n})\n"), 1);
        bytes += out.len();
        std::fs::write(sub.join(format!("{n:05}.{ext}")), out)?;
    }
    eprintln!(
        "wrote {count} articles ({:.1} MB) under {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
