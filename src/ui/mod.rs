//! The window: eframe app, canvas, inspector, menus, dialogs, theme.

mod app;
mod app_dialogs;
mod canvas;
mod commands;
pub mod context;
pub mod dialogs;
pub mod document;
mod evaluation;
pub mod export;
mod find;
mod fonts;
mod inspector;
mod intent;
mod measure;
mod menu_bar;
pub mod modes;
pub mod recovery;
mod selection;
mod shortcuts;
mod source_commands;
pub mod sources;
mod steps_panel;
mod theme;
mod view;

pub use crate::render::fonts::cjk_font_path;
pub use app::{ArgmapApp, Pending, Services, Status};
pub use canvas::{CanvasState, node_label};
pub use fonts::install as install_fonts;
pub use intent::{Command, Intent};
pub use selection::{Selection, TextEditing};
pub use view::View;

use crate::io;
use document::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the app remembers between runs (eframe storage).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Persisted {
    pub last_map: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
}

/// The shipped example map, opened on first start.
pub const DEFAULT_MAP: &str = "maps/internet-sovereignty.ron";
const DEFAULT_MAP_TEXT: &str = include_str!("../../maps/internet-sovereignty.ron");

/// The map to open at start: the one asked for, else the last one, else
/// the shipped example (from disk if it is there, else the built-in copy).
pub fn startup_document(asked: Option<&Path>, last: Option<&Path>) -> (Document, Option<String>) {
    if let Some(path) = asked {
        return match Document::open(path) {
            Ok(doc) => (doc, None),
            Err(e) => (default_document(), Some(e.to_string())),
        };
    }
    if let Some(doc) = last
        .filter(|p| p.is_file())
        .and_then(|p| Document::open(p).ok())
    {
        return (doc, None);
    }
    (default_document(), None)
}

fn default_document() -> Document {
    let on_disk = Path::new(DEFAULT_MAP);
    if let Ok(doc) = Document::open(on_disk) {
        return doc;
    }
    match crate::files::open_text(DEFAULT_MAP_TEXT, io::Format::Ron) {
        Ok(map) => Document::new(map, None),
        Err(_) => Document::new(crate::model::Map::new("Untitled map"), None),
    }
}

/// Opens the window; returns when it closes.
pub fn run(asked: Option<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Argmap")
            .with_app_id("argmap")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Argmap",
        options,
        Box::new(move |cc| {
            let persisted: Persisted = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let (doc, error) = startup_document(asked.as_deref(), persisted.last_map.as_deref());
            let services = Services {
                dialogs: Box::new(dialogs::NativeDialogs),
                recovery_dir: eframe::storage_dir("Argmap").map(|d| d.join("recovery")),
            };
            let mut app = ArgmapApp::new(doc, services);
            app.recent = persisted.recent;
            if let Some(error) = error {
                app.status = Some(Status {
                    text: error,
                    error: true,
                });
            }
            Ok(Box::new(app))
        }),
    )
}
