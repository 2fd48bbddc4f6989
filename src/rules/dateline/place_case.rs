use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline place is not in capitals.
    ///
    /// Agency copy writes the dateline place in capitals (`BEIJING`, `ST. PETERSBURG`);
    /// the region and the date that follow are not. AFP and the generic style also accept
    /// a place in Title Case (`New Delhi (AFP) - `), but never a mixed form.
    ///
    /// ## Example
    ///
    /// ```text
    /// Beijing, Sept. 19 (Xinhua) -- Officials ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. The quick fix capitalizes the place.
    pub struct PlaceCase {
        code: "dateline/place-case",
        severity: Warning,
        summary: "the dateline place is not in capitals",
    }
}

fn title_case(s: &str) -> bool {
    s.split([' ', '-', '/']).filter(|w| !w.is_empty()).all(|w| {
        let mut chars = w.chars().filter(|c| c.is_alphabetic());
        match chars.next() {
            Some(first) if first.is_uppercase() => chars.all(|c| c.is_lowercase()),
            // Connectors such as `de` (`Rio de Janeiro`), not `york` in `New york`.
            Some(_) => crate::words::PLACE_CONNECTORS.contains(&w),
            None => true,
        }
    })
}

impl Rule for PlaceCase {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        for &place in &d.places {
            let text = place.text(cx.text);
            if !text.chars().any(char::is_lowercase) {
                continue;
            }
            if !p.place_caps && title_case(text) {
                continue;
            }
            let upper = text.to_uppercase();
            out.push(
                Finding::new(
                    &Self::META,
                    place,
                    super::styled(
                        cx,
                        format!("the dateline place `{text}` is not in capitals: write `{upper}`",),
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write `{upper}`"),
                    place,
                    upper.clone(),
                )),
            );
        }
    }
}
