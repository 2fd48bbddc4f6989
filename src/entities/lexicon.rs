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
    /// A given name of the Census list (`data/given-names.txt`).
    pub const GIVEN_NAME: Classes = 1 << 10;
    /// A surname of the Census list (`data/surnames.txt`).
    pub const SURNAME: Classes = 1 << 11;
    /// A word that ends a sports club's or a company's name (`United`, `Rovers`, `FC`).
    pub const CLUB_WORD: Classes = 1 << 12;
    /// One of the [`COMMON_SURNAMES`](super::COMMON_SURNAMES) commonest Census surnames:
    /// rarer ones are often ordinary words too (`Mining`, `Cement`, `Canada`).
    pub const COMMON_SURNAME: Classes = 1 << 13;
    /// A well-known one-word organization ([`ORG_NAMES`](super::ORG_NAMES)).
    pub const ORG_NAME: Classes = 1 << 14;
    /// A surname that comes first ([`SURNAME_FIRST`](super::SURNAME_FIRST)).
    pub const SURNAME_FIRST: Classes = 1 << 15;
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
    (class::CLUB_WORD, CLUB_WORDS),
    (class::ORG_NAME, ORG_NAMES),
    (class::SURNAME_FIRST, SURNAME_FIRST),
];

/// The Census given names and surnames (`data/`, built by `scripts/build-names.py`).
const GIVEN_NAMES_TXT: &str = include_str!("../../data/given-names.txt");
const SURNAMES_TXT: &str = include_str!("../../data/surnames.txt");

/// How many of the commonest surnames are [`class::COMMON_SURNAME`].
pub const COMMON_SURNAMES: usize = 5000;

fn name_list(txt: &'static str) -> impl Iterator<Item = &'static str> {
    txt.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static CLASSES: LazyLock<FxHashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for &(bit, list) in LISTS {
        for &w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    for (bit, txt) in [
        (class::GIVEN_NAME, GIVEN_NAMES_TXT),
        (class::SURNAME, SURNAMES_TXT),
    ] {
        for (rank, w) in name_list(txt).enumerate() {
            let common = bit == class::SURNAME && rank < COMMON_SURNAMES;
            *m.entry(w).or_default() |= bit | if common { class::COMMON_SURNAME } else { 0 };
        }
    }
    m
});

/// [`CLASSES`] as an open-addressing table probed by [`word_hash`]: one multiply and a
/// compare per lookup instead of the general map's hasher (every token is looked up).
struct Table {
    /// Per slot: the hash's upper half (a tag that rules out most unequal words without
    /// reading them) and 1 + the word's index in `words`; 0 when empty.
    slots: Box<[u64]>,
    mask: usize,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
    words: Vec<Entry>,
    /// One bit per [`filter_key`] that some word of the table has: most words of a
    /// story (lower case, in no list) are answered by one bit, without hashing them.
    filter: [u64; 256],
}

/// A word's length (to 15), the low six bits of its first byte and the low four of its
/// last, in 14 bits ([`Table::filter`]); 0 for the empty word.
#[inline(always)]
fn filter_key(b: &[u8]) -> usize {
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => {
            b.len().min(15) << 10 | usize::from(first & 0x3f) << 4 | usize::from(last & 0x0f)
        }
        _ => 0,
    }
}

impl Table {
    /// The first slot to probe for hash `h`, and the tag to find there.
    #[inline(always)]
    fn home(&self, h: u64) -> (usize, u64) {
        (
            (h >> self.shift) as usize,
            (h << (64 - self.shift)) & !0xffff_ffff,
        )
    }
}

/// A word of [`TABLE`] with its [`word_key`]: for a word of up to 16 bytes the key and the
/// length are the word, so a lookup compares them instead of the text.
struct Entry {
    key: (u64, u64),
    len: usize,
    word: &'static str,
    classes: Classes,
}

