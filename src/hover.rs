//! Hover text (Markdown) for what lies under the cursor.

use crate::analysis::Analysis;
use crate::span::Span;

/// Hover for the byte `offset`: the Markdown text and the span it describes. On the
/// dateline it describes the dateline (and the place's entity, when on the place); on any
/// other mention of an entity, the entity.
pub fn hover(analysis: &Analysis, text: &str, offset: usize) -> Option<(String, Span)> {
    let entity = analysis.entities.entity_at(offset);
    match (dateline_hover(analysis, text, offset), entity) {
        (Some((md, span)), Some((e, _))) => Some((
            format!(
                "{md}\n\n---\n\n{}",
                crate::entities::hover_markdown(e, text)
            ),
            span,
        )),
        (Some(d), None) => Some(d),
        (None, Some((e, m))) => Some((crate::entities::hover_markdown(e, text), m.span)),
        (None, None) => None,
    }
}

fn dateline_hover(analysis: &Analysis, text: &str, offset: usize) -> Option<(String, Span)> {
    let d = analysis.article.dateline()?;
    if !d.span.touches(offset) {
        return None;
    }
    let mut md = String::from("**Dateline**\n\n");
    let mut row = |k: &str, v: &str| {
        md.push_str(&format!("- {k}: `{v}`\n"));
    };
    if !d.place.is_empty() {
        row("place", d.place.text(text));
    }
    for r in &d.regions {
        row("region", r.text(text));
    }
    if let Some(date) = &d.date {
        row("date", date.span.text(text));
    }
    if let Some(c) = &d.credit {
        row("credit", c.agency.text(text));
    }
    if let Some(s) = &d.separator {
        row("separator", s.span.text(text));
    }
    md.push_str(&format!(
        "\nChecked as **{}** copy.",
        analysis.style.agency()
    ));
    Some((md, d.span))
}
