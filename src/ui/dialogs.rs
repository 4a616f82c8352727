//! Native file dialogs behind a trait, so tests never open a real one.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Asks the user for files. Returns `None` when the user cancels. `folder`
/// is where the dialog opens: the open map's folder when it has one.
pub trait FileDialogs {
    fn pick_map_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    fn pick_map_to_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Option<PathBuf>;
    fn pick_text_file(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    fn pick_export_path(
        &mut self,
        folder: Option<&Path>,
        suggested_name: &str,
        extension: &str,
    ) -> Option<PathBuf>;
}

/// The system's dialogs, through rfd (the XDG portal, or zenity without one).
pub struct NativeDialogs;

/// A dialog that opens in `folder`, suggesting `name` (for saving).
///
/// rfd passes the folder to the XDG portal, but its zenity fallback (used
/// where there is no D-Bus session, so no portal) takes only a file name:
/// there the folder goes into the name as a path, which zenity opens at.
fn dialog(title: &str, folder: Option<&Path>, name: Option<&str>) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(title);
    let no_portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none();
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    match (folder, name) {
        (Some(folder), Some(name)) if no_portal => {
            dialog.set_file_name(folder.join(name).to_string_lossy())
        }
        (Some(folder), None) if no_portal => {
            let mut path = folder.to_string_lossy().into_owned();
            path.push(std::path::MAIN_SEPARATOR);
            dialog.set_file_name(path)
        }
        (_, Some(name)) => dialog.set_file_name(name),
        (_, None) => dialog,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_map_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        // Every format of the table Argmap reads; a filter matches the
        // last part of a name (`.aif.json` as `json`).
        let formats: Vec<(&str, Vec<&str>)> = crate::io::FORMATS
            .iter()
            .filter(|f| f.reads)
            .map(|f| {
                let endings = f
                    .extensions
                    .iter()
                    .map(|e| e.rsplit('.').next().unwrap_or(e))
                    .collect();
                (f.label, endings)
            })
            .collect();
        let mut all: Vec<&str> = formats
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut picker = dialog("Open map", folder, None).add_filter("Maps Argmap reads", &all);
        for (label, endings) in &formats {
            picker = picker.add_filter(*label, endings);
        }
        picker.add_filter("All files", &["*"]).pick_file()
    }

    fn pick_map_to_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Option<PathBuf> {
        dialog("Save map as", folder, Some(suggested_name))
            .add_filter("Argmap map (RON)", &["ron"])
            .add_filter("JSON", &["json"])
            .save_file()
    }

    fn pick_export_path(
        &mut self,
        folder: Option<&Path>,
        suggested_name: &str,
        extension: &str,
    ) -> Option<PathBuf> {
        let dialog = dialog("Export map", folder, Some(suggested_name));
        // No extension: a folder to make (slides go into one).
        if extension.is_empty() {
            return dialog.save_file();
        }
        dialog
            .add_filter(
                extension,
                &[extension.rsplit('.').next().unwrap_or(extension)],
            )
            .save_file()
    }

    fn pick_text_file(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        dialog("Choose a source text", folder, None)
            .add_filter("Text", &["txt", "md", "markdown", "text"])
            .add_filter("All files", &["*"])
            .pick_file()
    }
}

/// Which dialog was asked for, and in which folder it opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub dialog: &'static str,
    pub folder: Option<PathBuf>,
    /// The file name the dialog suggested, if it suggests one.
    pub suggested: Option<String>,
}

/// Dialogs that answer from a script: for tests. `asked` records every
/// dialog opened, shared so a test can read it after handing these over.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub text: Vec<PathBuf>,
    pub export: Vec<PathBuf>,
    pub asked: Arc<Mutex<Vec<Asked>>>,
}

impl ScriptedDialogs {
    fn record(&self, dialog: &'static str, folder: Option<&Path>, suggested: Option<&str>) {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(Asked {
                dialog,
                folder: folder.map(Path::to_path_buf),
                suggested: suggested.map(str::to_owned),
            });
        }
    }
}

fn next(answers: &mut Vec<PathBuf>) -> Option<PathBuf> {
    (!answers.is_empty()).then(|| answers.remove(0))
}

impl FileDialogs for ScriptedDialogs {
    fn pick_map_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        self.record("open", folder, None);
        next(&mut self.open)
    }

    fn pick_map_to_save(&mut self, folder: Option<&Path>, suggested_name: &str) -> Option<PathBuf> {
        self.record("save", folder, Some(suggested_name));
        next(&mut self.save)
    }

    fn pick_text_file(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        self.record("text", folder, None);
        next(&mut self.text)
    }

    fn pick_export_path(
        &mut self,
        folder: Option<&Path>,
        suggested_name: &str,
        _extension: &str,
    ) -> Option<PathBuf> {
        self.record("export", folder, Some(suggested_name));
        next(&mut self.export)
    }
}