/// The longest word whose [`word_key`] holds every byte.
const KEY_HOLDS_ALL: usize = 16;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let words: Vec<Entry> = CLASSES
        .iter()
        .map(|(&w, &c)| Entry {
            key: word_key(w.as_bytes()),
            len: w.len(),
            word: w,
            classes: c,
        })
        .collect();
    let size = (words.len() * 2).next_power_of_two().max(16);
    let mut slots = vec![0u64; size].into_boxed_slice();
    let mask = size - 1;
    let shift = 64 - size.trailing_zeros();
    let mut table = Table {
        slots: Box::default(),
        mask,
        shift,
        words: Vec::new(),
        filter: [0; 256],
    };
    for (i, e) in words.iter().enumerate() {
        let (mut at, tag) = table.home(word_hash(e.key));
        while slots[at] != 0 {
            at = (at + 1) & mask;
        }
        slots[at] = tag | (i as u64 + 1);
        let f = filter_key(e.word.as_bytes());
        table.filter[f >> 6] |= 1 << (f & 63);
    }
    table.slots = slots;
    table.words = words;
    table
});

/// The key of a word's bytes for [`TABLE`]: the first and last eight (or four) bytes, and
/// the length (words are short). Up to [`KEY_HOLDS_ALL`] bytes, the key and the length
/// determine the word: 8 to 16 bytes are covered by the first and last eight, 4 to 7 by the
/// first and last four, 1 to 3 by the first, middle and last byte.
#[inline]
fn word_key(b: &[u8]) -> (u64, u64) {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = b.len();
    let read8 = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
    let read4 = |i: usize| {
        u64::from(u32::from_le_bytes(
            b[i..i + 4].try_into().unwrap_or_default(),
        ))
    };
    if n >= 8 {
        let mut h = read8(0);
        let mut i = 8;
        while i + 8 < n {
            h = (h ^ read8(i)).wrapping_mul(K1).rotate_left(29);
            i += 8;
        }
        (h, read8(n - 8) ^ n as u64)
    } else if n >= 4 {
        (read4(0), read4(n - 4) ^ ((n as u64) << 32))
    } else if n > 0 {
        (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            n as u64,
        )
    } else {
        (0, 0)
    }
}

/// A [`word_key`] mixed by one multiply: the top bits of the product depend on every
/// bit of the key, so [`Table`] takes its slot from them ([`Table::home`]) and its tag
/// from the bits below.
#[inline]
fn word_hash((x, y): (u64, u64)) -> u64 {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    (x ^ y.rotate_left(32)).wrapping_mul(K1)
}

/// The classes of `w` (exact spelling, as the lists hold it); 0 for a word in no list.
#[inline]
pub fn classes(w: &str) -> Classes {
    table().classes(w)
}

/// The lists' table, for a caller that looks up many words ([`Lexicon::classes`]):
/// the lazy initialisation is checked once, not on every word.
#[inline]
pub fn table() -> Lexicon {
    Lexicon(&TABLE)
}

