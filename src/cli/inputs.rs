//! What `check`, `entities` and `audit` read: the paths given split into standard input
//! (`-`) and files (folders walked by [`collect`]), each with the configuration that
//! governs it ([`discover::Resolver`]: `--config FILE` for all, or the nearest
//! `copydesk.toml`), and the problems met on the way, in the order met.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{collect, discover, FileError};
use crate::config::{Config, ConfigError, Style};

/// What to read.
pub struct InputOptions<'a> {
    /// Files or folders; `-` stands for standard input when one is given to [`inputs`].
    pub paths: &'a [PathBuf],
    /// `--config FILE`: one configuration for every file instead of discovery.
    pub config: Option<&'a Config>,
    /// `--style`: the house style over every configuration.
    pub style: Option<Style>,
    /// The name standard input stands for (its format and where its configuration is found).
    pub stdin_filename: Option<&'a Path>,
}

/// A path or configuration that could not be read.
pub enum Problem {
    /// A path given that could not be read or walked, or standard input that could not.
    File(FileError),
    /// The configuration governing standard input (`stdin: true`) or a file is invalid.
    Config { error: ConfigError, stdin: bool },
}

/// Standard input, read and valid UTF-8, with its configuration.
pub struct StdinArticle {
    /// `-`, or the `--stdin-filename`.
    pub name: PathBuf,
    pub text: String,
    pub config: Arc<Config>,
}

pub struct Inputs {
    /// Standard input, when `-` was given and it was read.
    pub stdin: Option<StdinArticle>,
    /// Every file to read, with its configuration (not yet read).
    pub files: Vec<(PathBuf, Arc<Config>)>,
    /// The folders among the paths given.
    pub folders: Vec<PathBuf>,
    /// In the order met: the paths first, then standard input, then the files.
    pub problems: Vec<Problem>,
}

/// Splits `opts.paths` into standard input and files and finds each one's configuration.
/// `stdin`: the reader `-` stands for; `None` when the command reads no standard input
/// (then `-` is a path like any other).
pub fn inputs(opts: &InputOptions<'_>, stdin: Option<&mut dyn Read>) -> Inputs {
    let stdin_path = Path::new("-");
    let wants_stdin = stdin.is_some() && opts.paths.iter().any(|p| p.as_path() == stdin_path);
    let file_paths: Vec<PathBuf> = opts
        .paths
        .iter()
        .filter(|p| stdin.is_none() || p.as_path() != stdin_path)
        .cloned()
        .collect();
    let (files, file_errors) = collect(&file_paths);
    let mut problems: Vec<Problem> = file_errors.into_iter().map(Problem::File).collect();
    let source = match opts.config {
        Some(c) => discover::Source::Fixed(Arc::new(c.clone())),
        None => discover::Source::Discover,
    };
    let mut resolver = discover::Resolver::new(source, opts.style);

    // Standard input first, as `-` (or the --stdin-filename).
    let mut stdin_article = None;
    if let (true, Some(stdin)) = (wants_stdin, stdin) {
        let name = opts
            .stdin_filename
            .map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
        let mut bytes = Vec::new();
        match stdin.read_to_end(&mut bytes) {
            Err(e) => problems.push(Problem::File(FileError::new(
                name,
                format!("cannot read standard input: {e}"),
            ))),
            Ok(_) => match String::from_utf8(bytes) {
                Err(e) => problems.push(Problem::File(FileError::new(
                    name,
                    format!(
                        "not valid UTF-8: invalid byte sequence at byte offset {}",
                        e.utf8_error().valid_up_to()
                    ),
                ))),
                Ok(text) => {
                    let lookup = if name.as_path() == stdin_path {
                        PathBuf::from("stdin.txt")
                    } else {
                        name.clone()
                    };
                    match resolver.config_for(&lookup) {
                        discover::Found::Config(config) => {
                            stdin_article = Some(StdinArticle { name, text, config });
                        }
                        discover::Found::Invalid(error) => {
                            problems.push(Problem::Config { error, stdin: true });
                        }
                    }
                }
            },
        }
    }

    let mut jobs = Vec::new();
    // `collect` gave files (walked, or named and not folders).
    for f in files {
        match resolver.config_for_file(&f) {
            discover::Found::Config(c) => jobs.push((f, c)),
            discover::Found::Invalid(error) => {
                problems.push(Problem::Config {
                    error,
                    stdin: false,
                });
            }
        }
    }
    let folders = file_paths.into_iter().filter(|p| p.is_dir()).collect();
    Inputs {
        stdin: stdin_article,
        files: jobs,
        folders,
        problems,
    }
}
