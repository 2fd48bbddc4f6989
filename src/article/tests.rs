use super::*;

fn plain(s: &str) -> Article {
    parse(s, Format::Plain)
}

const XINHUA: &str = "Spotlight: Neighbors sign grain accord\nSource: Xinhua| 2019-09-19 14:05:29|Editor: huaxia\n\nST. PETERSBURG, Russia, Sept. 19 (Xinhua) -- Officials signed a grain accord on Thursday.\n\n\"We will keep going,\" the minister said.\n\nTRADE TIES GROW\n\nExports rose by a third.\n\nIMPORTS\n\nImports fell. Enditem\n\nKEY WORDS: grain, trade\nVideo Player\n";

#[test]
fn xinhua_anatomy() {
    let a = plain(XINHUA);
    let h = a.headline.as_ref().unwrap();
    assert_eq!(h.text.text(XINHUA), "Neighbors sign grain accord");
    assert_eq!(h.kicker.unwrap().text(XINHUA), "Spotlight:");
    assert_eq!(a.metadata.len(), 1);
    assert_eq!(
        a.metadata_date(),
        Some(Date {
            year: 2019,
            month: 9,
            day: 19
        })
    );
    assert_eq!(a.dateline().unwrap().place.text(XINHUA), "ST. PETERSBURG");
    assert_eq!(a.paragraphs.len(), 4);
    assert_eq!(a.paragraphs[0].kind, ParagraphKind::Lede);
    let titles: Vec<&str> = a.sections.iter().map(|s| s.title.text(XINHUA)).collect();
    assert_eq!(titles, ["TRADE TIES GROW", "IMPORTS"]);
    assert_eq!(a.paragraphs[3].span.text(XINHUA), "Imports fell.");
    assert_eq!(a.end_mark.unwrap().text(XINHUA), "Enditem");
    assert_eq!(a.trailers.len(), 1);
    assert_eq!(a.trailers[0].kind, TrailerKind::Keywords);
    // The first section ends at its last paragraph, not at the next subhead.
    assert!(a.sections[0].span.text(XINHUA).ends_with("by a third."));
    assert!(a.sections[1].span.text(XINHUA).ends_with("Imports fell."));
}

#[test]
fn ap_with_byline_and_end_mark() {
    let s = "Council approves budget\nBy Jane Roe\n\nDALLAS (AP) — The council voted 9-2.\n\n“It’s done,” she said.\n\n-30-\n";
    let a = plain(s);
    assert_eq!(a.byline.unwrap().text(s), "By Jane Roe");
    assert!(a.dateline().is_some());
    assert_eq!(a.end_mark.unwrap().text(s), "-30-");
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn reuters_bullets_and_credits() {
    let s = "UPDATE 2-Oil rises on supply fears\n* Brent up 2%\n* Stocks fall\n\nHOUSTON, Jan 27 (Reuters) - Oil rose.\n\nTraders said: \"It is tight.\"\n\n(Reporting by Ann Lee in Houston; Editing by Bo Chan)\n";
    let a = plain(s);
    assert_eq!(
        a.headline.as_ref().unwrap().kicker.unwrap().text(s),
        "UPDATE 2-"
    );
    let bullets = a
        .metadata
        .iter()
        .filter(|m| m.kind == MetaKind::Bullet)
        .count();
    assert_eq!(bullets, 2);
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.trailers[0].kind, TrailerKind::Credits);
}

#[test]
fn markdown_headings_and_front_matter() {
    let s = "---\ndate: 2020-01-01\n---\n# Summit opens\n\n*By Ann Lee*\n\nPARIS, Jan 1 (AFP) - Leaders met.\n\n## Climate\nTalks on climate.\n\n### Detail\n\nMore.\n\n## Trade\n\nTalks on trade.\n";
    let a = parse(s, Format::Markdown);
    assert_eq!(a.metadata[0].kind, MetaKind::FrontMatter);
    assert_eq!(a.metadata_date().unwrap().year, 2020);
    assert_eq!(a.headline.as_ref().unwrap().text.text(s), "Summit opens");
    assert_eq!(a.byline.unwrap().text(s), "*By Ann Lee*");
    let secs: Vec<(&str, u8)> = a
        .sections
        .iter()
        .map(|x| (x.title.text(s), x.level))
        .collect();
    assert_eq!(secs, [("Climate", 1), ("Detail", 2), ("Trade", 1)]);
    assert!(a.sections[0].span.text(s).ends_with("More."));
    assert_eq!(a.paragraphs[1].span.text(s), "Talks on climate.");
    assert_eq!(a.paragraphs[1].section, Some(0));
}

