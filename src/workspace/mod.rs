//! The workspace index: what every story of a folder says about names, for the questions
//! that need the whole folder ("how did we spell this name in the earlier story?").
//!
//! Per story it keeps only what those questions read — the entities with their mentions
//! (byte spans and line/column in every unit, so that another file's place is given
//! without its text), the spellings of people's surnames, the headline, the dateline and
//! the date — never the text. On top of the stories:
//!
//! - `names`: each entity's name (folded: [`crate::gazetteer::key`]) -> the stories and
//!   entities using it (workspace symbols, references, definition, hover);
//! - `spellings`: every person's surname as spelled -> its uses, with the folded form
//!   and a [`NearIndex`] over the spellings, so that [`spelling_drift`] looks a
//!   spelling's near ones up instead of comparing every pair.
//!
//! Built in parallel ([`read_stories`], rayon) over a walk of the folder ([`walk`]), and
//! updated story by story ([`Index::insert`], [`Index::remove`]). Synchronous, no LSP
//! types: the server and `copydesk check` drive it.

mod drift;
pub mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::{read_entities, Analysis};
use crate::article::{Article, Format};
use crate::config::Config;
use crate::entities::{Entities, EntityKind, MentionForm};
use crate::finding::LineCol;
use crate::rules::names::near_index::NearIndex;
use crate::rules::StoryDate;
use crate::span::Span;
use crate::text::{Encoding, LineIndex};

pub use drift::{drift_dependents, spelling_drift, spelling_drift_indexed};
pub use walk::{stories_in, Skipped};

/// A story's number in the index (stable while the index lives; a removed story's number
/// is not given again).
pub type StoryId = u32;

/// The largest story the index reads; a larger file is skipped with a logged reason.
pub const MAX_STORY_BYTES: u64 = 8 << 20;

/// One mention of an entity in an indexed story.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexedMention {
    pub span: Span,
    pub start: LineCol,
    pub end: LineCol,
    pub form: MentionForm,
    pub in_heading: bool,
}

/// One entity of an indexed story.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexedEntity {
    pub kind: EntityKind,
    /// The full name as the story (or the names file) gives it.
    pub name: Box<str>,
    /// A person's surname, as spelled.
    pub surname: Option<Box<str>>,
    /// A person's given names (the full name without the surname); empty when the story
    /// never gives one.
    pub given: Box<str>,
    /// Introduced with a title or role.
    pub role: bool,
    /// The surname is written mid-sentence somewhere in the body (its capital is the
    /// name's, not the sentence's).
    pub surname_mid: bool,
    pub in_names_file: bool,
    /// Index in `mentions` of the first reference.
    pub first: u32,
    pub mentions: Box<[IndexedMention]>,
}

impl IndexedEntity {
    pub fn first_mention(&self) -> Option<&IndexedMention> {
        self.mentions
            .get(self.first as usize)
            .or(self.mentions.first())
    }
}

/// What the index keeps of one story (a file).
#[derive(Clone, Debug)]
pub struct Story {
    pub path: Arc<Path>,
    pub headline: Option<Box<str>>,
    /// The dateline's place as written.
    pub dateline: Option<Box<str>>,
    pub date: StoryDate,
    pub modified: Option<SystemTime>,
    /// The size of the text read.
    pub bytes: usize,
    pub entities: Box<[IndexedEntity]>,
}

/// The text of the file at `path`, whose metadata `meta` the caller has just read (and
/// found a regular file): read with that size, so that the file is not asked for it again
/// (a file that grew meanwhile is still read to its end), and checked to be UTF-8. The
/// error is the message for the reader. `check` (`cli::read_article_dated`) and
/// the index ([`Story::read`]) read every story through it.
pub fn read_utf8(path: &Path, meta: &std::fs::Metadata) -> Result<String, String> {
    let size = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size.saturating_add(1));
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_to_end(&mut f, &mut bytes))
        .map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8: invalid byte sequence at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

