//! Word lists the engine shares, each defined once: the months in every form a dateline
//! writes them, the titles that make a name a person, the short words that may sit
//! inside a place's or an organization's name, and the U.S. states with their
//! abbreviations.
//!
//! At the bottom of the engine (no dependencies), so that the article's dateline reader,
//! the recognizer's lexicon and the rules read the same lists.

/// The months in full.
pub const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// AP's forms with a date: five months abbreviated with a period.
pub const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Reuters' forms: AP's abbreviations without the period.
pub const REUTERS_MONTHS: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// PTI, IANS: three letters, no period.
pub const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The days of the week, from Sunday (day 0, as the calendar arithmetic counts them).
pub const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The month (1–12) a word names in any case, with or without a trailing period: its full
/// name, its three letters, or `Sept` (`march`, `FEb`, `Sept.`).
pub fn month_any_case(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    (0..12u8)
        .find(|&i| {
            let i = usize::from(i);
            FULL_MONTHS[i].eq_ignore_ascii_case(w)
                || SHORT_MONTHS[i].eq_ignore_ascii_case(w)
                || REUTERS_MONTHS[i].eq_ignore_ascii_case(w)
        })
        .map(|i| i + 1)
}

/// Words that, capitalized before a name, make it a person (`Premier Li Keqiang`).
/// The title may be preceded by other capitalized words (`Russian Prime Minister`).
pub const TITLES: &[&str] = &[
    "President",
    "President-elect",
    "Vice-President",
    "Premier",
    "Minister",
    "Chancellor",
    "Secretary",
    "Secretary-General",
    "Director-General",
    "Governor",
    "Gov.",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Pope",
    "Ambassador",
    "Envoy",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Commissioner",
    "Judge",
    "Justice",
    "Gen.",
    "Adm.",
    "Admiral",
    "Col.",
    "Colonel",
    "Lt.",
    "Capt.",
    "Captain",
    "Maj.",
    "Sgt.",
    "Dr.",
    "Professor",
    "Prof.",
    "Speaker",
    "Councilor",
    "Councillor",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sheikh",
    "Emir",
    "Sultan",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Rev.",
    "Sheriff",
    "Commander",
    "Coach",
    "Treasurer",
    "Lawmaker",
    "Economist",
    "Analyst",
    "Chief",
    "Executive",
    "Officer",
    "Congressman",
    "Congresswoman",
    "Assemblyman",
    "Assemblywoman",
    "Lieutenant",
    "Sergeant",
    "Brigadier",
    "Marshal",
    "Rabbi",
    "Imam",
    "Ayatollah",
    "Sir",
    "Dame",
    "Lord",
    "Baroness",
    "Prosecutor",
    "Inspector",
    "Detective",
    "Superintendent",
];

/// Titles that introduce a person even before a surname alone (`President Putin`).
pub const STRONG_TITLES: &[&str] = &[
    "President",
    "Premier",
    "Minister",
    "Chancellor",
    "Gov.",
    "Sen.",
    "Rep.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Gen.",
    "Sheikh",
    "Emir",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Short words that may sit inside a name (`Ministry of Commerce`, `Belt and Road
/// Initiative`): what the recognizer lets through between capitalized words.
pub const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "on", "the", "de", "du", "la", "des", "&",
    // In a line of capitals (`FRUIT OF THE LOOM INC`, `BANK OF TOKYO`).
    "OF", "FOR", "AND", "THE",
];

/// Prepositions after which a place's name is read as the place (`from Dubuque`): the
/// recognizer takes a smaller city after them as the city, `names/near-miss` leaves a
/// place's name after them alone.
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "to", "near", "at", "outside", "across"];

/// Lower-case words allowed inside place and region names (`Rio de Janeiro`,
/// `Bosnia and Herzegovina`).
pub const PLACE_CONNECTORS: &[&str] = &[
    "de", "da", "do", "dos", "das", "la", "le", "les", "del", "di", "of", "and", "el", "al",
    "upon", "on", "sur", "am", "im", "an", "der", "den", "van", "von", "y", "e",
];

