//! How the snapshot tests (fixtures, structure) write a finding: one line,
//! `line:col-line:col severity code «text» message`, columns 1-based and counting
//! characters. `#[path = "support/render.rs"] mod render;` in a test.
#![allow(dead_code)]

use copydesk::finding::Finding;
use copydesk::text::{Document, Encoding};

/// The snapshot line of `f` on `text` (`doc` is `text`'s document), without a newline.
pub fn finding_line(doc: &Document, text: &str, f: &Finding) -> String {
    let (s, e) = doc.range(f.span, Encoding::Utf32);
    format!(
        "{}:{}-{}:{} {} {} «{}» {}",
        s.line + 1,
        s.column + 1,
        e.line + 1,
        e.column + 1,
        f.severity.as_str(),
        f.code,
        f.span.text(text),
        f.message
    )
}