impl Story {
    /// Read the story at `path` from disk: a regular UTF-8 file of at most
    /// [`MAX_STORY_BYTES`]; anything else is a [`Skipped`] with the reason.
    pub fn read(path: &Path, config: &Config) -> Result<Story, Skipped> {
        let skip = |reason: String| Skipped {
            path: path.to_path_buf(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| skip(e.to_string()))?;
        if !meta.is_file() {
            return Err(skip("not a regular file".into()));
        }
        if meta.len() > MAX_STORY_BYTES {
            return Err(skip(format!(
                "{} bytes, larger than the {} MB a story may have",
                meta.len(),
                MAX_STORY_BYTES >> 20
            )));
        }
        let text = read_utf8(path, &meta).map_err(skip)?;
        let format = Format::from_path(&path.to_string_lossy());
        Ok(Story::from_text(
            path,
            &text,
            format,
            config,
            meta.modified().ok(),
        ))
    }

    /// The story of `text` (read as `format`), as the index keeps it.
    pub fn from_text(
        path: &Path,
        text: &str,
        format: Format,
        config: &Config,
        modified: Option<SystemTime>,
    ) -> Story {
        let (article, entities) = read_entities(text, format, config);
        Story::from_parts(path, text, &article, &entities, modified)
    }

    /// The story from an analysis of its text already made (an open document, a file
    /// `check` analysed).
    pub fn from_analysis(
        path: &Path,
        text: &str,
        analysis: &Analysis,
        modified: Option<SystemTime>,
    ) -> Story {
        Story::from_parts(path, text, &analysis.article, &analysis.entities, modified)
    }

    fn from_parts(
        path: &Path,
        text: &str,
        article: &Article,
        entities: &Entities,
        modified: Option<SystemTime>,
    ) -> Story {
        let lines = LineIndex::new(text);
        let at = |offset: usize| line_col(&lines, text, offset);
        let entities = entities
            .iter()
            .map(|e| {
                let surname = (e.kind == EntityKind::Person)
                    .then_some(e.surname.as_deref())
                    .flatten()
                    .map(Box::from);
                let given = match &surname {
                    Some(s) => e
                        .canonical
                        .split_whitespace()
                        .filter(|w| w != &&**s)
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => String::new(),
                };
                let surname_mid = surname.as_deref().is_some_and(|s: &str| {
                    e.body_mentions().any(|m| {
                        let written = m.span.text(text);
                        written
                            .rfind(s)
                            .is_some_and(|at| !drift::sentence_start(text, m.span.start + at))
                    })
                });
                IndexedEntity {
                    kind: e.kind,
                    surname_mid,
                    name: e.canonical.as_str().into(),
                    surname,
                    given: given.into(),
                    role: e.role.is_some(),
                    in_names_file: e.in_names_file,
                    first: u32::try_from(e.first).unwrap_or(0),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|m| IndexedMention {
                            span: m.span,
                            start: at(m.span.start),
                            end: at(m.span.end),
                            form: m.form,
                            in_heading: m.in_heading,
                        })
                        .collect(),
                }
            })
            .collect();
        Story {
            path: Arc::from(path),
            headline: article
                .headline
                .as_ref()
                .map(|h| h.text.text(text).trim().into()),
            dateline: article
                .dateline()
                .map(|d| d.place.text(text).trim())
                .filter(|p| !p.is_empty())
                .map(Box::from),
            date: crate::rules::story_date(text, article),
            modified,
            bytes: text.len(),
            entities,
        }
    }

