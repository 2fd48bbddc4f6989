//! Diagnostics and code actions: the findings of a snapshot as the client sees them, their
//! fixes, the "ignore" markers, and the source action converting quotation marks.

use std::collections::HashMap;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::store::{lock, Snapshot};
use super::{convert, Backend};
use crate::config::Config;
use crate::text::Encoding;

/// The source action that converts every mark of a document to typographic form.
pub const CONVERT_QUOTES_KIND: &str = "source.convertQuotes.copydesk";

/// The diagnostic for a finding, with `codeDescription` linking to the rule's page.
fn diagnostic(
    doc: &(impl convert::Positions + ?Sized),
    uri: &Url,
    f: &crate::rules::Finding,
    enc: Encoding,
    config: &Config,
) -> Diagnostic {
    let mut d = convert::diagnostic(doc, uri, f, enc);
    d.code_description = rule_page(config, f.code);
    d
}

/// The `codeDescription` of rule `code`.
fn rule_page(config: &Config, code: &str) -> Option<CodeDescription> {
    crate::catalogue::rule_url(config, code)
        .and_then(|u| Url::parse(&u).ok())
        .map(|href| CodeDescription { href })
}

/// The diagnostics of a snapshot, converted over its line index, each rule's page URL
/// parsed once per publication rather than once per finding.
pub(super) fn publication(
    snap: &Snapshot,
    uri: &Url,
    enc: Encoding,
    config: &Config,
) -> Vec<Diagnostic> {
    let lines = snap.lines();
    let mut pages: HashMap<&'static str, Option<CodeDescription>> = HashMap::new();
    snap.analysis
        .findings
        .iter()
        .map(|f| {
            let mut d = convert::diagnostic(&lines, uri, f, enc);
            d.code_description = pages
                .entry(f.code)
                .or_insert_with(|| rule_page(config, f.code))
                .clone();
            d
        })
        .collect()
}

/// A published diagnostic and its JSON.
type Fragment = (Diagnostic, Box<[u8]>);

/// How many of the last publication's diagnostics a diagnostic is looked for among,
/// from where the previous match was: enough for the findings an edit adds or removes
/// in one paragraph, few enough that a publication where every position moved (a line
/// added above them all) costs little more than serializing.
const LOOKAHEAD: usize = 16;

/// The JSON of each diagnostic last published for each document, so that a publication
/// serializes only what changed. A keystroke changes the findings of one paragraph, and
/// moves the ones after it within its line at most; the rest are the same diagnostics,
/// and serializing them again was most of what publishing 950 findings of a 1 MB
/// document cost (about 7.5 M instructions of a keystroke's 70 M).
#[derive(Default)]
pub(super) struct Fragments {
    last: HashMap<Url, Vec<Fragment>>,
    /// Diagnostics serialized so far (not taken from the last publication).
    pub serialized: usize,
}

impl Fragments {
    /// The `textDocument/publishDiagnostics` params for `uri` as JSON: what serializing
    /// a `PublishDiagnosticsParams` gives, each diagnostic equal to one of the last
    /// publication's (in order, within [`LOOKAHEAD`]) written from its JSON then.
    pub fn params(
        &mut self,
        uri: &Url,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    ) -> serde_json::Result<Vec<u8>> {
        let mut prev = self.last.remove(uri).unwrap_or_default();
        let mut next: Vec<Fragment> = Vec::with_capacity(diagnostics.len());
        let mut j = 0;
        for d in diagnostics {
            let hit = prev
                .get(j..)
                .and_then(|rest| rest.iter().take(LOOKAHEAD).position(|(p, _)| *p == d));
            let json = match hit {
                Some(k) => {
                    j += k + 1;
                    std::mem::take(&mut prev[j - 1].1)
                }
                None => {
                    self.serialized += 1;
                    serde_json::to_vec(&d)?.into_boxed_slice()
                }
            };
            next.push((d, json));
        }
        let body: usize = next.iter().map(|(_, j)| j.len() + 1).sum();
        let mut out = Vec::with_capacity(64 + uri.as_str().len() + body);
        out.extend_from_slice(b"{\"uri\":");
        serde_json::to_writer(&mut out, uri)?;
        out.extend_from_slice(b",\"diagnostics\":[");
        for (i, (_, json)) in next.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(json);
        }
        out.push(b']');
        if let Some(v) = version {
            out.extend_from_slice(format!(",\"version\":{v}").as_bytes());
        }
        out.push(b'}');
        if !next.is_empty() {
            self.last.insert(uri.clone(), next);
        }
        Ok(out)
    }
}