/// A handle on the lists' table ([`table`]).
#[derive(Clone, Copy)]
pub struct Lexicon(&'static Table);

impl Lexicon {
    /// [`classes`], inlined into the caller's loop.
    #[inline(always)]
    pub fn classes(self, w: &str) -> Classes {
        self.classes_of_bytes(w.as_bytes())
    }

    /// [`Lexicon::classes`] of a word given as its bytes.
    #[inline(always)]
    pub fn classes_of_bytes(self, w: &[u8]) -> Classes {
        let t = self.0;
        let f = filter_key(w);
        if t.filter[f >> 6] & 1 << (f & 63) == 0 {
            return 0;
        }
        let key = word_key(w);
        let (mut at, tag) = t.home(word_hash(key));
        loop {
            let slot = t.slots[at];
            if slot == 0 {
                return 0;
            }
            if slot & !0xffff_ffff == tag {
                let e = &t.words[(slot & 0xffff_ffff) as usize - 1];
                if e.key == key
                    && e.len == w.len()
                    && (e.len <= KEY_HOLDS_ALL || e.word.as_bytes() == w)
                {
                    return e.classes;
                }
            }
            at = (at + 1) & t.mask;
        }
    }
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
    pub static GIVEN_NAMES: WordSet = WordSet::new(class::GIVEN_NAME);
    pub static SURNAMES: WordSet = WordSet::new(class::SURNAME);
    pub static CLUB_WORDS: WordSet = WordSet::new(class::CLUB_WORD);
    pub static COMMON_SURNAMES: WordSet = WordSet::new(class::COMMON_SURNAME);
    pub static ORG_NAMES: WordSet = WordSet::new(class::ORG_NAME);
    pub static SURNAME_FIRST: WordSet = WordSet::new(class::SURNAME_FIRST);
}

/// Words that end the name of a club or a firm named after a place (`Sheffield United`,
/// `Bayern Munich` aside): a place followed by one is an organization.
pub const CLUB_WORDS: &[&str] = &[
    "United",
    "City",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Athletico",
    "Atletico",
    "Albion",
    "Town",
    "Villa",
    "Hotspur",
    "Rangers",
    "Celtic",
    "Olympique",
    "Sporting",
    "Dynamo",
    "Dinamo",
    "FC",
    "F.C.",
    "AFC",
    "SC",
    "CF",
    "AC",
    "Real",
    "Inter",
    "Lokomotiv",
    "Spartak",
    "Galaxy",
    "Lakers",
    "Knicks",
    "Bulls",
    "Yankees",
    "Mets",
    "Giants",
    "Jets",
    "Eagles",
    "Patriots",
    "Cowboys",
    "Warriors",
    "Raptors",
    "Thunder",
    "Heat",
    "Red Sox",
    "Cubs",
    "Dodgers",
    "Penguins",
    "Bruins",
    "Canadiens",
    "Blues",
    "Kings",
    "Stars",
    "Sharks",
    "Capitals",
    "Saints",
    "Chiefs",
    "Broncos",
    "Raiders",
    "Steelers",
    "Packers",
    "Bears",
    "Lions",
    "Tigers",
    "Panthers",
    "Wolves",
    "Hurricanes",
    "Crusaders",
    "Highlanders",
    "Brumbies",
    "Waratahs",
    "Reds",
    "Storm",
    "Roosters",
    "Dragons",
    "Sabres",
    "Oilers",
    "Flames",
    "Senators",
    "Devils",
    "Islanders",
    "Flyers",
    "Predators",
    "Coyotes",
    "Mariners",
    "Padres",
    "Astros",
    "Orioles",
    "Royals",
    "Twins",
    "Brewers",
    "Pirates",
    "Reds",
    "Rockies",
    "Nationals",
    "Phillies",
    "Braves",
    "Marlins",
    "Athletics",
    "Angels",
    "Clippers",
    "Celtics",
    "Nets",
    "Pistons",
    "Pacers",
    "Bucks",
    "Cavaliers",
    "Hawks",
    "Hornets",
    "Magic",
    "Wizards",
    "Spurs",
    "Rockets",
    "Mavericks",
    "Grizzlies",
    "Pelicans",
    "Suns",
    "Jazz",
    "Nuggets",
    "Timberwolves",
    "Blazers",
    "Kings",
];

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
    "goalkeeper",
    "striker",
    "midfielder",
    "defender",
    "winger",
    "investor",
    "financier",
    "banker",
    "businessman",
    "businesswoman",
    "tycoon",
    "magnate",
    "entrepreneur",
    "industrialist",
    "attorney",
    "prosecutor",
    "actor",
    "actress",
    "singer",
    "artist",
    "novelist",
    "journalist",
    "correspondent",
    "photographer",
    "producer",
    "candidate",
    "challenger",
    "wife",
    "husband",
    "widow",
    "cleric",
    "rebel",
    "militant",
    "seed",
    "champion",
    "winner",
    "teammate",
    "compatriot",
    "countryman",
    "rookie",
    "veteran",
    "captain",
    "skipper",
    "pitcher",
    "catcher",
    "outfielder",
    "infielder",
    "shortstop",
    "quarterback",
    "batsman",
    "bowler",
    "golfer",
    "driver",
    "rider",
    "cyclist",
    "sprinter",
    "swimmer",
    "boxer",
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
    "Times",
    "Post",
    "Herald",
    "Gazette",
    "Journal",
    "Tribune",
    "Magazine",
    "Telegraph",
    "Chronicle",
    "Observer",
    "Independent",
    "Daily",
    "Press",
    "News",
    "Television",
    "Radio",
    "Broadcasting",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Systems",
    "Technologies",
    "Technology",
    "Electronics",
    "Pharmaceuticals",
    "Energy",
    "Petroleum",
    "Oil",
    "Gas",
    "Railways",
    "Railway",
    "Communications",
    "Telecom",
    "Insurance",
    "Investments",
    "Trust",
    "Church",
    "School",
    "Club",
    "Team",
    "Squad",
    "Brigade",
    "Corps",
    "Force",
    "Forces",
    "Office",
    "Agency",
    "Newsroom",
    "Centre",
    "Center",
    "Laboratory",
    "Laboratories",
    "Observatory",
    "Legion",
    "Consortium",
    "Coalition",
    "Union",
    "Institution",
    "Conservancy",
    "Council",
    "Tribunal",
    "Brothers",
    "Mining",
    "Aviation",
    "Shimbun",
    "Industrie",
    "Assurance",
    "Associates",
    "Bancorp",
    "Bancshares",
    "Bros.",
    "Sons",
    "AG",
    "SA",
    "NV",
    "GmbH",
    "S.A.",
    "N.V.",
    "Inc",
    "Limited",
    "Ranch",
    "Farms",
    "Foods",
    "Vineyards",
    "Winery",
    "Brewery",
    "Bakery",
    "Stores",
    "Restaurants",
    "Hotels",
    "Resorts",
    "Casino",
    "Motor",
    "Mills",
    "Labs",
    "Ventures",
    "Enterprises",
    "Cie",
    "Compagnie",
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
        ("NHL", "NHL", O),
        ("MLB", "MLB", O),
        ("NCAA", "NCAA", O),
        ("NASCAR", "NASCAR", O),
        ("UEFA", "UEFA", O),
        ("IOC", "IOC", O),
        ("ATP", "ATP", O),
        ("WTA", "WTA", O),
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
    "Kwon", "Ko", "Ban", "Roh", "Chun", "Wong", "Chan", "Cheung", "Leung", "Lau", "Ng", "Ho",
    "Tse", "Yip", "Yeung", "Chow", "Lai", "Tsang", "Kwok", "Fung", "Lam", "Mok", "Tam", "Poon",
    "Kwan", "Chiang", "Chu", "Hui", "Szeto", "Tsai", "Hsu", "Hun", "Xiong",
];