    /// How the story is named to a reader: its headline, else its file name.
    pub fn title(&self) -> String {
        match &self.headline {
            Some(h) if !h.is_empty() => h.to_string(),
            _ => self.path.file_name().map_or_else(
                || self.path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
        }
    }

    /// The order stories are read in: by date (the story's own when it gives a full one,
    /// else the file's modification day), then modification time, then path.
    pub fn order_key(&self) -> (i64, Option<SystemTime>, &Path) {
        let day = match self.date {
            StoryDate {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            } => days_from_civil(i64::from(y), i64::from(m), i64::from(d)),
            _ => self
                .modified
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(i64::MAX, |d| (d.as_secs() / 86_400) as i64),
        };
        (day, self.modified, &self.path)
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `offset` of `text` as a line and a column in every unit (one pass over the line's
/// text before it, for the three).
pub fn line_col(lines: &LineIndex, text: &str, offset: usize) -> LineCol {
    let p8 = lines.position(text, offset, Encoding::Utf8);
    // `position` moves an offset inside a character to that character's start.
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text.get(at - p8.column as usize..at).unwrap_or("");
    let (utf16, chars) = if before.is_ascii() {
        (p8.column, p8.column)
    } else {
        // `text::utf16_len`, sharing the character count.
        let chars = before.chars().count();
        let wide = before.bytes().filter(|&b| b >= 0xF0).count();
        ((chars + wide) as u32, chars as u32)
    };
    LineCol {
        line: p8.line,
        utf8: p8.column,
        utf16,
        chars,
    }
}

/// Read every story of `paths` in parallel (rayon): the stories, and the files skipped
/// with their reasons, each in the order of `paths`.
pub fn read_stories(paths: &[PathBuf], config: &Config) -> Vec<Result<Story, Skipped>> {
    paths
        .par_iter()
        .map(|p| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Story::read(p, config)))
                .unwrap_or_else(|_| {
                    Err(Skipped {
                        path: p.clone(),
                        reason: "the reader panicked on it (a bug)".into(),
                    })
                })
        })
        .collect()
}

/// The key entities are matched by across stories: the name folded (case, diacritics,
/// apostrophes), with the kind's broad class (a person is never an organization).
pub fn name_key(kind: EntityKind, name: &str) -> String {
    let class = match kind {
        EntityKind::Person => 'p',
        EntityKind::Place => 'l',
        EntityKind::Organization | EntityKind::Other => 'o',
    };
    let mut k = crate::gazetteer::key(name);
    k.insert(0, class);
    k
}

/// A person's surname as spelled somewhere in the folder, with its uses.
#[derive(Debug)]
struct Spelling {
    text: Box<str>,
    chars: usize,
    /// (story, entity) using it; empty once every story using it is gone.
    uses: Vec<(StoryId, u32)>,
    /// How many distinct stories use it.
    stories: u32,
    /// The given names written with it (folded) and how many of `uses` write each: so
    /// that a spelling a whole archive uses is summed up without reading its uses.
    givens: FxHashMap<Box<str>, u32>,
    /// The other spellings `names/spelling-drift` weighs against this one (the same folded
    /// form, or near: [`drift::relatives_of`]), in increasing order: found once, when the
    /// later of the two is filed, instead of looked up in the near index for every story.
    relatives: Vec<u32>,
}

/// The index of every story of the workspace.
#[derive(Default)]
pub struct Index {
    stories: Vec<Option<Story>>,
    by_path: FxHashMap<Arc<Path>, StoryId>,
    names: FxHashMap<Box<str>, Vec<(StoryId, u32)>>,
    spelling_ids: FxHashMap<Box<str>, u32>,
    spellings: Vec<Spelling>,
    /// Folded spelling -> spelling ids.
    folds: FxHashMap<Box<str>, Vec<u32>>,
    near: NearIndex,
    live: usize,
    generation: u64,
}

impl Index {
    /// Index `roots` (folders or files) under `config`: the walk ([`stories_in`],
    /// excluding `config.workspace.exclude`), then every story read in parallel. Returns
    /// the index and what was skipped, with reasons (also logged).
    pub fn build(roots: &[PathBuf], config: &Config) -> (Index, Vec<Skipped>) {
        let (paths, mut skipped) = stories_in(roots, &config.workspace.exclude);
        let mut index = Index::default();
        for r in read_stories(&paths, config) {
            match r {
                Ok(story) => {
                    index.insert(story);
                }
                Err(s) => {
                    tracing::warn!("not indexed: {s}");
                    skipped.push(s);
                }
            }
        }
        (index, skipped)
    }

    /// Stories indexed.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Grows with every change: what was computed from the index at one generation holds
    /// until the next.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn story(&self, id: StoryId) -> Option<&Story> {
        self.stories.get(id as usize).and_then(Option::as_ref)
    }

    pub fn id_of(&self, path: &Path) -> Option<StoryId> {
        self.by_path.get(path).copied()
    }

