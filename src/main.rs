use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use copydesk::cli::{self, discover, exit, OutputFormat};
use copydesk::config::{Config, Style};

/// The allocator: jemalloc (see Cargo.toml).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// copydesk: a language server and checker for news wire copy.
#[derive(Parser)]
#[command(name = "copydesk", version, about)]
struct Args {
    /// Serve LSP on stdio (what `copydesk lsp` does; editors pass this flag).
    #[arg(long, global = false)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the Language Server Protocol on stdin/stdout.
    Lsp {
        /// Accepted for clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check articles (files, or folders searched for .txt and .md files).
    ///
    /// Exit codes: 0 no error-severity finding; 1 at least one error-severity finding;
    /// 2 bad usage, an invalid configuration, or a file that could not be read.
    Check {
        /// Files or folders to check; `-` reads one article from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// House style, overriding copydesk.toml.
        #[arg(long, value_parser = parse_style)]
        style: Option<Style>,
        /// Configuration file for every article (default: the copydesk.toml nearest to
        /// each article, in its folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
        /// The file name standard input stands for: sets its format (.md is Markdown) and
        /// where its copydesk.toml is looked up.
        #[arg(long)]
        stdin_filename: Option<PathBuf>,
        /// Apply every certain fix (the preferred quick fixes) to the files in place,
        /// atomically, keeping line endings and encoding; then report what remains (the
        /// exit status too). With `-`, the fixed text is written to standard output and
        /// the findings to standard error.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print every certain fix as a unified diff and write nothing; the exit status
        /// reflects the findings that would remain.
        #[arg(long)]
        diff: bool,
    },
    /// Show what the parser saw in each article: stories, headline and kicker, front
    /// matter and page residue, byline, dateline, lede, paragraphs, sections, end mark and
    /// trailers, each with its line and column.
    Outline {
        /// Article files; `-` reads one from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// The file name standard input stands for (sets its format: .md is Markdown).
        #[arg(long)]
        stdin_filename: Option<PathBuf>,
    },
    /// List every entity of each story (type, canonical name, first reference, every
    /// mention with line, column and byte offsets).
    ///
    /// Exit codes: 0 done; 2 bad usage, an invalid configuration, or a file that could not
    /// be read (the other files are still listed).
    Entities {
        /// Files or folders; `-` reads one article from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: JSON (one document), or TSV (one line per mention).
        #[arg(long, value_enum, default_value_t = EntitiesFormat::Json)]
        format: EntitiesFormat,
        /// Configuration file for every article (default: the nearest copydesk.toml).
        #[arg(long)]
        config: Option<PathBuf>,
        /// The file name standard input stands for.
        #[arg(long)]
        stdin_filename: Option<PathBuf>,
    },
    /// How often each rule (built-in and desk) fires over a folder of copy: findings, the
    /// share of stories, and sample matches in context. Runs on every core; progress on
    /// stderr.
    Audit {
        /// Files or folders of stories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only these rules (a code or `family/*`; repeat for more).
        #[arg(long = "rule", value_name = "CODE")]
        rules: Vec<String>,
        /// Sample matches shown per rule.
        #[arg(long, default_value_t = 3)]
        samples: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// House style, overriding copydesk.toml.
        #[arg(long, value_parser = parse_style)]
        style: Option<Style>,
        /// Configuration file for every story (default: the nearest copydesk.toml).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List every rule with its code, default severity and summary (desk rules included).
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        /// The configuration whose desk rules to list (default: the copydesk.toml in this
        /// folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// Write the rule pages (`<family>/<name>.md` and README.md) to DIR and delete
        /// stale ones, instead of listing.
        #[arg(long, value_name = "DIR")]
        write_docs: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// Run every desk rule's examples: each failure as `file:line:col: rule CODE: example
    /// "…" did not match`. Exit 1 on any failure or invalid rule.
    Test {
        /// The configuration to test (default: the copydesk.toml in this folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum EntitiesFormat {
    Json,
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

fn parse_style(s: &str) -> Result<Style, String> {
    Style::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Style::ALL.iter().map(|s| s.as_str()).collect();
        format!("unknown style `{s}`; expected one of {}", all.join(", "))
    })
}

fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .with_ansi(false)
        .init();
}

fn run_lsp() -> ExitCode {
    init_logging("copydesk=info");
    // One thread runs reading, decoding and the handlers (all short: applying an edit,
    // answering from a snapshot); analysis has its own thread and output its own writer
    // (`lsp::transport`). A multi-thread runtime only added wake-ups between its workers
    // on every keystroke.
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let ended = rt.block_on(copydesk::lsp::serve_stdio());
    // stdin's reader thread may still be blocked in read(2): do not wait for it.
    rt.shutdown_timeout(std::time::Duration::from_millis(100));
    ExitCode::from(ended.exit_code())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        None if args.stdio => run_lsp(),
        Some(Command::Lsp { .. }) => run_lsp(),
        None => {
            eprintln!("copydesk: no command given; try `copydesk check FILE` or `copydesk lsp` (`copydesk --help` lists all)");
            ExitCode::from(exit::TROUBLE as u8)
        }
        Some(Command::Outline {
            paths,
            format,
            stdin_filename,
        }) => {
            let mut out = io::stdout().lock();
            let json = matches!(format, RulesFormat::Json);
            let written = cli::outline::run(&mut out, &paths, stdin_filename.as_deref(), json);
            match written.and_then(|ok| out.flush().map(|()| ok)) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(exit::TROUBLE as u8),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(exit::TROUBLE as u8)
                }
            }
        }
        Some(Command::Audit {
            paths,
            rules,
            samples,
            format,
            style,
            config,
        }) => {
            init_logging("copydesk=warn");
            let config = match load_config(config) {
                Ok(c) => c,
                Err(code) => return code,
            };
            let opts = cli::audit::AuditOptions {
                paths,
                rules,
                samples,
                json: matches!(format, RulesFormat::Json),
                config,
                style,
            };
            let mut out = io::BufWriter::new(io::stdout().lock());
            let code = cli::audit::run_audit(&opts, &mut out, &mut io::stderr().lock())
                .unwrap_or(exit::TROUBLE);
            let _ = out.flush();
            ExitCode::from(code as u8)
        }
        Some(Command::Rules {
            action: Some(RulesAction::Test {
                config: test_config,
            }),
            config,
            ..
        }) => {
            let code = cli::sheets::run_test(
                test_config.or(config),
                &mut io::stdout().lock(),
                &mut io::stderr().lock(),
            )
            .unwrap_or(exit::TROUBLE);
            ExitCode::from(code as u8)
        }
        Some(Command::Rules {
            format,
            write_docs,
            config,
            action: None,
        }) => {
            if let Some(dir) = write_docs {
                return match copydesk::catalogue::write_docs(&dir) {
                    Ok(written) => {
                        eprintln!(
                            "wrote {} page(s) under {} ({} rules)",
                            written.len(),
                            dir.display(),
                            copydesk::rules::all().len()
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("error: cannot write {}: {e}", dir.display());
                        ExitCode::from(exit::TROUBLE as u8)
                    }
                };
            }
            // Desk rules and links follow the copydesk.toml governing this folder (or --config).
            let config = match load_config(config) {
                Err(code) => return code,
                Ok(Some(c)) => c,
                Ok(None) => {
                    let mut resolver = discover::Resolver::new(discover::Source::Discover, None);
                    match resolver.config_for(std::path::Path::new("rules.txt")) {
                        discover::Found::Config(c) => (*c).clone(),
                        discover::Found::Invalid(..) => Config::default(),
                    }
                }
            };
            let mut out = io::stdout().lock();
            let written = match format {
                RulesFormat::Human => {
                    out.write_all(copydesk::catalogue::table_for(&config).as_bytes())
                }
                RulesFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &copydesk::catalogue::entries(&config))
                        .map_err(io::Error::from)
                        .and_then(|()| writeln!(out))
                }
            };
            match written.and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(exit::TROUBLE as u8)
                }
            }
        }
        Some(Command::Entities {
            paths,
            format,
            config,
            stdin_filename,
        }) => {
            init_logging("copydesk=warn");
            if let Err(code) = stdin_at_most_once(&paths) {
                return code;
            }
            let fixed = match load_config(config) {
                Ok(c) => c,
                Err(code) => return code,
            };
            let opts = cli::entities::EntitiesOptions {
                paths,
                format: match format {
                    EntitiesFormat::Json => cli::entities::EntitiesFormat::Json,
                    EntitiesFormat::Tsv => cli::entities::EntitiesFormat::Tsv,
                },
                config: fixed,
                stdin_filename,
            };
            let mut out = io::BufWriter::new(io::stdout().lock());
            let code = match cli::entities::run_entities(
                &opts,
                &mut io::stdin().lock(),
                &mut out,
                &mut io::stderr().lock(),
            ) {
                Ok(code) => code,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::CLEAN,
                Err(e) => {
                    eprintln!("error: {e}");
                    exit::TROUBLE
                }
            };
            let _ = out.flush();
            ExitCode::from(code as u8)
        }
        Some(Command::Check {
            paths,
            format,
            style,
            config,
            stdin_filename,
            fix,
            diff,
        }) => {
            init_logging("copydesk=warn");
            if let Err(code) = stdin_at_most_once(&paths) {
                return code;
            }
            let fixed = match load_config(config) {
                Ok(c) => c,
                Err(code) => return code,
            };
            let opts = cli::CheckOptions {
                fix: if fix {
                    cli::FixMode::Write
                } else if diff {
                    cli::FixMode::Diff
                } else {
                    cli::FixMode::Off
                },
                paths,
                format: match format {
                    Format::Human => OutputFormat::Human,
                    Format::Json => OutputFormat::Json,
                    Format::Sarif => OutputFormat::Sarif,
                    Format::Github => OutputFormat::Github,
                },
                style,
                config: fixed,
                stdin_filename,
            };
            let stdout = io::stdout();
            let stderr = io::stderr();
            let mut out = io::BufWriter::new(stdout.lock());
            let code = match cli::run_check(
                &opts,
                &mut io::stdin().lock(),
                &mut out,
                &mut stderr.lock(),
            ) {
                Ok(code) => code,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::CLEAN,
                Err(e) => {
                    eprintln!("error: {e}");
                    exit::TROUBLE
                }
            };
            let _ = out.flush();
            ExitCode::from(code as u8)
        }
    }
}

/// `--config FILE`: the configuration every article is checked with, or none (each
/// article's nearest `copydesk.toml`); a bad file is reported and ends the run.
fn load_config(config: Option<PathBuf>) -> Result<Option<Config>, ExitCode> {
    match config {
        None => Ok(None),
        Some(p) => copydesk::settings::load(&p).map(Some).map_err(|e| {
            eprintln!("error: {}", cli::FileError::from_config(&e));
            ExitCode::from(exit::TROUBLE as u8)
        }),
    }
}

/// `-` (standard input) may stand among the paths once.
fn stdin_at_most_once(paths: &[PathBuf]) -> Result<(), ExitCode> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        eprintln!("error: `-` (standard input) can be given only once");
        return Err(ExitCode::from(exit::TROUBLE as u8));
    }
    Ok(())
}
