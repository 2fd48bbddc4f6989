//! The workspace index at scale: generated stories of about 600 words written to a
//! folder, then indexed as the server does on `initialized` (walk, parallel read, file).
//!
//! ```text
//! cargo run --release --example workspace_index -- 10000          # 10,000 stories
//! cargo run --release --example workspace_index -- 100000
//! cargo run --release --example workspace_index -- --folder DIR    # an existing folder
//! ```
//!
//! Prints the time to index, the resident memory the index adds (VmRSS before and after,
//! and the index's own estimate of its heap), per story; the time of one story's update
//! (read its text again and file it: `Story::from_text` + `Index::insert`, and the insert
//! alone); and `names/spelling-drift` over every story. The stories are invented: names
//! from small pools (so that people recur across stories, as on a desk's day), a few
//! surnames misspelt on purpose.

use std::path::{Path, PathBuf};
use std::time::Instant;

use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::workspace::{spelling_drift, Index, Story};

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Carla", "Dmitry", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi",
    "Lena", "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Yusuf",
];
const SURNAMES: &[&str] = &[
    "Abernathy",
    "Baranova",
    "Castellano",
    "Dumitrescu",
    "Eriksdottir",
    "Fairweather",
    "Gallagher",
    "Halvorsen",
    "Ivanchenko",
    "Jankowska",
    "Kowalczyk",
    "Lindqvist",
    "Montgomery",
    "Nakashima",
    "Oyelaran",
    "Pellegrini",
    "Quintanilla",
    "Rosenthal",
    "Szymanski",
    "Takahashi",
    "Underwood",
    "Valdivieso",
    "Wojciechowski",
    "Yamamoto",
    "Zielinski",
    "Achterberg",
    "Bellingham",
    "Cavendish",
    "Delacroix",
    "Everhart",
];
const TITLES: &[&str] = &[
    "Finance Minister",
    "Trade Minister",
    "Central Bank Governor",
    "Foreign Minister",
    "Energy Minister",
    "Prime Minister",
];
const PLACES: &[&str] = &[
    "LONDON", "PARIS", "BERLIN", "TOKYO", "MOSCOW", "NAIROBI", "LIMA", "OSLO", "MADRID", "CAIRO",
];
const MONTHS: &[&str] = &["Jan", "Feb", "March", "April", "May", "June"];

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

/// Story `n`: a headline, a dateline, and paragraphs naming a few people (introduced with
/// a title, then by surname), about 600 words. One story in 50 misspells a surname.
fn story(n: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let people: Vec<(String, &str, &str)> = (0..4)
        .map(|_| {
            let g = r.pick(GIVEN);
            let s = r.pick(SURNAMES);
            let s = if n % 50 == 7 {
                // Drop a letter: drift for the rule to find.
                let mut t = s.to_string();
                t.remove(3);
                Box::leak(t.into_boxed_str())
            } else {
                s
            };
            (format!("{g} {s}"), s, r.pick(TITLES))
        })
        .collect();
    let mut out = format!(
        "Ministers weigh grain and fuel plan {n}\n\n{}, {} {} (Reuters) - ",
        r.pick(PLACES),
        r.pick(MONTHS),
        1 + r.next() % 28
    );
    let mut words = 0;
    let mut p = 0;
    while words < 600 {
        let (full, surname, title) = &people[p % people.len()];
        let para = if p < people.len() {
            format!(
                "{title} {full} said on Tuesday that talks on grain exports and fuel \
                 prices would resume within {} weeks, and that the plan agreed in \
                 principle last month still needed the approval of parliament before \
                 officials could set a date for the first shipments.",
                2 + r.next() % 9
            )
        } else {
            format!(
                "{surname} told reporters that {} of the {} shipments planned for the \
                 season had left port, and that the government expected the rest to \
                 follow before the end of the quarter if the weather held and the \
                 insurers agreed to cover the route.",
                r.next() % 40,
                40 + r.next() % 60
            )
        };
        words += para.split_whitespace().count();
        out.push_str(&para);
        out.push_str("\n\n");
        p += 1;
    }
    out
}

