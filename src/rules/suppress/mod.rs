//! `suppress/*`: `copydesk-ignore` markers, and applying them to the findings.
//!
//! Markers are parsed with the article ([`crate::article::suppress`]); [`apply`] runs after
//! every other rule, drops the findings a marker covers and reports markers that cover
//! nothing. [`marker_fix`] builds the quick fix that adds a marker for a finding.

mod unused;

pub use unused::Unused;

use super::{Finding, Fix, Rule};
use crate::article::suppress::{self as marker, block_start, SuppressionScope};
use crate::article::{Article, Format};
use crate::config::Config;
use crate::span::Span;

pub const RULES: &[&dyn Rule] = &[&Unused];

/// Drop the findings that a marker covers; then add a `suppress/unused` finding (at its
/// default severity, like every rule's) for each code in a marker that covered nothing
/// (unless that rule is off).
pub fn apply(text: &str, article: &Article, config: &Config, findings: &mut Vec<Finding>) {
    let sups = &article.suppressions;
    if sups.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = sups.iter().map(|s| vec![false; s.codes.len()]).collect();
    let groups = Groups::new(sups);
    // (group, code) → whether a marker of the group names the code; its entries are
    // marked used the first time, so each group's codes are read once per rule code, not
    // once per finding (that was findings × markers).
    let mut seen: rustc_hash::FxHashMap<(usize, &str), bool> = Default::default();
    findings.retain(|f| {
        let mut suppressed = false;
        for g in groups.covering(f.span.start) {
            suppressed |= *seen.entry((g, f.code)).or_insert_with(|| {
                let mut any = false;
                for &i in &groups.members[g] {
                    for (j, c) in sups[i].codes.iter().enumerate() {
                        if marker::code_matches(c.span.text(text), f.code) {
                            used[i][j] = true;
                            any = true;
                        }
                    }
                }
                any
            });
        }
        !suppressed
    });
    if config
        .severity(Unused::META.code, Unused::META.default_severity)
        .is_none()
    {
        return;
    }
    let silenced = sups.iter().any(|o| {
        o.scope == SuppressionScope::File && o.matching(text, Unused::META.code).is_some()
    });
    for (i, s) in sups.iter().enumerate() {
        if s.codes.is_empty() && !silenced {
            let f = Finding::new(
                &Unused::META,
                s.line,
                "this marker suppresses nothing: it names no rule (`copydesk-ignore: CODE`)",
            )
            .with_fix(Fix::replace(
                "Remove the copydesk-ignore marker",
                s.full_line,
                "",
            ));
            findings.push(f);
            continue;
        }
        let all_unused = used[i].iter().all(|u| !u);
        for (j, c) in s.codes.iter().enumerate() {
            if used[i][j] {
                continue;
            }
            let pattern = c.span.text(text);
            let why = if !known_pattern(config, pattern) {
                format!("`{pattern}` is not a rule code (`copydesk rules` lists them)")
            } else if !enabled(config, pattern) {
                format!("`{pattern}` is turned off in the configuration")
            } else if s.scope == SuppressionScope::Block(None) {
                "no text follows the marker".to_string()
            } else if s.scope == SuppressionScope::File {
                format!("`{pattern}` finds nothing in this article")
            } else {
                format!("`{pattern}` finds nothing in the paragraph below")
            };
            let fix = if all_unused {
                Fix::replace("Remove the copydesk-ignore marker", s.full_line, "")
            } else {
                Fix::replace(format!("Remove `{pattern}` from the marker"), c.removal, "")
            };
            let f = Finding::new(
                &Unused::META,
                c.span,
                format!("this marker suppresses nothing: {why}"),
            )
            .with_fix(fix);
            // Only a file-wide marker can cover a marker line.
            if !silenced {
                findings.push(f);
            }
        }
    }
}

/// The markers grouped by what they cover: group 0 the file-wide ones, then one group per
/// block span (several markers may stand above one block), the spans in text order.
struct Groups {
    members: Vec<Vec<usize>>,
    /// The span of groups 1.. (`spans[g - 1]`).
    spans: Vec<Span>,
    /// The spans do not overlap (blocks never do): a binary search finds the one
    /// covering an offset. Otherwise every span is tried.
    disjoint: bool,
}

