//! Shipped word lists for recognition: titles, organization words, acronyms, surnames.
//! Small, editable, and deliberately conservative.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::words;

/// A word's classes: one bit per list below that holds it. Looking a word up once gives
/// its membership of every list, so the recognizer classifies each token with one hash
/// lookup ([`classes`]) and then tests bits.
pub type Classes = u16;

pub mod class {
    use super::Classes;
    pub const TITLE: Classes = 1 << 0;
    pub const ROLE_NOUN: Classes = 1 << 1;
    pub const ORG_WORD: Classes = 1 << 2;
    pub const OTHER_WORD: Classes = 1 << 3;
    pub const CONNECTOR: Classes = 1 << 4;
    pub const DEMONYM: Classes = 1 << 5;
    pub const STOPWORD: Classes = 1 << 6;
    pub const SPEECH_VERB: Classes = 1 << 7;
    pub const PARTICLE: Classes = 1 << 8;
    pub const FEATURE_WORD: Classes = 1 << 9;
}

/// Every list with its class bit.
const LISTS: &[(Classes, &[&str])] = &[
    (class::TITLE, TITLES),
    (class::ROLE_NOUN, ROLE_NOUNS),
    (class::ORG_WORD, ORG_WORDS),
    (class::OTHER_WORD, OTHER_WORDS),
    (class::CONNECTOR, CONNECTORS),
    (class::DEMONYM, DEMONYMS),
    (class::STOPWORD, STOPWORDS),
    (class::STOPWORD, &words::FULL_MONTHS),
    (class::STOPWORD, &words::AP_MONTHS),
    (class::STOPWORD, &words::REUTERS_MONTHS),
    (class::SPEECH_VERB, SPEECH_VERBS),
    (class::PARTICLE, PARTICLES),
    (class::FEATURE_WORD, crate::entities::places::FEATURE_WORDS),
];

static CLASSES: LazyLock<FxHashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for &(bit, list) in LISTS {
        for &w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    m
});

/// The classes of `w` (exact spelling, as the lists hold it); 0 for a word in no list.
pub fn classes(w: &str) -> Classes {
    CLASSES.get(w).copied().unwrap_or(0)
}

/// One of the word lists, as a set.
pub struct WordSet {
    bit: Classes,
}

impl WordSet {
    pub const fn new(bit: Classes) -> WordSet {
        WordSet { bit }
    }

    /// Whether the list holds `w`.
    pub fn contains(&self, w: &str) -> bool {
        classes(w) & self.bit != 0
    }

    /// Whether `classes` (from [`classes`] or a token's) include this list.
    pub fn has(&self, classes: Classes) -> bool {
        classes & self.bit != 0
    }
}

/// Sets over the lists below.
pub mod sets {
    use super::class;
    pub use super::WordSet;

    pub static TITLES: WordSet = WordSet::new(class::TITLE);
    pub static ROLE_NOUNS: WordSet = WordSet::new(class::ROLE_NOUN);
    pub static ORG_WORDS: WordSet = WordSet::new(class::ORG_WORD);
    pub static OTHER_WORDS: WordSet = WordSet::new(class::OTHER_WORD);
    pub static CONNECTORS: WordSet = WordSet::new(class::CONNECTOR);
    pub static DEMONYMS: WordSet = WordSet::new(class::DEMONYM);
    pub static STOPWORDS: WordSet = WordSet::new(class::STOPWORD);
    pub static SPEECH_VERBS: WordSet = WordSet::new(class::SPEECH_VERB);
    pub static PARTICLES: WordSet = WordSet::new(class::PARTICLE);
    pub static FEATURE_WORDS: WordSet = WordSet::new(class::FEATURE_WORD);
}

/// Words that, capitalized before a name, make it a person ([`crate::words::TITLES`]).
pub const TITLES: &[&str] = crate::words::TITLES;

/// Lower-case nouns that make an appositive a role (`Li Keqiang, the Chinese premier,`).
pub const ROLE_NOUNS: &[&str] = &[
    "president",
    "premier",
    "minister",
    "chancellor",
    "secretary",
    "governor",
    "senator",
    "mayor",
    "king",
    "queen",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commissioner",
    "judge",
    "official",
    "researcher",
    "analyst",
    "economist",
    "professor",
    "adviser",
    "advisor",
    "campaigner",
    "activist",
    "leader",
    "head",
    "chief",
    "executive",
    "founder",
    "lawmaker",
    "legislator",
    "diplomat",
    "manager",
    "officer",
    "scientist",
    "expert",
    "strategist",
    "trader",
    "lawyer",
    "farmer",
    "resident",
    "student",
    "teacher",
    "doctor",
    "engineer",
    "general",
    "commander",
    "negotiator",
    "deputy",
    "member",
    "owner",
    "editor",
    "writer",
    "author",
    "coach",
    "player",
];

