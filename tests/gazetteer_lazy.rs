//! The gazetteer is parsed on first use only: text without a dateline never loads it.
//! (Its own test binary, so no other test has loaded it first.)

use copydesk::{analyze, gazetteer, Config, Format};

#[test]
fn loaded_only_when_a_dateline_needs_it() {
    let config = Config::default();
    let plain = "A headline\n\nOfficials met on Thursday, “福气” 🌸 said a spokesman.\n";
    analyze(plain, Format::Plain, &config);
    assert!(
        !gazetteer::is_loaded(),
        "a story without a dateline loaded the gazetteer"
    );
    let dated = "A headline\n\nBEIJING, Sept. 19 (Xinhua) -- Officials met on Thursday.\n";
    analyze(dated, Format::Plain, &config);
    assert!(gazetteer::is_loaded());
    assert!(gazetteer::gazetteer().load_time().as_secs() < 5);
}
