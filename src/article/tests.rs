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