/// Acronyms of things, not organizations: an acronym in running text is otherwise taken
/// for an organization's.
pub const NOT_ORG_ACRONYMS: &[&str] = &[
    "AM", "PM", "TV", "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "CPI", "HIV", "AIDS", "DNA", "RNA",
    "SARS", "MERS", "COVID", "ID", "IT", "PC", "OK", "AI", "VIP", "MP", "MPs", "MEP", "PhD", "MBA",
    "BA", "MA", "BSc", "CD", "DVD", "USB", "GPS", "SMS", "PDF", "URL", "HTML", "IQ", "ICU", "ER",
    "UV", "LED", "LCD", "ATM", "IPO", "VAT", "GST", "EST", "GMT", "UTC", "EDT", "PST", "PDT",
    "CST", "CDT", "BST", "CET", "KM", "MPH", "LNG", "LPG", "CO2", "AD", "BC", "BCE", "CE", "RPG",
    "SUV", "ISBN", "FAQ", "PS", "NB", "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "YTD", "QB", "RBI",
    "ERA", "VR", "TB", "OTC", "EPS", "ETF", "MW", "GW", "KW", "PPM", "II", "III", "IV", "WWII",
    "WWI", "THE", "AND", "FOR", "NEW", "US", "UK", "USA", "UAE",
    // Finance copy: notes, rates, units and credit ratings.
    "NOTE", "NOTES", "LIBOR", "CWT", "AAA", "CAA", "BAA",
];

