//! Table tests for `titles/*`.

use crate::config::Style::{self, *};
use crate::rules::test_support::{run_table, Case};

#[test]
fn titles_table() {
    let cases: &[Case<'_>] = &[
        // Correct copy raises nothing.
        (Ap, "BEIJING (AP) — Chinese President Xi Jinping met Gov. Gavin Newsome 🎉. The president said “the President is tired” in 東京.", &[]),
        (Ap, "DALLAS (AP) — Acme president Maria Okafor and the company's president Joe Smith met Attorney General Kenji Moriyama.", &[]),
        (Ap, "DALLAS (AP) — The President Hotel 🎉 hosted the Prime Minister's Office staff; the Rev. Maria Okafor prayed.", &[]),
        (Ap, "DALLAS (AP) — Sen. Okafor spoke; spokesman Kenji Moriyama, a former president of Acme, and U.S. Trade Representative Maria Okafor agreed.", &[]),
        (Reuters, "WASHINGTON (Reuters) - Senator Maria Okafor and Sen. Kenji Moriyama 🎉 voted; the president left.", &[]),
        (Ap, "DALLAS (AP) — Company president Kenji Moriyama met city mayor Hau Lung-bin and retired governor Gerald Bouey 🎉.", &[]),
        (Reuters, "LONDON (Reuters) - He met the Chancellor of the Exchequer Nigel Lawson in 東京.", &[]),
        (Reuters, "WARSAW (Reuters) - Deputy foreign trade minister Janusz Kaczurba 🎉 agreed.", &[(
            "titles/lowercase-before-name", "Deputy foreign trade minister",
            Some("WARSAW (Reuters) - Deputy Foreign Trade Minister Janusz Kaczurba 🎉 agreed."),
        )]),
        (Xinhua, "BEIJING, Sept. 19 (Xinhua) -- Senator Maria Okafor met President Xi Jinping in 東京.", &[]),
        // Incorrect copy.
        (Ap, "BEIJING (AP) — Chinese president Xi Jinping arrived 🎉.", &[(
            "titles/lowercase-before-name", "president",
            Some("BEIJING (AP) — Chinese President Xi Jinping arrived 🎉."),
        )]),
        (Reuters, "LONDON (Reuters) - “Yes,” said former prime minister Maria Okafor of 東京.", &[(
            "titles/lowercase-before-name", "prime minister",
            Some("LONDON (Reuters) - “Yes,” said former Prime Minister Maria Okafor of 東京."),
        )]),
        (Ap, "DALLAS (AP) — It was signed by California governor Gavin Newsome 🎉 on Monday.", &[(
            "titles/lowercase-before-name", "governor",
            Some("DALLAS (AP) — It was signed by California Gov. Gavin Newsome 🎉 on Monday."),
        )]),
        (Ap, "DALLAS (AP) — Talks with secretary of state Maria Okafor 🎉 ended.", &[(
            "titles/lowercase-before-name", "secretary of state",
            Some("DALLAS (AP) — Talks with Secretary of State Maria Okafor 🎉 ended."),
        )]),
        (Ap, "DALLAS (AP) — “Fine,” he said. The President said 東京 was next 🎉.", &[(
            "titles/capitalized-alone", "President",
            Some("DALLAS (AP) — “Fine,” he said. The president said 東京 was next 🎉."),
        )]),
        (Reuters, "PARIS (Reuters) - Okafor met the Prime Minister on Monday 🎉.", &[(
            "titles/capitalized-alone", "Prime Minister",
            Some("PARIS (Reuters) - Okafor met the prime minister on Monday 🎉."),
        )]),
        (Ap, "DALLAS (AP) — “Fine,” said Senator Maria Okafor 🎉 of 東京.", &[(
            "titles/abbreviation", "Senator",
            Some("DALLAS (AP) — “Fine,” said Sen. Maria Okafor 🎉 of 東京."),
        )]),
        // The recognizer reads `Texas Senator John Tower` as one place: the title inside
        // it before a given name and a surname is still read.
        (Ap, "DALLAS (AP) — The panel, led by former Texas Senator John Tower 🎉, reported “late.”", &[(
            "titles/abbreviation", "Senator",
            Some("DALLAS (AP) — The panel, led by former Texas Sen. John Tower 🎉, reported “late.”"),
        )]),
        (Ap, "DALLAS (AP) — Reverend Maria Okafor led the prayers 🎉.", &[(
            "titles/abbreviation", "Reverend",
            Some("DALLAS (AP) — The Rev. Maria Okafor led the prayers 🎉."),
        )]),
        (Ap, "DALLAS (AP) — Prayers were led by Rev. Maria Okafor 🎉.", &[(
            "titles/abbreviation", "Rev.",
            Some("DALLAS (AP) — Prayers were led by the Rev. Maria Okafor 🎉."),
        )]),
        (Xinhua, "BEIJING, Sept. 19 (Xinhua) -- “Good,” said Sen. Maria Okafor 🎉.", &[(
            "titles/abbreviation", "Sen.",
            Some("BEIJING, Sept. 19 (Xinhua) -- “Good,” said Senator Maria Okafor 🎉."),
        )]),
    ];
    run_table("titles/", cases);
    let _: Style = Ap;
}
