//! Print one hostile text of `benches/support/hostile.rs` (to feed `copydesk check` or a
//! profiler): `cargo run --release --example hostile_text -- names 10000 > /tmp/names.txt`.

#[path = "../benches/support/hostile.rs"]
mod hostile;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let Some(&(_, _, make)) = hostile::WORKLOADS.iter().find(|w| w.0 == name) else {
        let names: Vec<_> = hostile::WORKLOADS.iter().map(|w| w.0).collect();
        eprintln!("hostile_text: one of {}", names.join(", "));
        std::process::exit(2)
    };
    print!("{}", make(n));
}