/// A U.S. state in AP dateline form: (postal code, full name, AP form).
pub const AP_STATES: &[(&str, &str, &str)] = &[
    ("AL", "Alabama", "Ala."),
    ("AK", "Alaska", "Alaska"),
    ("AZ", "Arizona", "Ariz."),
    ("AR", "Arkansas", "Ark."),
    ("CA", "California", "Calif."),
    ("CO", "Colorado", "Colo."),
    ("CT", "Connecticut", "Conn."),
    ("DE", "Delaware", "Del."),
    ("DC", "District of Columbia", "D.C."),
    ("FL", "Florida", "Fla."),
    ("GA", "Georgia", "Ga."),
    ("HI", "Hawaii", "Hawaii"),
    ("ID", "Idaho", "Idaho"),
    ("IL", "Illinois", "Ill."),
    ("IN", "Indiana", "Ind."),
    ("IA", "Iowa", "Iowa"),
    ("KS", "Kansas", "Kan."),
    ("KY", "Kentucky", "Ky."),
    ("LA", "Louisiana", "La."),
    ("ME", "Maine", "Maine"),
    ("MD", "Maryland", "Md."),
    ("MA", "Massachusetts", "Mass."),
    ("MI", "Michigan", "Mich."),
    ("MN", "Minnesota", "Minn."),
    ("MS", "Mississippi", "Miss."),
    ("MO", "Missouri", "Mo."),
    ("MT", "Montana", "Mont."),
    ("NE", "Nebraska", "Neb."),
    ("NV", "Nevada", "Nev."),
    ("NH", "New Hampshire", "N.H."),
    ("NJ", "New Jersey", "N.J."),
    ("NM", "New Mexico", "N.M."),
    ("NY", "New York", "N.Y."),
    ("NC", "North Carolina", "N.C."),
    ("ND", "North Dakota", "N.D."),
    ("OH", "Ohio", "Ohio"),
    ("OK", "Oklahoma", "Okla."),
    ("OR", "Oregon", "Ore."),
    ("PA", "Pennsylvania", "Pa."),
    ("RI", "Rhode Island", "R.I."),
    ("SC", "South Carolina", "S.C."),
    ("SD", "South Dakota", "S.D."),
    ("TN", "Tennessee", "Tenn."),
    ("TX", "Texas", "Texas"),
    ("UT", "Utah", "Utah"),
    ("VT", "Vermont", "Vt."),
    ("VA", "Virginia", "Va."),
    ("WA", "Washington", "Wash."),
    ("WV", "West Virginia", "W.Va."),
    ("WI", "Wisconsin", "Wis."),
    ("WY", "Wyoming", "Wyo."),
];

/// Older or informal abbreviations seen in copy: (written without periods, postal code).
pub const STATE_VARIANTS: &[(&str, &str)] = &[
    ("TEX", "TX"),
    ("CAL", "CA"),
    ("CALIF", "CA"),
    ("PENN", "PA"),
    ("PENNA", "PA"),
    ("WISC", "WI"),
    ("KANS", "KS"),
    ("NEBR", "NE"),
    ("OREG", "OR"),
    ("ALAS", "AK"),
    ("ARIZ", "AZ"),
    ("COLO", "CO"),
    ("CONN", "CT"),
    ("FLA", "FL"),
    ("TENN", "TN"),
    ("MASS", "MA"),
    ("MICH", "MI"),
    ("MINN", "MN"),
    ("MISS", "MS"),
    ("MONT", "MT"),
    ("OKLA", "OK"),
    ("WASH", "WA"),
    ("WYO", "WY"),
];

/// The state an abbreviation after a city names (`Tex.`, `Calif.`, `N.Y.`, `Conn.`):
/// AP's forms and the older ones of [`STATE_VARIANTS`], each with its period. The state's
/// full name.
pub fn state_abbreviation(abbr: &str) -> Option<&'static str> {
    if !abbr.ends_with('.') {
        return None;
    }
    if let Some(&(_, full, _)) = AP_STATES.iter().find(|(_, _, ap)| *ap == abbr) {
        return Some(full);
    }
    let bare = abbr.strip_suffix('.')?;
    let (_, postal) = STATE_VARIANTS.iter().find(|(v, _)| {
        v.len() == bare.len()
            && v.eq_ignore_ascii_case(bare)
            && bare[1..].bytes().all(|b| b.is_ascii_lowercase())
    })?;
    AP_STATES
        .iter()
        .find(|(p, _, _)| p == postal)
        .map(|&(_, full, _)| full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_abbreviations_after_a_city() {
        assert_eq!(state_abbreviation("Calif."), Some("California"));
        assert_eq!(state_abbreviation("N.Y."), Some("New York"));
        assert_eq!(state_abbreviation("Tex."), Some("Texas"));
        assert_eq!(state_abbreviation("Conn."), Some("Connecticut"));
        // The period is needed; a word in capitals or a title is no abbreviation here.
        assert_eq!(state_abbreviation("Calif"), None);
        assert_eq!(state_abbreviation("TEX."), None);
        assert_eq!(state_abbreviation("Mr."), None);
        assert_eq!(state_abbreviation("Texas"), None);
    }

    #[test]
    fn months_in_any_case_and_form() {
        for (i, forms) in [FULL_MONTHS, AP_MONTHS, REUTERS_MONTHS, SHORT_MONTHS]
            .iter()
            .flat_map(|f| f.iter().enumerate())
        {
            assert_eq!(month_any_case(forms), Some(i as u8 + 1), "{forms}");
            assert_eq!(month_any_case(&forms.to_uppercase()), Some(i as u8 + 1));
        }
        assert_eq!(month_any_case("sep."), Some(9));
        assert_eq!(month_any_case("FEb"), Some(2));
        for no in ["", ".", "Ju", "Janu", "Mayor", "Marc", "Septe", "Dece"] {
            assert_eq!(month_any_case(no), None, "{no}");
        }
    }

    #[test]
    fn strong_titles_are_titles() {
        for t in STRONG_TITLES {
            assert!(TITLES.contains(t), "{t}");
        }
    }
}
