//! The manual's preset tables (docs/manual.md, "Deadlines and calendars")
//! against the presets themselves: each rule's length, extendability, kind
//! and cited article, as `plaint policy --json` gives them, must be what the
//! tables say, so the tables cannot drift from the rules.

use serde_json::Value;

use crate::support::Ws;

/// The rows of the rule table that follows the line starting `heading`:
/// each row's cells, the header and separator left out.
fn table_after<'a>(text: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    let start = text
        .lines()
        .position(|l| l.starts_with(heading))
        .unwrap_or_else(|| panic!("no {heading:?} in the documentation"));
    text.lines()
        .skip(start + 1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect()
}

/// "5 working days", "60 days" as the policy document spells a length.
fn length(rule: &Value) -> String {
    let unit = match rule["unit"].as_str().unwrap() {
        "workdays" => "working days",
        other => other,
    };
    format!("{} {unit}", rule["amount"])
}

#[test]
fn the_preset_tables_say_what_the_presets_do() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/manual.md")).unwrap();
    for (preset, heading) in [
        ("tourism", "Tourism ("),
        ("procurement", "Procurement ("),
        ("hospital", "Hospital ("),
        ("generic", "Generic:"),
    ] {
        let policy = Ws::with_preset(preset).json(&["policy"]);
        let rules = policy["rules"].as_array().unwrap();
        let rows = table_after(&text, heading);
        assert_eq!(rows.len(), rules.len(), "{preset}: one row per rule");
        for row in rows {
            let name = row[0].trim_matches('`');
            let rule = rules
                .iter()
                .find(|r| r["name"] == name)
                .unwrap_or_else(|| panic!("{preset}: no rule {name}"));
            assert_eq!(row[2], length(rule), "{preset}/{name}: length");
            assert_eq!(
                row[5],
                rule["extendable"].as_str().unwrap(),
                "{preset}/{name}: extendable"
            );
            assert_eq!(
                row[7],
                rule["kind"].as_str().unwrap(),
                "{preset}/{name}: kind"
            );
            match rule["source"].as_str() {
                // The cell names the article the rule cites: `第十五条`.
                Some(source) => {
                    let article = row[6].split(" (").next().unwrap();
                    assert!(
                        source.contains(article),
                        "{preset}/{name}: the table cites {article}, the rule {source}"
                    );
                }
                None => assert_eq!(row[6], "—", "{preset}/{name}: source"),
            }
        }
    }
}