/// Organizations known by one word, that news copy names without introducing: companies,
/// news agencies, clubs, movements. A general list, not any one story's.
/// The nicknames of North American major-league clubs (baseball, football, basketball,
/// hockey; 2004 and now) that name the club alone: after the club's city in a story
/// (`Indianapolis Colts`, then `the Colts`), and those in [`UNMISTAKABLE_CLUBS`] anywhere.
pub const CLUB_NICKNAMES: &[&str] = &[
    "Diamondbacks",
    "Braves",
    "Orioles",
    "Red Sox",
    "Cubs",
    "White Sox",
    "Reds",
    "Guardians",
    "Indians",
    "Rockies",
    "Tigers",
    "Astros",
    "Royals",
    "Angels",
    "Dodgers",
    "Marlins",
    "Brewers",
    "Twins",
    "Mets",
    "Yankees",
    "Athletics",
    "Phillies",
    "Pirates",
    "Padres",
    "Giants",
    "Mariners",
    "Cardinals",
    "Rays",
    "Devil Rays",
    "Rangers",
    "Blue Jays",
    "Nationals",
    "Expos",
    "Falcons",
    "Ravens",
    "Bills",
    "Panthers",
    "Bears",
    "Bengals",
    "Browns",
    "Cowboys",
    "Broncos",
    "Lions",
    "Packers",
    "Texans",
    "Colts",
    "Jaguars",
    "Chiefs",
    "Raiders",
    "Chargers",
    "Rams",
    "Dolphins",
    "Vikings",
    "Patriots",
    "Saints",
    "Jets",
    "Eagles",
    "Steelers",
    "49ers",
    "Seahawks",
    "Buccaneers",
    "Titans",
    "Commanders",
    "Redskins",
    "Hawks",
    "Celtics",
    "Nets",
    "Hornets",
    "Bulls",
    "Cavaliers",
    "Mavericks",
    "Nuggets",
    "Pistons",
    "Warriors",
    "Rockets",
    "Pacers",
    "Clippers",
    "Lakers",
    "Grizzlies",
    "Heat",
    "Bucks",
    "Timberwolves",
    "Pelicans",
    "Knicks",
    "Thunder",
    "Magic",
    "76ers",
    "Suns",
    "Trail Blazers",
    "Kings",
    "Spurs",
    "Raptors",
    "Jazz",
    "Wizards",
    "SuperSonics",
    "Ducks",
    "Mighty Ducks",
    "Coyotes",
    "Bruins",
    "Sabres",
    "Flames",
    "Hurricanes",
    "Blackhawks",
    "Avalanche",
    "Blue Jackets",
    "Stars",
    "Red Wings",
    "Oilers",
    "Wild",
    "Canadiens",
    "Predators",
    "Devils",
    "Islanders",
    "Senators",
    "Flyers",
    "Penguins",
    "Sharks",
    "Kraken",
    "Blues",
    "Lightning",
    "Maple Leafs",
    "Canucks",
    "Golden Knights",
    "Capitals",
    "Thrashers",
];

