//! House style and rule settings: `copydesk.toml`, LSP settings, defaults.
//!
//! The engine sees only [`Config`]; where the settings came from is the caller's business.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::rules::Severity;
use crate::span::Span;

/// A house style: the agency whose conventions the copy follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    Ap,
    Upi,
    Reuters,
    Afp,
    Xinhua,
    Bloomberg,
    /// Any consistent agency form.
    Generic,
}

impl Style {
    pub const ALL: [Style; 7] = [
        Style::Ap,
        Style::Upi,
        Style::Reuters,
        Style::Afp,
        Style::Xinhua,
        Style::Bloomberg,
        Style::Generic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Style::Ap => "ap",
            Style::Upi => "upi",
            Style::Reuters => "reuters",
            Style::Afp => "afp",
            Style::Xinhua => "xinhua",
            Style::Bloomberg => "bloomberg",
            Style::Generic => "generic",
        }
    }

    pub fn parse(s: &str) -> Option<Style> {
        Style::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
    }

    /// The style whose agency wrote this dateline credit (`Xinhua` -> Xinhua).
    pub fn from_credit(agency: &str) -> Option<Style> {
        match agency {
            "AP" => Some(Style::Ap),
            "UPI" => Some(Style::Upi),
            "Reuters" => Some(Style::Reuters),
            "AFP" => Some(Style::Afp),
            "Xinhua" => Some(Style::Xinhua),
            "Bloomberg" => Some(Style::Bloomberg),
            _ => None,
        }
    }

    /// The agency display name used in messages.
    pub fn agency(self) -> &'static str {
        match self {
            Style::Ap => "AP",
            Style::Upi => "UPI",
            Style::Reuters => "Reuters",
            Style::Afp => "AFP",
            Style::Xinhua => "Xinhua",
            Style::Bloomberg => "Bloomberg",
            Style::Generic => "generic",
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule is set to: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Error,
    Warning,
    Info,
    Hint,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Hint => Some(Severity::Hint),
        }
    }
}

/// The settings the engine runs with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The house style; `None` infers it from each article's dateline credit.
    pub style: Option<Style>,
    /// Rule levels keyed by code (`quotes/unclosed`) or family (`dateline/*`).
    pub rules: std::collections::BTreeMap<String, Level>,
    /// `[quotes]`: how quotation marks nest.
    pub quotes: QuotesConfig,
}

/// `[quotes]` settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {
    /// `"us"` (single inside double, the default) or `"british"` (double inside single).
    pub nesting: Option<crate::article::quotes::Nesting>,
}

/// A configuration file that could not be read, with where the mistake is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    /// Byte span of the mistake in the file, when known.
    pub span: Option<Span>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Config {
    /// Parse `copydesk.toml` text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError {
            message: e.message().to_string(),
            span: e.span().map(Span::from),
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Parse LSP settings: `{ "copydesk": { ... } }` or the inner object alone.
    pub fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
        let inner = value.get("copydesk").unwrap_or(value);
        if inner.is_null() {
            return Ok(Config::default());
        }
        let config: Config = serde_json::from_value(inner.clone()).map_err(|e| ConfigError {
            message: e.to_string(),
            span: None,
        })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        for key in self.rules.keys() {
            let known = match key.strip_suffix("/*") {
                Some(family) => crate::rules::all()
                    .iter()
                    .any(|r| r.meta().family() == family),
                None => key == "*" || crate::rules::by_code(key).is_some(),
            };
            if !known {
                return Err(ConfigError {
                    message: format!(
                        "unknown rule `{key}` in [rules]; `copydesk rules` lists the codes"
                    ),
                    span: None,
                });
            }
        }
        Ok(())
    }

    /// `self` overridden by `over`: its style when set, its rule levels key by key.
    pub fn merged(mut self, over: &Config) -> Config {
        if over.style.is_some() {
            self.style = over.style;
        }
        if over.quotes.nesting.is_some() {
            self.quotes.nesting = over.quotes.nesting;
        }
        for (k, v) in &over.rules {
            self.rules.insert(k.clone(), *v);
        }
        self
    }

    /// The severity a rule runs at, or `None` when it is off. An exact code beats its
    /// family (`dateline/*`), which beats `*`.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        if let Some(level) = self.rules.get(code) {
            return level.severity();
        }
        let family = code.split('/').next().unwrap_or(code);
        if let Some(level) = self.rules.get(&format!("{family}/*")) {
            return level.severity();
        }
        if let Some(level) = self.rules.get("*") {
            return level.severity();
        }
        Some(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_with_rules() {
        let c = Config::from_toml(
            "style = \"ap\"\n[rules]\n\"quotes/unclosed\" = \"warning\"\n\"dateline/*\" = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.style, Some(Style::Ap));
        assert_eq!(
            c.severity("quotes/unclosed", Severity::Error),
            Some(Severity::Warning)
        );
        assert_eq!(c.severity("dateline/missing", Severity::Error), None);
    }

    #[test]
    fn errors_point_at_the_mistake() {
        let text = "style = \"apx\"\n";
        let e = Config::from_toml(text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(span.text(text), "\"apx\"");
        let e = Config::from_toml("[rules]\n\"no/such\" = \"off\"\n").unwrap_err();
        assert!(e.message.contains("no/such"), "{}", e.message);
    }

    #[test]
    fn json_settings_with_or_without_wrapper() {
        let v = serde_json::json!({"copydesk": {"style": "xinhua"}});
        assert_eq!(Config::from_json(&v).unwrap().style, Some(Style::Xinhua));
        let v = serde_json::json!({"style": "reuters"});
        assert_eq!(Config::from_json(&v).unwrap().style, Some(Style::Reuters));
    }
}