/// CPU seconds the process has used (user + system, every thread): with the machine
/// shared, wall time says as much about the other jobs as about the index.
fn cpu_seconds() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes one struct rusage we own.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return 0.0;
    }
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (folder, generated) = match args.iter().position(|a| a == "--folder") {
        Some(i) => (PathBuf::from(&args[i + 1]), false),
        None => {
            let count: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(10_000);
            let dir = std::env::temp_dir().join(format!("copydesk-workspace-{count}"));
            if !dir.join(".complete").exists() {
                let t = Instant::now();
                for n in 0..count {
                    let sub = dir.join(format!("{:03}", n / 1000));
                    std::fs::create_dir_all(&sub)?;
                    std::fs::write(sub.join(format!("{n:06}.txt")), story(n))?;
                }
                std::fs::write(dir.join(".complete"), "")?;
                eprintln!(
                    "wrote {count} stories to {} in {:.1?}",
                    dir.display(),
                    t.elapsed()
                );
            }
            (dir, true)
        }
    };
    let config = Config::default();
    // The gazetteer and word lists are parsed once per process, before the clock starts
    // (the server parses the gazetteer right after `initialized`).
    let _ = Story::from_text(
        Path::new("/warm.txt"),
        &story(1),
        Format::Plain,
        &config,
        None,
    );
    let rss0 = rss_kb();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let (index, skipped) = Index::build(std::slice::from_ref(&folder), &config);
    let took = t.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let rss1 = rss_kb();
    let n = index.len();
    let bytes: usize = index.stories().map(|(_, s)| s.bytes).sum();
    let mentions: usize = index
        .stories()
        .flat_map(|(_, s)| s.entities.iter())
        .map(|e| e.mentions.len())
        .sum();
    println!(
        "indexed {n} stories ({:.1} MB of text, {mentions} mentions) in {:.2} s wall, {:.2} s CPU on {} threads (CPU / threads: {:.2} s); {} skipped",
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        cpu,
        rayon::current_num_threads(),
        cpu / rayon::current_num_threads() as f64,
        skipped.len()
    );
    let added = rss1.saturating_sub(rss0) * 1024;
    println!(
        "memory: RSS +{:.1} MB ({:.1} KB per story); index estimate {:.1} MB ({:.1} KB per story)",
        added as f64 / 1e6,
        added as f64 / n.max(1) as f64 / 1e3,
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / n.max(1) as f64 / 1e3,
    );

    // One story's update: read its text again and file it; and filing alone.
    let mut index = index;
    let paths: Vec<PathBuf> = index
        .stories()
        .map(|(_, s)| s.path.to_path_buf())
        .take(200)
        .collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let t = Instant::now();
    let mut stories = Vec::new();
    for (p, text) in paths.iter().zip(&texts) {
        stories.push(Story::from_text(p, text, Format::Plain, &config, None));
    }
    let read = t.elapsed() / paths.len().max(1) as u32;
    let t = Instant::now();
    for s in stories {
        index.insert(s);
    }
    let insert = t.elapsed() / paths.len().max(1) as u32;
    println!(
        "one story's update: {:.3} ms (reading its names {:.3} ms + filing {:.3} ms; mean of {})",
        (read + insert).as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3,
        insert.as_secs_f64() * 1e3,
        paths.len()
    );

    // Drift over every story (as `check` over the folder does after its analyses).
    let t = Instant::now();
    let mut found = 0;
    let mut unexpected = 0;
    let all: Vec<PathBuf> = index.stories().map(|(_, s)| s.path.to_path_buf()).collect();
    let sample = if generated {
        all.len().min(2000)
    } else {
        all.len()
    };
    for p in &all[..sample] {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let (_, entities) = copydesk::analysis::read_entities(&text, Format::Plain, &config);
        let f = spelling_drift(&index, p, &text, &entities, &config).len();
        found += f;
        // Generated story numbers: only every 50th (n % 50 == 7) misspells a name.
        let number = p
            .file_stem()
            .and_then(|s| s.to_str()?.parse::<usize>().ok());
        if generated && f > 0 && number.is_some_and(|n| n % 50 != 7) {
            unexpected += 1;
        }
    }
    println!(
        "names/spelling-drift over {sample} stories: {found} findings in {:.2} s (entities read again included); {unexpected} stories flagged that misspell nothing",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