/// Of [`CLUB_NICKNAMES`], those no other word or name is spelled as: a club's wherever they
/// stand (`Expos End Life in Montreal`, `the Yankees`).
pub const UNMISTAKABLE_CLUBS: &[&str] = &[
    "Diamondbacks",
    "Orioles",
    "Red Sox",
    "White Sox",
    "Astros",
    "Dodgers",
    "Mets",
    "Yankees",
    "Phillies",
    "Padres",
    "Devil Rays",
    "Blue Jays",
    "Expos",
    "Bengals",
    "Broncos",
    "Jaguars",
    "49ers",
    "Seahawks",
    "Buccaneers",
    "Steelers",
    "Redskins",
    "Celtics",
    "Knicks",
    "Lakers",
    "Pistons",
    "Nuggets",
    "Grizzlies",
    "Timberwolves",
    "Raptors",
    "76ers",
    "Trail Blazers",
    "SuperSonics",
    "Pacers",
    "Bruins",
    "Sabres",
    "Blackhawks",
    "Blue Jackets",
    "Red Wings",
    "Canucks",
    "Maple Leafs",
    "Thrashers",
];

pub const ORG_NAMES: &[&str] = &[
    "Google",
    "Microsoft",
    "Apple",
    "Amazon",
    "Facebook",
    "Twitter",
    "Meta",
    "Netflix",
    "Intel",
    "Samsung",
    "Sony",
    "Toyota",
    "Honda",
    "Nissan",
    "Volkswagen",
    "Boeing",
    "Airbus",
    "Reuters",
    "Xinhua",
    "Yonhap",
    "Kyodo",
    "Interfax",
    "Tass",
    "Wikipedia",
    "Instagram",
    "YouTube",
    "WhatsApp",
    "TikTok",
    "Uber",
    "Nokia",
    "Ericsson",
    "Siemens",
    "Huawei",
    "Alibaba",
    "Tencent",
    "Baidu",
    "Gazprom",
    "Rosneft",
    "Aramco",
    "Exxon",
    "ExxonMobil",
    "Chevron",
    "Walmart",
    "Nike",
    "Adidas",
    "Pfizer",
    "Moderna",
    "Novartis",
    "Nestle",
    "Unilever",
    "Disney",
    "Citigroup",
    "JPMorgan",
    "Barclays",
    "Vodafone",
    "Verizon",
    "Comcast",
    "Oracle",
    "Cisco",
    "Motorola",
    "Qualcomm",
    "Nvidia",
    "Hyundai",
    "Renault",
    "Peugeot",
    "Volvo",
    "Lufthansa",
    "Ryanair",
    "Qantas",
    "Petrobras",
    "Pemex",
    "Sinopec",
    "PetroChina",
    "Interpol",
    "Europol",
    "Hamas",
    "Hezbollah",
    "Fatah",
    "Likud",
    "Pentagon",
    "Kremlin",
    "Arsenal",
    "Juventus",
    "Ajax",
    "Benfica",
    "Feyenoord",
    "Bayern",
    "Borussia",
    "Galatasaray",
    "Fenerbahce",
    "Besiktas",
    "Olympiacos",
    "Panathinaikos",
    "Anderlecht",
    "Boca",
    "Flamengo",
    "Fluminense",
    "Palmeiras",
    "Mitsubishi",
    "Panasonic",
    "Toshiba",
    "Hitachi",
    "Fujitsu",
    "Nintendo",
    "Spotify",
    "PayPal",
    "eBay",
    "Yahoo",
    "Airbnb",
    "Starbucks",
    "McDonald's",
    "Heineken",
    "Carlsberg",
    "Pepsi",
    "PepsiCo",
    "Danone",
    "Bayer",
    "BASF",
    "Glencore",
    "Rio Tinto",
    "Vale",
    "Alcoa",
    "Dow",
    "DuPont",
    "Halliburton",
    "Caterpillar",
    "Lockheed",
    "Raytheon",
    "Ferrari",
    "Porsche",
    "Lamborghini",
    "Maserati",
    "Fiat",
    "Chrysler",
    "Kodak",
    "Xerox",
    "Greenpeace",
    "Amnesty",
    "Oxfam",
    "UNICEF",
    "Wikileaks",
    "WikiLeaks",
    "Mossad",
    "Gestapo",
    "Stasi",
    "Politburo",
    "Bundesbank",
    "Bundestag",
    "Knesset",
    "Duma",
    "Sejm",
    "Riksdag",
    "Storting",
    "Folketing",
    "Eurostat",
    "Frontex",
    "Aeroflot",
    "Emirates",
    "Etihad",
    "Nasdaq",
    "Congress",
    "Senate",
    "Parliament",
    "Treasury",
    "Fed",
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
    // Every abbreviation is two to four letters, the first a capital.
    (2..=4).contains(&word.len())
        && word.as_bytes()[0].is_ascii_uppercase()
        && (ABBREVIATIONS.contains(&word)
            || words::AP_MONTHS
                .iter()
                .any(|m| m.strip_suffix('.') == Some(word)))
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
    "Ter", "Dos",
    "Das", // lower case inside a name: `Ana María de la Cruz`, `Pieter van der Berg`
    "de", "van", "von", "da", "di", "du", "del", "della", "der", "den", "bin", "ibn", "ter", "dos",
    "das", "la", "le",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_map() {
        assert!(CLASSES.len() > 20_000);
        for (&w, &c) in CLASSES.iter() {
            assert_eq!(classes(w), c, "{w}");
            // Near misses of every word: one byte longer, shorter, or changed.
            let longer = format!("{w}x");
            assert_eq!(
                classes(&longer),
                CLASSES.get(longer.as_str()).copied().unwrap_or(0)
            );
            let shorter = &w[..w.char_indices().last().map_or(0, |(i, _)| i)];
            assert_eq!(classes(shorter), CLASSES.get(shorter).copied().unwrap_or(0));
        }
        for w in [
            "",
            "x",
            "zzzzzzzzzzzzzzzzzzzzzz",
            "Ünsal",
            "森山",
            "said",
            "the",
        ] {
            assert_eq!(classes(w), CLASSES.get(w).copied().unwrap_or(0), "{w}");
        }
        assert!(classes("Smith") & class::SURNAME != 0);
        assert_eq!(classes("Smithx"), 0);
    }

    #[test]
    fn a_short_words_key_is_the_word() {
        // `classes` compares keys, not text, for words of up to `KEY_HOLDS_ALL` bytes: no
        // two different words of one length may share a key.
        let mut seen: FxHashMap<((u64, u64), usize), &str> = FxHashMap::default();
        let extra = [
            "", "a", "ab", "abc", "abd", "abcd", "abce", "abcdefgh", "abcdefgi",
        ];
        let extra = extra
            .iter()
            .copied()
            .chain(["bacdefgh", "Mañana", "森山", "森川"]);
        for w in CLASSES.keys().copied().chain(extra) {
            if w.len() > KEY_HOLDS_ALL {
                continue;
            }
            if let Some(other) = seen.insert((word_key(w.as_bytes()), w.len()), w) {
                assert_eq!(other, w);
            }
        }
        // Every byte counts: each word of 1-16 bytes differs in key from the same word
        // with any one byte changed.
        let base = b"abcdefghijklmnop";
        for n in 1..=KEY_HOLDS_ALL {
            let w = &base[..n];
            for i in 0..n {
                let mut v = w.to_vec();
                v[i] = b'z';
                assert_ne!(word_key(w), word_key(&v), "{n} {i}");
            }
        }
    }

    #[test]
    fn abbreviations_are_short_and_capitalized() {
        // `is_abbreviation` rejects other words before searching the lists.
        let months = words::AP_MONTHS.iter().filter_map(|m| m.strip_suffix('.'));
        for w in ABBREVIATIONS.iter().copied().chain(months) {
            assert!((2..=4).contains(&w.len()), "{w}");
            assert!(w.as_bytes()[0].is_ascii_uppercase(), "{w}");
            assert!(is_abbreviation(w), "{w}");
        }
        assert!(!is_abbreviation("st") && !is_abbreviation("Street") && !is_abbreviation(""));
    }
}
