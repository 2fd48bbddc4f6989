use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use copydesk::cli::{self, exit, OutputFormat};
use copydesk::config::{Config, Style};

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
    Check {
        /// Files or folders to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// House style, overriding copydesk.toml.
        #[arg(long, value_parser = parse_style)]
        style: Option<Style>,
        /// Configuration file (default: copydesk.toml in the first path's folder or a parent).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List every rule with its code, default severity and summary.
    Rules,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
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

/// Find `copydesk.toml` in `start`'s folder or one of its parents.
fn discover_config(start: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(start).ok()?;
    let mut dir = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join("copydesk.toml");
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

fn load_config(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Config::from_toml(&text).map_err(|e| match e.span {
        Some(span) => {
            let doc = copydesk::text::Document::new(&text, 0);
            let p = doc.position(span.start, copydesk::text::Encoding::Utf32);
            format!(
                "{}:{}:{}: invalid configuration: {}",
                path.display(),
                p.line + 1,
                p.column + 1,
                e.message
            )
        }
        None => format!("{}: invalid configuration: {}", path.display(), e.message),
    })
}

fn run_lsp() -> ExitCode {
    init_logging("copydesk=info");
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
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
        Some(Command::Rules) => {
            let mut out = io::stdout().lock();
            for r in copydesk::rules::all() {
                let m = r.meta();
                let _ = writeln!(
                    out,
                    "{:<28} {:<8} {}",
                    m.code,
                    m.default_severity.as_str(),
                    m.summary
                );
            }
            ExitCode::SUCCESS
        }
        Some(Command::Check {
            paths,
            format,
            style,
            config,
        }) => {
            init_logging("copydesk=warn");
            let config_path = config.or_else(|| paths.first().and_then(|p| discover_config(p)));
            let mut cfg = match config_path {
                Some(p) => match load_config(&p) {
                    Ok(c) => c,
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(exit::TROUBLE as u8);
                    }
                },
                None => Config::default(),
            };
            if style.is_some() {
                cfg.style = style;
            }
            let fmt = match format {
                Format::Human => OutputFormat::Human,
                Format::Json => OutputFormat::Json,
            };
            let stdout = io::stdout();
            let stderr = io::stderr();
            let mut out = io::BufWriter::new(stdout.lock());
            let code = match cli::run(&paths, &cfg, fmt, &mut out, &mut stderr.lock()) {
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