    /// Every story with its number, in number order.
    pub fn stories(&self) -> impl Iterator<Item = (StoryId, &Story)> {
        self.stories
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (i as StoryId, s)))
    }

    /// The (story, entity) pairs whose entity has the name key `key` ([`name_key`]).
    pub fn uses(&self, key: &str) -> &[(StoryId, u32)] {
        self.names.get(key).map_or(&[], |v| &v[..])
    }

    /// Every name key with its uses (workspace symbols).
    pub fn names(&self) -> impl Iterator<Item = (&str, &[(StoryId, u32)])> {
        self.names.iter().map(|(k, v)| (&**k, &v[..]))
    }

    pub fn entity(&self, (story, entity): (StoryId, u32)) -> Option<(&Story, &IndexedEntity)> {
        let s = self.story(story)?;
        Some((s, s.entities.get(entity as usize)?))
    }

    /// Of `uses`, the first in reading order ([`Story::order_key`]): where a name first
    /// appears in the folder.
    pub fn earliest(&self, uses: &[(StoryId, u32)]) -> Option<(StoryId, u32)> {
        uses.iter()
            .copied()
            .filter_map(|u| self.story(u.0).map(|s| (s.order_key(), u)))
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, u)| u)
    }

    /// Add `story`, replacing the one at its path if any; its number.
    pub fn insert(&mut self, story: Story) -> StoryId {
        self.generation += 1;
        let id = match self.by_path.get(&story.path) {
            Some(&id) => {
                self.unlink(id);
                id
            }
            None => {
                let id = self.stories.len() as StoryId;
                self.stories.push(None);
                self.by_path.insert(story.path.clone(), id);
                id
            }
        };
        let mut counted: Vec<u32> = Vec::new();
        for (k, e) in story.entities.iter().enumerate() {
            let u = (id, k as u32);
            self.names
                .entry(name_key(e.kind, &e.name).into())
                .or_default()
                .push(u);
            if let Some(s) = &e.surname {
                let sid = self.spelling_id(s);
                let sp = &mut self.spellings[sid as usize];
                sp.uses.push(u);
                if !counted.contains(&sid) {
                    counted.push(sid);
                    sp.stories += 1;
                }
                if !e.given.is_empty() {
                    *sp.givens
                        .entry(crate::gazetteer::key(&e.given).into())
                        .or_default() += 1;
                }
            }
        }
        self.stories[id as usize] = Some(story);
        self.live += 1;
        id
    }

    /// Remove the story at `path`; whether there was one.
    pub fn remove(&mut self, path: &Path) -> bool {
        let Some(id) = self.by_path.remove(path) else {
            return false;
        };
        self.generation += 1;
        self.unlink(id);
        true
    }

    /// Take story `id` out of the tables (its slot stays, empty).
    fn unlink(&mut self, id: StoryId) {
        let Some(story) = self.stories.get_mut(id as usize).and_then(Option::take) else {
            return;
        };
        self.live -= 1;
        for e in story.entities.iter() {
            let key = name_key(e.kind, &e.name);
            if let Some(v) = self.names.get_mut(key.as_str()) {
                v.retain(|u| u.0 != id);
                if v.is_empty() {
                    self.names.remove(key.as_str());
                }
            }
            if let Some(&sid) = e.surname.as_deref().and_then(|s| self.spelling_ids.get(s)) {
                let sp = &mut self.spellings[sid as usize];
                let before = sp.uses.len();
                sp.uses.retain(|u| u.0 != id);
                if sp.uses.len() < before {
                    sp.stories -= 1;
                }
                if !e.given.is_empty() {
                    let g = crate::gazetteer::key(&e.given);
                    if let Some(n) = sp.givens.get_mut(g.as_str()) {
                        *n -= 1;
                        if *n == 0 {
                            sp.givens.remove(g.as_str());
                        }
                    }
                }
            }
        }
    }

    /// The number of spelling `s`, filed now if new (spellings are never unfiled: one no
    /// story uses any more has no uses).
    fn spelling_id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.spelling_ids.get(s) {
            return id;
        }
        let id = self.spellings.len() as u32;
        let relatives = drift::relatives_of(self, s);
        for &r in &relatives {
            self.spellings[r as usize].relatives.push(id);
        }
        self.spellings.push(Spelling {
            text: s.into(),
            chars: s.chars().count(),
            uses: Vec::new(),
            stories: 0,
            givens: FxHashMap::default(),
            relatives,
        });
        self.spelling_ids.insert(s.into(), id);
        self.folds
            .entry(crate::gazetteer::key(s).into())
            .or_default()
            .push(id);
        self.near.insert(id as usize, s);
        id
    }

    /// The heap the index holds, estimated from its tables' lengths (bytes).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let mut n = self.stories.capacity() * size_of::<Option<Story>>();
        for (_, s) in self.stories() {
            n += s.path.as_os_str().len()
                + s.headline.as_ref().map_or(0, |h| h.len())
                + s.dateline.as_ref().map_or(0, |h| h.len());
            n += s.entities.len() * size_of::<IndexedEntity>();
            for e in s.entities.iter() {
                n += e.name.len()
                    + e.given.len()
                    + e.surname.as_ref().map_or(0, |x| x.len())
                    + e.mentions.len() * size_of::<IndexedMention>();
            }
        }
        for (k, v) in &self.names {
            n += k.len() + v.capacity() * 8 + 32;
        }
        for s in &self.spellings {
            n += s.text.len() * 3
                + s.uses.capacity() * 8
                + s.relatives.capacity() * 4
                + size_of::<Spelling>()
                + 64;
        }
        n
    }
}

#[cfg(test)]
mod tests;