#[test]
fn no_headline_when_article_opens_with_dateline() {
    let s = "BEIJING, March 30 (Xinhua) -- Rain fell.\n\nMore rain.\n";
    let a = plain(s);
    assert!(a.headline.is_none());
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.dateline().is_some());
}

#[test]
fn crlf_and_lone_cr() {
    let s = "Headline here\r\n\r\nBEIJING, March 30 (Xinhua) -- Rain fell.\r\rMore rain.\r";
    let a = plain(s);
    assert_eq!(a.headline.as_ref().unwrap().text.text(s), "Headline here");
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.paragraphs[1].span.text(s), "More rain.");
}

#[test]
fn anything_parses() {
    for s in [
        "",
        "\n\n",
        "\r",
        "x",
        "#",
        "# ",
        "---",
        "---\n---",
        "(",
        "“",
        "A (B) -- ",
        "\u{0}\u{85}\u{2028}",
    ] {
        let _ = plain(s);
        let _ = parse(s, Format::Markdown);
    }
}

#[test]
fn headlines_ending_in_a_period_or_question_mark() {
    for (headline, is_headline) in [
        ("Premier quits, says will not head new govt.", true),
        ("Stocks rise in Tokyo, led by U.S.", true),
        ("Who will lead after Smith Jr.?", true),
        ("MILLS SEEK HIGHER QUOTA FOR EXPORTS TO U.S.", true),
        ("Acme Buys Rival For $2 Billion.", true),
        ("Officials met on Thursday.", false),
    ] {
        // No dateline anywhere: the headline must stand on its own reading.
        let s = format!("{headline}\n\nThe council met for six hours and voted late.\n");
        let a = plain(&s);
        assert_eq!(a.headline.is_some(), is_headline, "{headline}");
    }
    // Before a dateline, a period-ending headline is the headline and the lede has the
    // dateline.
    let s = "Premier quits, says will not head new govt.\n\nBEIRUT, Oct 20 (Reuters) - He quit.\n";
    let a = plain(s);
    assert!(a.headline.is_some());
    assert!(a.dateline().is_some());
}

#[test]
fn kickers_and_tags_in_parentheses() {
    for (line, kicker, words) in [
        ("UPDATE 2-Oil rises", "UPDATE 2-", "Oil rises"),
        ("(CORRECTED) - Oil rises", "(CORRECTED) -", "Oil rises"),
        (
            "(REFILE)-UPDATE 1-Oil rises",
            "(REFILE)-UPDATE 1-",
            "Oil rises",
        ),
        ("EXCLUSIVE-Oil rises", "EXCLUSIVE-", "Oil rises"),
        ("WRAPUP 1-Oil rises", "WRAPUP 1-", "Oil rises"),
        (
            "FACTBOX-What the deal says",
            "FACTBOX-",
            "What the deal says",
        ),
        ("Spotlight: Oil rises", "Spotlight:", "Oil rises"),
    ] {
        let s = format!("{line}\n\nHOUSTON, Jan 27 (Reuters) - Oil rose.\n");
        let a = plain(&s);
        let h = a.headline.as_ref().unwrap_or_else(|| panic!("{line}"));
        assert_eq!(h.kicker.map(|k| k.text(&s)), Some(kicker), "{line}");
        assert_eq!(h.text.text(&s), words, "{line}");
        assert_eq!(a.dateline().unwrap().place.text(&s), "HOUSTON", "{line}");
    }
}

