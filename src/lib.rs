//! copydesk: a language server and checker for news wire copy.
//!
//! The engine — [`article`], [`rules`], [`outline`], [`analysis`], [`config`] — is plain
//! synchronous Rust over byte [`span::Span`]s. [`text`] holds open documents and converts
//! positions; [`lsp`] adapts the engine to the protocol and [`cli`] to the command line.
//! See ARCHITECTURE.md for the map.

pub mod analysis;
pub mod article;
pub mod catalogue;
pub mod cli;
pub mod complete;
pub mod config;
pub mod entities;
pub mod facts;
pub mod finding;
pub mod fix;
pub mod gazetteer;
pub mod hints;
pub mod hover;
pub mod lens;
pub mod lsp;
pub mod outline;
pub mod prose;
pub mod rules;
pub mod settings;
pub mod sheets;
pub mod snippets;
pub mod span;
pub mod text;
pub mod words;
pub mod workspace;

pub use analysis::{analyze, analyze_reusing, Analysis, Reuse};
pub use article::Format;
pub use config::Config;
