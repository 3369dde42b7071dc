//! Updating a stored case with the fields an import record carries.

use serde_json::json;

use super::*;
use crate::storage::casefile::parse_yaml_case;

fn stored() -> Case {
    parse_yaml_case(
        "schema: 1\nid: 20261102-K7QF2\ntitle: 导游强迫购物\nreceived: 2026-11-02T09:30:00+08:00\n\
         complainants:\n- name: 张三\n  phone: '13800138000'\ncategory: shopping\nstatus: received\n\
         history:\n- at: 2026-11-02T09:30:00+08:00\n  by: a\n  action: registered\n",
    )
    .unwrap()
}

/// `stored()` with `edit` applied: the validated form of a record.
fn built(edit: impl FnOnce(&mut Case)) -> Case {
    let mut case = stored();
    edit(&mut case);
    case
}

#[test]
fn an_update_changes_only_the_fields_the_record_names() {
    let table: Vec<(&str, Case, serde_json::Value, Vec<&str>)> = vec![
        (
            "nothing named",
            built(|c| c.title = Some("别的".into())),
            json!({}),
            vec![],
        ),
        (
            "the same value",
            stored(),
            json!({"title": "导游强迫购物"}),
            vec![],
        ),
        (
            "a new title",
            built(|c| c.title = Some("新标题".into())),
            json!({"title": "新标题"}),
            vec!["title"],
        ),
        (
            "a phone only keeps the name",
            built(|c| {
                c.complainants[0].name = None;
                c.complainants[0].phone = Some("13911111111".into());
            }),
            json!({"complainants": [{"phone": "13911111111"}]}),
            vec!["complainants"],
        ),
        (
            "identity and history never change",
            built(|c| c.history.clear()),
            json!({"id": "20261102-AAAAA", "history": [], "schema": 2}),
            vec![],
        ),
        (
            "a null is no value",
            built(|c| c.category = None),
            json!({"category": null}),
            vec![],
        ),
    ];
    for (name, new, raw, want) in table {
        let (merged, changed) = merge(&stored(), &new, &raw).unwrap();
        assert_eq!(changed, want, "{name}");
        assert_eq!(merged.id, stored().id, "{name}");
        assert_eq!(merged.history, stored().history, "{name}");
        assert_eq!(merged.category.as_deref(), Some("shopping"), "{name}");
        if name == "a phone only keeps the name" {
            assert_eq!(merged.complainants[0].name.as_deref(), Some("张三"));
            assert_eq!(merged.complainants[0].phone.as_deref(), Some("13911111111"));
        }
        if name == "a new title" {
            assert_eq!(merged.title.as_deref(), Some("新标题"));
        } else {
            assert_eq!(merged.title.as_deref(), Some("导游强迫购物"), "{name}");
        }
    }
}
