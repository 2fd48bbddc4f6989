use crate::config::Style;
use crate::declare_rule;
use crate::entities::EntityKind;
use crate::rules::places::guard::Guard;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// `stated`, `remarked`, `noted` or `commented` where the house prefers `said`.
    ///
    /// Wire style attributes with `said`, which is neutral; `stated`, `remarked`, `noted`
    /// and `commented` colour the quotation or sound stilted (a preference, hence `info`).
    /// The rule reads the attribution slot only: the few words after a closing quotation
    /// mark up to the verb (`…,” the minister stated.`, `…,” stated Ann Ode.`), the verb
    /// before a colon or comma that opens a quotation (`Ode noted: “…”`), and a verb with
    /// `that` after a person or a pronoun (`Ode remarked that …`). The fix writes `said`.
    /// `added` (and `added that`) is not reported: AP and Reuters use it for a further
    /// statement by the same speaker, and on published Reuters copy it was every time.
    ///
    /// House styles: AP, UPI, Reuters, AFP, Xinhua and Bloomberg; not generic copy. Never
    /// inside a quotation, the dateline or a table.
    ///
    /// ## Example
    ///
    /// ```text
    /// “We will rebuild,” the mayor stated.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// “We will rebuild,” the mayor said.
    /// ```
    pub struct Said {
        code: "attribution/said",
        severity: Info,
        summary: "an attribution verb (`stated`, `noted`, `remarked`) where the house prefers `said`",
    }
}

const VERBS: [&str; 4] = ["stated", "remarked", "noted", "commented"];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "He", "She", "They", "It", "We",
];

/// The words of `s` from its start: (span relative to `s`, word), stopping at punctuation.
fn words_until_punct(s: &str, limit: usize) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while out.len() < limit {
        while i < s.len() && b[i] == b' ' {
            i += 1;
        }
        let start = i;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’') && i > start {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i == start {
            break;
        }
        let w = s[start..i].trim_end_matches('.');
        out.push((Span::new(start, start + w.len()), w));
        if w.len() < i - start {
            break; // a period ends the slot
        }
    }
    out
}

impl Rule for Said {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        if cx.story.style == Style::Generic {
            return;
        }
        // Every verb opens a word: a paragraph whose words open none of them (most) is
        // done without a search.
        const WORDS: [u64; 4] = crate::rules::words_seen::keys(VERBS);
        if !cx.may_hold_any(&WORDS) {
            return;
        }
        let text = cx.text;
        // Searchers for the verbs built once, not once per paragraph and verb.
        static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
            std::sync::OnceLock::new();
        let finders =
            FINDERS.get_or_init(|| VERBS.iter().map(memchr::memmem::Finder::new).collect());
        if !finders.iter().any(|f| f.find(text.as_bytes()).is_some()) {
            return;
        }
        let mut found: Vec<Span> = Vec::new();
        // After a closing quotation mark: up to four words, then the verb.
        for q in cx.quoted {
            let after = &text[q.end..];
            let lead = after.len() - after.trim_start_matches([',', ' ']).len();
            let base = q.end + lead;
            let ws = words_until_punct(&text[base..], 5);
            for (k, &(s, w)) in ws.iter().enumerate() {
                if VERBS.contains(&w) {
                    let subject_ok = ws[..k].iter().all(|&(_, x)| {
                        PRONOUNS.contains(&x)
                            || x == "the"
                            || x.chars().next().is_some_and(char::is_uppercase)
                            || x.chars().all(char::is_lowercase)
                    }) && !ws[..k]
                        .iter()
                        .any(|&(_, x)| matches!(x, "and" | "that" | "which" | "who" | "as"));
                    if subject_ok {
                        found.push(Span::new(base + s.start, base + s.end));
                    }
                    break;
                }
            }
            // Before the opening mark: `Ode noted: “` / `Ode noted, “`.
            let before = text[..q.start].trim_end();
            if let Some(b) = before.strip_suffix([':', ',']) {
                for v in VERBS {
                    if let Some(rest) = b.strip_suffix(v) {
                        if rest.ends_with(' ') {
                            found.push(Span::new(rest.len(), b.len()));
                        }
                    }
                }
            }
        }
        // `VERB that` after a person or a pronoun.
        for v in VERBS {
            let pat = format!(" {v} that ");
            for (at, _) in text.match_indices(&pat) {
                let span = Span::new(at + 1, at + 1 + v.len());
                let subj_end = at;
                let pronoun = PRONOUNS.iter().any(|p| {
                    text[..subj_end]
                        .strip_suffix(p)
                        .is_some_and(|r| r.is_empty() || r.ends_with([' ', '“', '"']))
                });
                let person = cx
                    .mentions
                    .iter()
                    .any(|&(m, k)| k == EntityKind::Person && m.end == subj_end);
                if pronoun || person {
                    found.push(span);
                }
            }
        }
        if found.is_empty() {
            return;
        }
        found.sort_by_key(|s| s.start);
        found.dedup_by_key(|s| s.start);
        let guard = Guard::new(cx);
        for span in found {
            if guard.table || guard.skip(cx, span) {
                continue;
            }
            let verb = span.text(text);
            let f = Finding::new(
                &Self::META,
                span,
                format!("wire style attributes with `said`, not `{verb}`"),
            )
            .with_fix(Fix::replace("Write `said`", span, "said"));
            out.push(f);
        }
    }
}