/// Words that make a capitalized name an organization.
pub const ORG_WORDS: &[&str] = &[
    "Organization",
    "Organisation",
    "Union",
    "Ministry",
    "Bank",
    "Council",
    "Committee",
    "Party",
    "Association",
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Co.",
    "Co",
    "Company",
    "Ltd",
    "Ltd.",
    "LLC",
    "Plc",
    "PLC",
    "Group",
    "Agency",
    "Commission",
    "Institute",
    "University",
    "College",
    "Federation",
    "Alliance",
    "Forum",
    "Parliament",
    "Assembly",
    "Senate",
    "Court",
    "Department",
    "Administration",
    "Authority",
    "Bureau",
    "Board",
    "Fund",
    "Foundation",
    "Society",
    "Nations",
    "Programme",
    "Reserve",
    "Exchange",
    "Army",
    "Navy",
    "Front",
    "Movement",
    "League",
    "Network",
    "Holdings",
    "Airlines",
    "Airways",
    "Secretariat",
    "Academy",
    "Hospital",
    "Cabinet",
    "Congress",
    "Community",
    "Industries",
    "Motors",
    "Partners",
    "Cross",
    "Crescent",
    "House",
    "Securities",
    "Capital",
    "Management",
    "Research",
    "Markets",
    "Refining",
    "Service",
    "Guard",
    "Police",
];

/// Words that make a capitalized name some other proper name (initiatives, events, systems).
pub const OTHER_WORDS: &[&str] = &[
    "Initiative",
    "Strategy",
    "Plan",
    "Project",
    "System",
    "Summit",
    "Games",
    "Cup",
    "Olympics",
    "Prize",
    "Award",
    "Act",
    "Treaty",
    "Accord",
    "Declaration",
    "Festival",
    "Expo",
    "Road",
];

/// Short words that may sit inside a name ([`crate::words::NAME_CONNECTORS`]).
pub const CONNECTORS: &[&str] = crate::words::NAME_CONNECTORS;

/// Acronyms a reader knows without the spelled-out name (AP lets them stand), with what
/// they stand for and their kind.
pub const WELL_KNOWN: &[(&str, &str, super::EntityKind)] = {
    use super::EntityKind::{Organization as O, Other as X, Place as P};
    &[
        ("UN", "United Nations", O),
        ("U.N.", "United Nations", O),
        ("NATO", "North Atlantic Treaty Organization", O),
        ("EU", "European Union", O),
        ("BRICS", "BRICS", O),
        ("APEC", "Asia-Pacific Economic Cooperation", O),
        ("ASEAN", "Association of Southeast Asian Nations", O),
        ("TASS", "TASS", O),
        ("WTO", "World Trade Organization", O),
        ("IMF", "International Monetary Fund", O),
        (
            "OPEC",
            "Organization of the Petroleum Exporting Countries",
            O,
        ),
        (
            "OECD",
            "Organisation for Economic Co-operation and Development",
            O,
        ),
        ("G7", "Group of Seven", O),
        ("G20", "Group of 20", O),
        ("FBI", "Federal Bureau of Investigation", O),
        ("CIA", "Central Intelligence Agency", O),
        ("NASA", "National Aeronautics and Space Administration", O),
        ("UNESCO", "UNESCO", O),
        ("UNICEF", "UNICEF", O),
        ("IAEA", "International Atomic Energy Agency", O),
        ("AP", "The Associated Press", O),
        ("AFP", "Agence France-Presse", O),
        ("UPI", "United Press International", O),
        ("BBC", "BBC", O),
        ("CNN", "CNN", O),
        ("EC", "European Community", O),
        ("GATT", "General Agreement on Tariffs and Trade", O),
        ("SEC", "Securities and Exchange Commission", O),
        ("ECB", "European Central Bank", O),
        ("FIFA", "FIFA", O),
        ("NBA", "NBA", O),
        ("NFL", "NFL", O),
        ("US", "United States", P),
        ("U.S.", "United States", P),
        ("UK", "United Kingdom", P),
        ("U.K.", "United Kingdom", P),
        ("USA", "United States", P),
        ("GDP", "gross domestic product", X),
        ("GPS", "Global Positioning System", X),
        ("GLONASS", "GLONASS", X),
        ("AIDS", "AIDS", X),
        ("HIV", "HIV", X),
        ("CEO", "chief executive officer", X),
        ("TV", "television", X),
    ]
};

/// Common surnames that come first in Chinese and Korean names (`Li Keqiang` -> `Li`).
pub const SURNAME_FIRST: &[&str] = &[
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
    "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Xi", "Jin", "Fu",
    "Geng", "Bai", "Qin", "Kong", "Hua", "Mao", "Wen", "Kim", "Lee", "Park", "Choi", "Jung",
    "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Moon", "Yoo", "Ahn", "Hwang", "Oh", "Seo",
    "Kwon", "Ko", "Ban", "Roh", "Chun",
];

