//! Bounded fuzzing on the stable toolchain (proptest): the engine (`analyze`: parser, rules,
//! outline, folding, hover), position conversion, and edit application, fed random strings,
//! random bytes decoded lossily (so invalid UTF-8 and lone surrogates arrive as U+FFFD),
//! control characters, NUL, every line-break form, and very long lines.
//!
//! Invariants: nothing panics; every span the engine returns lies inside the text on
//! character boundaries; conversions round-trip; edits at any position (out of range,
//! reversed, inside a character) leave a valid document.
//!
//! CI runs 256, 96 and 48 cases (engine, conversions, edits) in seconds; `COPYDESK_FUZZ_CASES=N`
//! runs N cases of each. A longer run:
//!
//! ```sh
//! COPYDESK_FUZZ_CASES=1000000 cargo test --release --test fuzz
//! ```
//!
//! Every crash found becomes a case in `regressions` below.

#[path = "support/model.rs"]
mod model;

use copydesk::config::{Config, Style};
use copydesk::text::{Change, Document, Encoding, Position};
use copydesk::{analyze, Format};
use proptest::prelude::*;

fn cases(default: u32) -> u32 {
    std::env::var("COPYDESK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters that stress the parser and the conversions.
const NASTY: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\u{fffd}",
    "😀",
    "👩‍💻",
    "🇺🇸",
    "e\u{301}",
    "\u{301}",
    "北",
    "—",
    "–",
    "-",
    "--",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "(",
    ")",
    ",",
    ".",
    " ",
    "\t",
    "#",
    "*",
    ">",
    "---",
    "```",
    "(AP)",
    "(Reuters)",
    "(Xinhua)",
    "BEIJING",
    "March",
    "Jan.",
    "Marhc",
    "3",
    "31",
    "2026",
    "By ",
];

/// Text built from a mix of nasty pieces, arbitrary chars and wire-copy fragments.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => (0..NASTY.len()).prop_map(|i| NASTY[i].to_string()),
        2 => (0..model::PIECES.len()).prop_map(|i| model::PIECES[i].to_string()),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z ]{1,12}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Any text at all: arbitrary strings, lossily decoded random bytes, nasty mixes, and a long
/// line now and then.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => nasty_text(),
        2 => any::<String>(),
        2 => proptest::collection::vec(any::<u8>(), 0..300)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => (nasty_text(), 1000usize..20_000).prop_map(|(t, n)| {
            let mut s = t.replace(['\n', '\r'], " ");
            while s.len() < n {
                s.push_str("harbor ferry “北京” 😀 — ");
            }
            s
        }),
    ]
}

fn any_config() -> impl Strategy<Value = Config> {
    prop_oneof![
        Just(None),
        (0..Style::ALL.len()).prop_map(|i| Some(Style::ALL[i])),
    ]
    .prop_map(|style| Config {
        style,
        ..Config::default()
    })
}

fn assert_span(text: &str, span: copydesk::span::Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
}

fn check_symbols(text: &str, symbols: &[copydesk::outline::Symbol]) {
    for s in symbols {
        assert_span(text, s.span, "symbol");
        assert_span(text, s.selection, "symbol selection");
        check_symbols(text, &s.children);
    }
}

/// Analyse `text` in both formats and check every span the engine hands out.
fn check_engine(text: &str, config: &Config, probes: &[usize]) {
    for format in [Format::Plain, Format::Markdown] {
        let a = analyze(text, format, config);
        for f in &a.findings {
            assert_span(text, f.span, f.code);
            assert!(!f.message.is_empty(), "{}: empty message", f.code);
            for r in &f.related {
                assert_span(text, r.span, f.code);
            }
            for fix in &f.fixes {
                for e in &fix.edits {
                    assert_span(text, e.span, f.code);
                }
            }
        }
        check_symbols(text, &a.outline);
        for span in copydesk::outline::folding(&a.article) {
            assert_span(text, span, "folding");
        }
        for &p in probes {
            // Hover is asked at any offset, even inside a character or past the end.
            if let Some((_, span)) = copydesk::hover::hover(&a, text, p % (text.len() + 2)) {
                assert_span(text, span, "hover");
            }
        }
    }
}

proptest! {
    #![proptest_config(config(cases(256)))]

    #[test]
    fn engine_never_panics_and_spans_stay_inside(
        text in any_text(),
        config in any_config(),
        probes in proptest::collection::vec(any::<usize>(), 0..4),
    ) {
        check_engine(&text, &config, &probes);
    }
}