impl Groups {
    fn new(sups: &[marker::Suppression]) -> Self {
        let mut file = Vec::new();
        let mut blocks: Vec<(Span, usize)> = Vec::new();
        for (i, s) in sups.iter().enumerate() {
            match s.scope {
                SuppressionScope::File => file.push(i),
                SuppressionScope::Block(Some(span)) => blocks.push((span, i)),
                SuppressionScope::Block(None) => {}
            }
        }
        blocks.sort_by_key(|&(span, i)| (span.start, span.end, i));
        let mut members = vec![file];
        let mut spans: Vec<Span> = Vec::new();
        for (span, i) in blocks {
            if spans.last() == Some(&span) {
                members.last_mut().expect("a group per span").push(i);
            } else {
                spans.push(span);
                members.push(vec![i]);
            }
        }
        let disjoint = spans.windows(2).all(|w| w[0].end < w[1].start);
        Groups {
            members,
            spans,
            disjoint,
        }
    }

    /// The groups whose markers cover `offset`.
    fn covering(&self, offset: usize) -> impl Iterator<Item = usize> + '_ {
        let file = (!self.members[0].is_empty()).then_some(0);
        let blocks: Box<dyn Iterator<Item = usize> + '_> = if self.disjoint {
            let k = self.spans.partition_point(|s| s.start <= offset);
            Box::new(
                k.checked_sub(1)
                    .filter(|&k| self.spans[k].touches(offset))
                    .map(|k| k + 1)
                    .into_iter(),
            )
        } else {
            Box::new(
                (0..self.spans.len())
                    .filter(move |&k| self.spans[k].touches(offset))
                    .map(|k| k + 1),
            )
        };
        file.into_iter().chain(blocks)
    }
}

fn known_pattern(config: &Config, pattern: &str) -> bool {
    pattern == "*"
        || super::all()
            .iter()
            .any(|r| marker::code_matches(pattern, r.meta().code))
        || config
            .desk
            .codes()
            .iter()
            .any(|&(code, _)| marker::code_matches(pattern, code))
}

fn enabled(config: &Config, pattern: &str) -> bool {
    let builtin = super::all().iter().any(|r| {
        let m = r.meta();
        marker::code_matches(pattern, m.code)
            && config.severity(m.code, m.default_severity).is_some()
    });
    // Desk rules (rule sheets) are silenced with the same markers.
    builtin
        || config.desk.codes().iter().any(|&(code, severity)| {
            marker::code_matches(pattern, code) && config.severity(code, severity).is_some()
        })
}

/// The marker line that silences `code`, in the article's format.
pub fn marker_line(code: &str, format: Format) -> String {
    marker_with(marker::IGNORE, code, format)
}

fn marker_with(key: &str, code: &str, format: Format) -> String {
    match format {
        Format::Markdown => format!("<!-- {key}: {code} -->"),
        Format::Plain => format!("{key}: {code}"),
    }
}

fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// A quick fix that silences `finding`'s rule in the whole article: a
/// `copydesk-ignore-file` line at the top (below Markdown front matter). Never preferred.
pub fn file_marker_fix(text: &str, article: &Article, finding: &Finding) -> Option<Fix> {
    if finding.code == Unused::META.code {
        return None;
    }
    let at = article
        .metadata
        .iter()
        .find(|m| m.kind == crate::article::MetaKind::FrontMatter)
        .map_or(0, |m| {
            // The start of the line after the closing `---`.
            let rest = &text[m.span.end.min(text.len())..];
            m.span.end + rest.find('\n').map_or(rest.len(), |i| i + 1)
        });
    Some(
        Fix::replace(
            format!("Ignore `{}` in this article", finding.code),
            Span::empty(at),
            format!(
                "{}{}",
                marker_with(marker::IGNORE_FILE, finding.code, article.format),
                newline(text)
            ),
        )
        .not_preferred(),
    )
}

/// A quick fix that adds a marker for `finding` above the paragraph (block) holding it.
/// Never preferred: silencing a rule is a decision, not a correction.
pub fn marker_fix(text: &str, format: Format, finding: &Finding) -> Option<Fix> {
    if finding.code == Unused::META.code {
        return None;
    }
    let at = block_start(text, finding.span.start.min(text.len()));
    let newline = newline(text);
    Some(
        Fix::replace(
            format!("Ignore `{}` in this paragraph", finding.code),
            Span::empty(at),
            format!("{}{newline}", marker_line(finding.code, format)),
        )
        .not_preferred(),
    )
}
