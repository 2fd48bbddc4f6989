use crate::config::PercentForm;
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::numbers::Guard;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A percentage with a figure not in the house form.
    ///
    /// AP writes a figure and `%` with no space since 2019 (`3.1%`); Xinhua writes
    /// `percent` (`4.5 percent`, `a 4.5-percent growth`). For UPI, Reuters (modern copy
    /// `%`, the 1980s `pct`), AFP, Bloomberg and the generic style the form could not be
    /// confirmed, so it is a profile setting, `[percent] form` in `copydesk.toml`
    /// (`"sign"`, `"percent"`, `"per cent"`, `"pct"` or `"any"`), unchecked (`"any"`)
    /// unless set. The setting also overrides AP's and Xinhua's defaults.
    ///
    /// The rule reads every figure followed by `%`, `percent`, `per cent` or `pct`
    /// (`5%`, `5 percent`, `5-percent`, `5 pct`) and reports the ones in another form.
    /// `percentage point(s)` is a difference, never a percentage, and is left alone, as
    /// are `percent` without a figure, quotations, URLs, code spans, tickers and tables.
    ///
    /// ## Example
    ///
    /// In AP copy:
    ///
    /// ```text
    /// Prices rose 3.1 percent in May.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Prices rose 3.1% in May.
    /// ```
    ///
    /// The quick fix writes the house form.
    pub struct Form {
        code: "percent/form",
        severity: Warning,
        summary: "a percentage is not written in the house form (`3.1%` or `3.1 percent`)",
    }
}

impl Rule for Form {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let form = cx.config.percent.form(cx.story.style);
        if form == PercentForm::Any {
            return;
        }
        let guard = Guard::new(cx);
        let text = cx.text;
        for f in cx.figures() {
            let written = f.span.text(text);
            // The figure and the span of its percent form, and which form it is.
            if f.kind != Kind::Percent {
                continue;
            }
            let forms = [
                ("%", PercentForm::Sign),
                ("-percent", PercentForm::Percent),
                (" percent", PercentForm::Percent),
                (" per cent", PercentForm::PerCent),
                (" pct", PercentForm::Pct),
            ];
            let Some((figure, unit, found)) = forms.iter().find_map(|&(suffix, found)| {
                let n = written.strip_suffix(suffix)?;
                let at = f.span.start + n.len();
                Some((n, Span::new(at, f.span.end), found))
            }) else {
                continue;
            };
            if found == form {
                continue;
            }
            // `a 4.5-percent rise` keeps its hyphen in a word form.
            let hyphened = text[unit.start..].starts_with('-');
            if hyphened && form != PercentForm::Sign {
                continue;
            }
            let whole = Span::new(f.span.start, unit.end);
            if !guard.allows(whole) {
                continue;
            }
            let replacement = format!("{figure}{}", form.suffix());
            out.push(
                Finding::new(
                    &Self::META,
                    whole,
                    format!(
                        "write the percentage in the {} form: `{replacement}`",
                        cx.story.style.agency()
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write `{replacement}`"),
                    whole,
                    replacement,
                )),
            );
        }
    }
}
