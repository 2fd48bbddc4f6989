//! The gazetteer is parsed on first use only: parsing an article never loads it; the first
//! analysis that looks a place up does. (Its own test binary, so no other test has loaded
//! it first.)

use copydesk::{article, gazetteer, Config, Format};

#[test]
fn loaded_on_first_use_only() {
    let text =
        "A headline\n\nBEIJING, Sept. 19 (Xinhua) -- Officials met, “福气” 🌸 said a spokesman.\n";
    let a = article::parse(text, Format::Plain);
    assert!(a.dateline().is_some());
    assert!(
        !gazetteer::is_loaded(),
        "parsing an article loaded the gazetteer"
    );
    copydesk::analyze(text, Format::Plain, &Config::default());
    assert!(gazetteer::is_loaded());
    assert!(gazetteer::gazetteer().load_time().as_secs() < 5);
}