proptest! {
    // Fewer cases by default: each one checks three encodings and many positions.
    #![proptest_config(config(cases(96)))]

    #[test]
    fn conversions_never_panic_and_round_trip(
        text in any_text(),
        positions in proptest::collection::vec((any::<u32>(), any::<u32>(), 0u32..8, 0u32..40), 0..12),
        offsets in proptest::collection::vec(any::<usize>(), 0..12),
    ) {
        let doc = Document::new(&text, 0);
        let lines = model::lines(&text);
        prop_assert_eq!(doc.rope().len_lines(), lines.len());
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            // Arbitrary positions, wild or near real lines: never a panic, always a boundary.
            for &(l, c, near_l, near_c) in &positions {
                for pos in [Position::new(l, c), Position::new(near_l, near_c)] {
                    let (off, _) = doc.offset(pos, enc);
                    prop_assert!(off <= text.len() && text.is_char_boundary(off));
                }
            }
            // Arbitrary byte offsets, even inside characters or past the end.
            for &o in &offsets {
                let o = o % (text.len() + 4);
                let p = doc.position(o, enc);
                let (back, _) = doc.offset(p, enc);
                prop_assert!(back <= text.len() && text.is_char_boundary(back));
            }
            // Every cursor offset round-trips exactly and agrees with the model.
            let cursors = model::cursor_offsets(&text);
            let step = (cursors.len() / 32).max(1);
            for &o in cursors.iter().step_by(step) {
                let p = doc.position(o, enc);
                prop_assert_eq!((p.line, p.column), model::position_in(&text, &lines, o, enc));
                prop_assert_eq!(doc.offset(p, enc), (o, copydesk::text::Clamped(false)));
            }
        }
    }

}

proptest! {
    #![proptest_config(config(cases(48)))]

    #[test]
    fn edits_at_any_position_leave_a_valid_document(
        text in any_text(),
        edits in proptest::collection::vec(
            (any::<bool>(), 0u32..6, 0u32..50, any::<u32>(), any::<u32>(), any_text()),
            1..10,
        ),
    ) {
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let mut doc = Document::new(&text, 0);
            for (wild, l1, c1, l2, c2, new) in &edits {
                // Half the time near the text, half anywhere (far past the end, reversed).
                let (a, b) = if *wild {
                    (Position::new(*l2, *c2), Position::new(*l1, *c1))
                } else {
                    (Position::new(*l1, *c1), Position::new(l1 + l2 % 3, c2 % 60))
                };
                let before = doc.text();
                let (sa, _) = doc.offset(a, enc);
                let (sb, _) = doc.offset(b, enc);
                let (lo, hi) = (sa.min(sb), sa.max(sb));
                doc.apply(&Change { range: Some((a, b)), text: new.clone() }, enc);
                // The edit replaced exactly the clamped range.
                let mut expect = before.clone();
                expect.replace_range(lo..hi, new);
                prop_assert_eq!(doc.text(), expect);
            }
            let t = doc.text();
            prop_assert_eq!(doc.rope().len_lines(), model::lines(&t).len());
            check_engine(&t, &Config::default(), &[0, t.len() / 2, usize::MAX]);
        }
    }
}

/// Crashes and near-misses found by fuzzing, kept as plain tests.
mod regressions {
    use super::*;

    fn all_ok(text: &str) {
        check_engine(
            text,
            &Config::default(),
            &[0, 1, 2, 3, text.len(), usize::MAX],
        );
        for style in Style::ALL {
            let c = Config {
                style: Some(style),
                ..Config::default()
            };
            check_engine(text, &c, &[text.len() / 2]);
        }
    }

    #[test]
    fn degenerate_texts() {
        for text in [
            "",
            "\0",
            "\r",
            "\n",
            "\r\n",
            "\n\r",
            "\u{feff}",
            "\u{fffd}",
            "“",
            "”",
            "\"",
            "#",
            "---",
            "---\n",
            "```",
            "(AP)",
            " (AP) — ",
            "BEIJING,",
            "BEIJING, (Xinhua) --",
            ", March 3 (Reuters) - ",
            "X, Marhc 31 (Reuters) -",
            "By \n",
            "e\u{301}\u{301}\u{301}",
            "😀\r😀\r\n😀\n",
            "\u{2028}\u{2029}\u{85}",
        ] {
            all_ok(text);
        }
    }
}
