//! Opening maps from other tools in the window: nothing is lost by a save.

use super::ui_support::*;
use argmap::ui::dialogs::ScriptedDialogs;
use argmap::ui::document::Document;
use egui::{Key, Modifiers};
use std::fs;

/// An OVA3 file: two claims, one supporting the other, with the words the
/// analyst highlighted.
const OVA3: &str = r#"{"AIF": {
  "nodes": [
    {"nodeID": "1_9", "text": "Sovereignty protects citizens", "type": "I"},
    {"nodeID": "2_9", "text": "Rachel: States must guard their networks", "type": "L"},
    {"nodeID": "3_9", "text": "Asserting", "type": "YA"},
    {"nodeID": "4_9", "text": "States must guard their networks", "type": "I"},
    {"nodeID": "5_9", "text": "Default Inference", "type": "RA"}],
  "edges": [
    {"edgeID": 1, "fromID": "2_9", "toID": "3_9"},
    {"edgeID": 2, "fromID": "3_9", "toID": "4_9"},
    {"edgeID": 3, "fromID": "4_9", "toID": "5_9"},
    {"edgeID": 4, "fromID": "5_9", "toID": "1_9"}],
  "locutions": [], "schemefulfillments": null},
 "OVA": {"nodes": [{"nodeID": "1_9", "x": "300", "y": 40}, {"nodeID": "4_9", "x": 300, "y": 240}]},
 "text": "<div>Rachel: <span id=\"node2_9\" class=\"highlighted\">States must guard their networks</span>.</div>"}"#;

#[test]
fn a_map_opened_from_aif_is_saved_as_ron_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let aif = dir.path().join("debate.aif.json");
    fs::write(&aif, OVA3).expect("writes");
    let ron = dir.path().join("debate.ron");
    let dialogs = ScriptedDialogs {
        open: vec![aif.clone()],
        save: vec![ron.clone()],
        ..ScriptedDialogs::default()
    };
    let asked = dialogs.asked.clone();
    let mut h = harness_with(
        Document::new(argmap::model::Map::new("Start"), None),
        dialogs,
        None,
    );
    press(&mut h, Modifiers::COMMAND, Key::O);
    settle(&mut h);
    {
        let map = h.state().doc.map();
        assert_eq!(map.nodes.len(), 2, "both claims came in");
        let quoted = map
            .nodes
            .values()
            .find(|n| n.text.starts_with("States"))
            .expect("box");
        assert_eq!(
            quoted.spans.first().map(|s| s.quote.as_str()),
            Some("States must guard their networks")
        );
        let status = h
            .state()
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(status.contains("Save writes a .ron beside it"), "{status}");
    }
    press(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let asked = asked.lock().expect("lock").clone();
    let save = asked
        .iter()
        .find(|a| a.dialog == "save")
        .expect("Save asked where to write");
    assert_eq!(save.suggested.as_deref(), Some("debate.ron"));
    assert_eq!(
        fs::read_to_string(&aif).expect("reads"),
        OVA3,
        "the AIF file is untouched"
    );
    let saved = argmap::io::load(&ron).expect("the .ron loads");
    assert_eq!(&saved, h.state().doc.map());
    assert_eq!(h.state().doc.path(), Some(ron.as_path()));
    assert!(!h.state().doc.is_dirty());
}
