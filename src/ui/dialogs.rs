//! Native file dialogs behind a trait, so tests never open a real one.

use std::path::PathBuf;

/// Asks the user for files. Returns `None` when the user cancels.
pub trait FileDialogs {
    fn pick_map_to_open(&mut self) -> Option<PathBuf>;
    fn pick_map_to_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
    fn pick_text_file(&mut self) -> Option<PathBuf>;
    fn pick_export_path(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
}

/// The system's dialogs, through rfd (the XDG portal, or zenity without one).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_map_to_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open map")
            .add_filter("Argmap maps", &["ron", "json"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_map_to_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save map as")
            .set_file_name(suggested_name)
            .add_filter("Argmap map (RON)", &["ron"])
            .add_filter("JSON", &["json"])
            .save_file()
    }

    fn pick_export_path(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export map")
            .set_file_name(suggested_name)
            .add_filter(
                extension,
                &[extension.rsplit('.').next().unwrap_or(extension)],
            )
            .save_file()
    }

    fn pick_text_file(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Add a source text")
            .add_filter("Text", &["txt", "md", "markdown", "text"])
            .add_filter("All files", &["*"])
            .pick_file()
    }
}

/// Dialogs that answer from a script: for tests.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub text: Vec<PathBuf>,
    pub export: Vec<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_map_to_open(&mut self) -> Option<PathBuf> {
        (!self.open.is_empty()).then(|| self.open.remove(0))
    }

    fn pick_map_to_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        (!self.save.is_empty()).then(|| self.save.remove(0))
    }

    fn pick_text_file(&mut self) -> Option<PathBuf> {
        (!self.text.is_empty()).then(|| self.text.remove(0))
    }

    fn pick_export_path(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        (!self.export.is_empty()).then(|| self.export.remove(0))
    }
}