/// Adjectives of nationality and region: capitalized, but never a name on their own.
pub const DEMONYMS: &[&str] = &[
    "Chinese",
    "Russian",
    "American",
    "French",
    "German",
    "British",
    "Japanese",
    "Korean",
    "Indian",
    "Pakistani",
    "Iranian",
    "Iraqi",
    "Syrian",
    "Israeli",
    "Palestinian",
    "Turkish",
    "Egyptian",
    "Saudi",
    "Ukrainian",
    "Belarusian",
    "Polish",
    "Italian",
    "Spanish",
    "Portuguese",
    "Brazilian",
    "Mexican",
    "Canadian",
    "Australian",
    "European",
    "Asian",
    "African",
    "Arab",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Soviet",
    "Dutch",
    "Belgian",
    "Swiss",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Greek",
    "Austrian",
    "Hungarian",
    "Czech",
    "Slovak",
    "Romanian",
    "Bulgarian",
    "Serbian",
    "Croatian",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Malaysian",
    "Philippine",
    "Filipino",
    "Singaporean",
    "Cambodian",
    "Mongolian",
    "Kazakh",
    "Uzbek",
    "Afghan",
    "Nigerian",
    "Kenyan",
    "Ethiopian",
    "Argentine",
    "Chilean",
    "Colombian",
    "Peruvian",
    "Venezuelan",
    "Cuban",
    "Irish",
    "Scottish",
    "Welsh",
    "English",
    "Latin",
    "Nordic",
    "Taiwanese",
    "Kuwaiti",
    "Qatari",
    "Emirati",
    "Lebanese",
    "Jordanian",
    "Libyan",
    "Tunisian",
    "Moroccan",
    "Algerian",
    "Sudanese",
    "Yemeni",
    "Omani",
    "Georgian",
    "Armenian",
    "Azerbaijani",
    "Lithuanian",
    "Latvian",
    "Estonian",
    "Bosnian",
    "Albanian",
    "Moldovan",
    "Muslim",
    "Christian",
    "Catholic",
    "Jewish",
    "Islamic",
    "Buddhist",
    "Hindu",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Communist",
    "Communists",
    "Sino",
];

/// Capitalized words that never begin or make a name on their own.
pub const STOPWORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "Our",
    "His",
    "Her",
    "Their",
    "Its",
    "My",
    "Your",
    "After",
    "Before",
    "As",
    "Under",
    "Over",
    "With",
    "By",
    "From",
    "To",
    "Both",
    "Some",
    "Many",
    "Most",
    "All",
    "Any",
    "Each",
    "Other",
    "Such",
    "There",
    "Here",
    "Then",
    "Now",
    "Also",
    "However",
    "Meanwhile",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Since",
    "Until",
    "Despite",
    "Although",
    "Though",
    "Because",
    "So",
    "Not",
    "No",
    "Yes",
    "What",
    "Who",
    "How",
    "Why",
    "Where",
    "Which",
    "Every",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Of",
    "Mr",
    "Mrs",
    "Ms",
    "Let",
    "Let's",
    "Than",
    "Why",
    "Only",
    "Even",
    "More",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    // The months, in every form a dateline writes them: `LISTS` adds them from
    // `crate::words`.
];

/// Abbreviations whose period belongs to the word (and does not end a sentence), besides
/// the months' ([`is_abbreviation`]).
pub const ABBREVIATIONS: &[&str] = &[
    "St", "Mt", "Ft", "Gov", "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Gen", "Adm", "Col", "Lt",
    "Capt", "Maj", "Sgt", "Prof", "Rev", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No",
];

/// Whether the period after `word` belongs to it: an abbreviation of [`ABBREVIATIONS`] or
/// a month AP abbreviates (`Jan`, `Sept`).
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || words::AP_MONTHS
            .iter()
            .any(|m| m.strip_suffix('.') == Some(word))
}

/// Verbs of speech that mark a bare name as a person (`Orlovsky said`, `said Viktor Orlovsky`).
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "noted",
    "stated",
    "explained",
    "urged",
    "warned",
    "announced",
    "replied",
];

/// Particles that begin a surname (`de Graaf`, `van Gaal`): a name opening with one is a
/// surname reference, not a full name.
pub const PARTICLES: &[&str] = &[
    "De", "Van", "Von", "Le", "La", "Da", "Di", "Du", "Del", "Der", "Den", "Al", "El", "Bin",
    "Ter", "Dos", "Das",
];

/// Nouns that, right after a surname, use it as a modifier (`the Tower commission`).
pub const ATTRIBUTIVE_NOUNS: &[&str] = &[
    "commission",
    "report",
    "administration",
    "plan",
    "doctrine",
    "government",
    "era",
    "camp",
    "family",
    "cabinet",
    "team",
    "campaign",
    "proposal",
    "amendment",
    "bill",
    "panel",
    "board",
    "committee",
    "rule",
    "affair",
    "years",
    "legacy",
    "policy",
    "policies",
];