/// One document's edits, versioned when the client takes `documentChanges`.
pub(super) fn workspace_edit(
    uri: Url,
    version: i32,
    edits: Vec<TextEdit>,
    document_changes: bool,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri,
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

impl Backend {
    pub(super) async fn code_actions(
        &self,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let wants = |kind: &str| {
            params.context.only.as_ref().map_or(true, |only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let (want_quickfix, want_convert) = (wants("quickfix"), wants(CONVERT_QUOTES_KIND));
        let want_fix_all = wants(super::FIX_ALL_KIND);
        if !want_quickfix && !want_convert && !want_fix_all {
            return Ok(Some(vec![]));
        }
        let Some(snap) = self.snapshot(&uri).await else {
            return Ok(None);
        };
        let (enc, document_changes, config) = {
            let st = lock(&self.state);
            (st.encoding, st.document_changes, st.config.clone())
        };
        let want = convert::span(&snap.doc, params.range, enc);
        let mut actions = Vec::new();
        if want_convert {
            let edits = crate::article::quotes::to_typographic(&snap.text, &snap.analysis.article);
            if !edits.is_empty() {
                let fix = crate::rules::Fix {
                    title: "Convert quotation marks to typographic".into(),
                    edits,
                    preferred: false,
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::from(CONVERT_QUOTES_KIND)),
                    edit: Some(workspace_edit(
                        uri.clone(),
                        snap.doc.version(),
                        convert::text_edits(&snap.doc, &fix.edits, enc),
                        document_changes,
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        for f in &snap.analysis.findings {
            if !want_quickfix || f.span.start > want.end || want.start > f.span.end {
                continue;
            }
            let diag = diagnostic(&snap.doc, &uri, f, enc, &config);
            // The rule's own fixes first, then "ignore in this paragraph / article".
            let article = &snap.analysis.article;
            let markers = [
                crate::rules::suppress::marker_fix(&snap.text, article.format, f),
                crate::rules::suppress::file_marker_fix(&snap.text, article, f),
            ];
            for fix in f.fixes.iter().chain(markers.iter().flatten()) {
                let edit = workspace_edit(
                    uri.clone(),
                    snap.doc.version(),
                    convert::text_edits(&snap.doc, &fix.edits, enc),
                    document_changes,
                );
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(edit),
                    is_preferred: Some(fix.preferred),
                    ..CodeAction::default()
                }));
            }
        }
        if want_quickfix {
            actions.extend(super::names_action::actions(&snap, want));
        }
        // After the findings' own fixes (which come first).
        if want_fix_all {
            // Edits for the text the request was made at, or none: a document that changed
            // while the request waited gets no fix computed for an older text.
            let current = lock(&self.state).key(&uri).map(|k| k.rev) == Some(snap.key.rev);
            if current {
                actions.extend(super::fix_all::action(&snap, &uri, enc, document_changes));
            }
        }
        Ok(Some(actions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(line: u32, col: u32, message: &str) -> Diagnostic {
        Diagnostic {
            range: Range::new(Position::new(line, col), Position::new(line, col + 3)),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String("names/full-name-repeated".into())),
            source: Some("copydesk".into()),
            message: message.into(),
            related_information: Some(vec![DiagnosticRelatedInformation {
                location: Location::new(
                    Url::parse("file:///desk/%E5%8C%97%E4%BA%AC.txt").unwrap(),
                    Range::new(Position::new(0, 0), Position::new(0, 4)),
                ),
                message: "first reference — “Brandt” 🎉".into(),
            }]),
            ..Diagnostic::default()
        }
    }

    /// The params as JSON, checked against serializing `PublishDiagnosticsParams`.
    fn check(f: &mut Fragments, uri: &Url, ds: Vec<Diagnostic>, version: Option<i32>) {
        let want = serde_json::to_value(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: ds.clone(),
            version,
        })
        .unwrap();
        let got: serde_json::Value = serde_json::from_slice(&f.params(uri, ds, version).unwrap())
            .expect("the params are JSON");
        assert_eq!(got, want);
    }

    #[test]
    fn publications_equal_serialized_params_and_reuse_unchanged_diagnostics() {
        let uri = Url::parse("file:///desk/story%20one.txt").unwrap();
        let other = Url::parse("file:///desk/two.txt").unwrap();
        let mut f = Fragments::default();
        let base: Vec<Diagnostic> = (0..40)
            .map(|i| diag(i, 2, &format!("“Olaf Brandt” again — 北京 {i} 😀")))
            .collect();
        check(&mut f, &uri, base.clone(), Some(1));
        assert_eq!(f.serialized, 40);
        // The same: nothing serialized.
        check(&mut f, &uri, base.clone(), Some(2));
        assert_eq!(f.serialized, 40);
        // One changed, one removed, one added: three serialized... two, the removal none.
        let mut edited = base.clone();
        edited[5].range.end.character += 1;
        edited.remove(20);
        edited.insert(30, diag(29, 9, "new"));
        check(&mut f, &uri, edited.clone(), None);
        assert_eq!(f.serialized, 42);
        // Another document has its own.
        check(&mut f, &other, base[..3].to_vec(), Some(7));
        assert_eq!(f.serialized, 45);
        check(&mut f, &uri, edited.clone(), Some(3));
        assert_eq!(f.serialized, 45);
        // Every position moved (a line added above them): all serialized again, right.
        let moved: Vec<Diagnostic> = edited
            .iter()
            .cloned()
            .map(|mut d| {
                d.range.start.line += 1;
                d.range.end.line += 1;
                d
            })
            .collect();
        check(&mut f, &uri, moved.clone(), Some(4));
        assert_eq!(f.serialized, 45 + moved.len());
        // Cleared, then the old ones back: serialized again.
        check(&mut f, &uri, vec![], Some(5));
        check(&mut f, &uri, moved, Some(6));
        assert_eq!(f.serialized, 45 + 2 * edited.len());
    }
}
