//! Code lens data, read from an [`Analysis`] (never a new one): over each person's and
//! organization's first reference, how often the story mentions them and how many
//! spellings of the name look like misspellings of it (`4 mentions · 1 spelling variant`,
//! the `names/near-miss` findings pointing at it).

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::span::Span;

/// One lens: at an entity's first reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityLens {
    /// The first reference.
    pub span: Span,
    /// Index in [`crate::entities::Entities::entities`].
    pub entity: usize,
    /// Mentions in the body.
    pub mentions: usize,
    /// `names/near-miss` findings whose known spelling is one of this entity's mentions.
    pub variants: usize,
}

impl EntityLens {
    /// `4 mentions · 1 spelling variant`.
    pub fn title(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut t = plural(self.mentions, "mention", "mentions");
        if self.variants > 0 {
            t.push_str(" · ");
            t.push_str(&plural(
                self.variants,
                "spelling variant",
                "spelling variants",
            ));
        }
        t
    }
}

/// The lenses of `analysis`, in text order.
pub fn entity_lenses(analysis: &Analysis) -> Vec<EntityLens> {
    // The dateline's credit (`(AP)`) and the byline name the agency and the writers, not
    // a reference the copy makes: no lens there.
    let furniture = [
        analysis.article.dateline().map(|d| d.span),
        analysis.article.byline,
    ];
    let in_furniture = |s: crate::span::Span| {
        furniture
            .iter()
            .flatten()
            .any(|f| f.start <= s.start && s.end <= f.end)
    };
    let mut out: Vec<EntityLens> = analysis
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
        .filter_map(|e| {
            let first = e
                .first_mention()
                .filter(|m| !m.in_heading && !in_furniture(m.span))?;
            let variants = analysis
                .findings
                .iter()
                .filter(|f| f.code == "names/near-miss")
                .filter(|f| {
                    f.related.iter().any(|r| {
                        e.mentions
                            .iter()
                            .any(|m| m.span.start <= r.span.start && r.span.end <= m.span.end)
                    })
                })
                .count();
            Some(EntityLens {
                span: first.span,
                entity: e.id,
                mentions: e.body_mentions().count(),
                variants,
            })
        })
        .collect();
    out.sort_by_key(|l| l.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::Format;
    use crate::config::Config;

    #[test]
    fn mentions_and_spelling_variants_over_the_first_reference() {
        let text = "Brazil signs grain deal with China\n\nBEIJING, Sept. 19 (Xinhua) -- Brazilian Agriculture Minister Tomás Ferreira signed a grain deal with China on Tuesday.\n\nFerreira said “the first cargoes will leave Santos in October.\n\nFerriera added that soybean prices would rise.\n";
        let a = analyze(text, Format::Plain, &Config::default());
        let lenses = entity_lenses(&a);
        let tomas = lenses
            .iter()
            .find(|l| l.span.text(text) == "Tomás Ferreira")
            .expect("a lens on the minister");
        assert_eq!((tomas.mentions, tomas.variants), (2, 1), "{lenses:?}");
        assert_eq!(tomas.title(), "2 mentions · 1 spelling variant");
        // No lens on places.
        assert!(lenses.iter().all(|l| l.span.text(text) != "Santos"));
        let one = EntityLens {
            span: Span::default(),
            entity: 0,
            mentions: 1,
            variants: 0,
        };
        assert_eq!(one.title(), "1 mention");
    }
}