#[test]
fn residue_glued_before_the_lede_is_front_matter() {
    let s = "Neighbors sign river accord\n(Xinhua)    10:12, October 31, 2020\nVideo Player\nClose\nPhoto: Zhao Lin\n\nMarch 15, 2023\n\nVIENTIANE, Oct. 31 (Xinhua) -- Two neighbors signed an accord.\n\nMore.\n";
    let a = plain(s);
    assert_eq!(
        a.headline.as_ref().unwrap().text.text(s),
        "Neighbors sign river accord"
    );
    let kinds: Vec<MetaKind> = a.metadata.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            MetaKind::PageDate,
            MetaKind::Residue,
            MetaKind::Residue,
            MetaKind::Residue,
            MetaKind::PageDate
        ]
    );
    assert_eq!(
        a.metadata_date().map(|d| (d.year, d.month, d.day)),
        Some((2020, 10, 31))
    );
    assert_eq!(a.dateline().unwrap().place.text(s), "VIENTIANE");
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn trailers_are_not_paragraphs_or_sections() {
    let s = "Rail link opens\n\nNANCHANG, May 12 (Xinhua) -- A line opened.\n\nVideo Player\n\nIt has six stations.\n\nEXPLORE XINHUANET\n\nEDITOR'S CHOICE\n\nRELATED NEWS\n\n© 2021 Xinhua\n";
    let a = plain(s);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.sections.is_empty());
    let kinds: Vec<TrailerKind> = a.trailers.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TrailerKind::Residue,
            TrailerKind::Furniture,
            TrailerKind::Furniture,
            TrailerKind::Furniture,
            TrailerKind::Copyright
        ]
    );
}

#[test]
fn stories_split_at_end_marks_and_slugs() {
    let s = "BC-One\nFirst story\n\nDALLAS (AP) — One.\n\nBC-Two\nSecond story\n\nTALLOW, Okla. (AP) — Two.\n\n-30-\n\nThird story\n\nHOUSTON, Jan 27 (Reuters) - Three. Reuter\n\nFourth story\n\nThis story has no dateline, and its one paragraph runs long enough to read as prose.\n\nENDS\n";
    let a = plain(s);
    let stories: Vec<&Article> = a.all_stories().collect();
    assert_eq!(stories.len(), 4);
    let heads: Vec<&str> = stories
        .iter()
        .map(|st| st.headline.as_ref().unwrap().text.text(s))
        .collect();
    assert_eq!(
        heads,
        ["First story", "Second story", "Third story", "Fourth story"]
    );
    assert!(stories[..3].iter().all(|st| st.dateline().is_some()));
    assert!(stories[3].dateline().is_none());
    assert_eq!(stories[2].end_mark.unwrap().text(s), "Reuter");
    // Spans are into the whole text and stories do not overlap.
    for w in stories.windows(2) {
        assert!(w[0].span.end < w[1].span.start);
    }
    // The quotation marks of every story are paired.
    let q =
        "One\n\nDALLAS (AP) — “Open.\n\n-30-\n\nTwo\n\nTALLOW, Okla. (AP) — “Closed,” she said.\n";
    let a = plain(q);
    assert_eq!(a.stories.len(), 1);
    assert_eq!(a.quotes.quotations.len(), 1);
    assert_eq!(a.stories[0].quotes.quotations.len(), 1);
}

#[test]
fn toml_and_yaml_front_matter_give_headline_and_date() {
    let s = "+++\ntitle = \"Ministers meet on quotas\"\ndate = 2023-06-02T09:30:00Z\n+++\n\nBRUSSELS, June 1 (Xinhua) -- Ministers met.\n";
    let a = parse(s, Format::Markdown);
    assert_eq!(
        a.headline.as_ref().unwrap().text.text(s),
        "Ministers meet on quotas"
    );
    assert_eq!(a.metadata_date().map(|d| d.day), Some(2));
    let y = "---\nupdated: 2023-07-01\ndate: 2023-06-02\ntitle: 'Spotlight: Quotas set'\n---\n\n# Quotas set for next year\n\nBRUSSELS, June 1 (Xinhua) -- Ministers met.\n";
    let a = parse(y, Format::Markdown);
    // A `# ` heading in the text is the headline; the front matter's `date` key wins.
    assert_eq!(
        a.headline.as_ref().unwrap().text.text(y),
        "Quotas set for next year"
    );
    assert_eq!(a.metadata_date().map(|d| (d.month, d.day)), Some((6, 2)));
}
