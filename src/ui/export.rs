//! File > Export: choose a format and options, pick a file, and watch the
//! export run in the background with a progress bar and a Cancel button.

use crate::io::{self, Format};
use crate::model::{Map, NodeId};
use crate::render::export::{ImageFormat, ImageOptions, tile_path};
use egui::{Id, Modal, ProgressBar, Ui};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The size of a slide, in pixels.
const SLIDE_SIZE: (u32, u32) = (1920, 1080);

/// What File > Export writes: a map file or picture in a format of the
/// table ([`io::FORMATS`]), or slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    File(Format),
    /// One picture per presentation step, into a folder.
    Slides(ImageFormat),
}

impl ExportFormat {
    pub const PNG: ExportFormat = ExportFormat::File(Format::Png);

    /// Every choice, in the dialog's order: the table's formats (those
    /// the window saves itself, RON, left to Save As), then slides.
    pub fn all() -> Vec<ExportFormat> {
        let mut all: Vec<ExportFormat> = io::FORMATS
            .iter()
            .filter(|f| f.writes && f.format != Format::Ron)
            .map(|f| ExportFormat::File(f.format))
            .collect();
        all.sort_by_key(|f| !matches!(f, ExportFormat::File(Format::Png | Format::Svg)));
        all.push(ExportFormat::Slides(ImageFormat::Png));
        all.push(ExportFormat::Slides(ImageFormat::Svg));
        all
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::File(format) => format.info().label,
            Self::Slides(ImageFormat::Png) => "Slides: one PNG per presentation step (1920×1080)",
            Self::Slides(ImageFormat::Svg) => "Slides: one SVG per presentation step",
        }
    }

    /// The file name ending for this format; slides go into a folder.
    pub fn extension(self) -> &'static str {
        match self {
            Self::File(format) => format.extension(),
            Self::Slides(_) => "",
        }
    }
}

/// The export dialog's choices.
#[derive(Clone, Debug)]
pub struct ExportChoices {
    pub format: ExportFormat,
    pub scale: f64,
    pub dark_background: bool,
    pub selection_only: bool,
    /// PNG tiles are cut at this side length (pixels).
    pub max_tile_side: u32,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            format: ExportFormat::PNG,
            scale: 2.0,
            dark_background: false,
            selection_only: false,
            max_tile_side: crate::render::png::MAX_TILE_SIDE,
        }
    }
}

/// An export running on another thread.
pub struct ExportJob {
    pub path: PathBuf,
    progress: Arc<Mutex<(f32, String)>>,
    cancel: Arc<AtomicBool>,
    result: Arc<Mutex<Option<Result<String, String>>>>,
}

impl ExportJob {
    /// Starts exporting `map` to `path` on a worker thread.
    pub fn start(
        map: Map,
        path: PathBuf,
        choices: &ExportChoices,
        shown: Option<BTreeSet<NodeId>>,
    ) -> Self {
        let progress = Arc::new(Mutex::new((0.0, "starting".to_owned())));
        let cancel = Arc::new(AtomicBool::new(false));
        let result = Arc::new(Mutex::new(None));
        let job = Self {
            path: path.clone(),
            progress: progress.clone(),
            cancel: cancel.clone(),
            result: result.clone(),
        };
        let choices = choices.clone();
        std::thread::spawn(move || {
            let outcome = run(&map, &path, &choices, shown.as_ref(), &progress, &cancel);
            if let Ok(mut slot) = result.lock() {
                *slot = Some(outcome);
            }
        });
        job
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// How far along, 0 to 1, and what it is doing.
    pub fn progress(&self) -> (f32, String) {
        self.progress
            .lock()
            .map_or((0.0, String::new()), |p| p.clone())
    }

    /// The outcome once finished: a report, or one sentence of error.
    pub fn finished(&self) -> Option<Result<String, String>> {
        self.result.lock().ok().and_then(|mut r| r.take())
    }
}

fn run(
    map: &Map,
    path: &Path,
    choices: &ExportChoices,
    shown: Option<&BTreeSet<NodeId>>,
    progress: &Mutex<(f32, String)>,
    cancel: &AtomicBool,
) -> Result<String, String> {
    let mut report = |share: f32, step: &str| {
        if let Ok(mut p) = progress.lock() {
            *p = (share, step.to_owned());
        }
    };
    let cancelled = || cancel.load(Ordering::Relaxed);
    let drawn = shown.map_or_else(|| map.clone(), |nodes| map.subset(nodes));
    let files: Vec<(PathBuf, Vec<u8>)> = match choices.format {
        ExportFormat::File(format) => {
            let options = ImageOptions {
                scale: choices.scale,
                dark_background: choices.dark_background,
                max_tile_side: choices.max_tile_side,
                ..ImageOptions::default()
            };
            crate::files::export(&drawn, format, &options, &mut report, &cancelled)
                .map_err(|e| format!("Could not export: {e}"))?
                .into_iter()
                .map(|(tile, bytes)| {
                    let file = tile.map_or_else(|| path.to_owned(), |(r, c)| tile_path(path, r, c));
                    (file, bytes)
                })
                .collect()
        }
        ExportFormat::Slides(format) => {
            let steps = crate::layout::steps::shown_steps(&drawn);
            let slides = crate::render::export::export_slides(
                &drawn,
                &steps,
                format,
                SLIDE_SIZE,
                choices.dark_background,
                &mut report,
                &cancelled,
            )
            .map_err(|e| e.to_string())?;
            std::fs::create_dir_all(path)
                .map_err(|e| format!("Could not make the folder {}: {e}", path.display()))?;
            slides
                .into_iter()
                .enumerate()
                .map(|(i, bytes)| {
                    (
                        path.join(crate::render::export::slide_name(i, format)),
                        bytes,
                    )
                })
                .collect()
        }
    };
    if cancelled() {
        return Err("Export cancelled; nothing was written.".to_owned());
    }
    for (file, bytes) in &files {
        io::write_atomic(file, |out| out.write_all(bytes))
            .map_err(|e| format!("Could not write {}: {e}", file.display()))?;
    }
    report(1.0, "done");
    let slides = matches!(choices.format, ExportFormat::Slides(_));
    let lost = match choices.format {
        ExportFormat::File(format) => crate::files::loss_note(&drawn, format)
            .map(|note| format!(" {note}."))
            .unwrap_or_default(),
        ExportFormat::Slides(_) => String::new(),
    };
    let done = match files.len() {
        n if slides => format!("Exported {n} slides into {}.", path.display()),
        1 => format!("Exported {}.", path.display()),
        n => format!(
            "Exported {n} tiles next to {} (the picture is too big for one PNG).",
            path.display()
        ),
    };
    Ok(format!("{done}{lost}"))
}

/// What the export dialog asks for this frame.
pub enum ExportRequest {
    None,
    Cancel,
    Export,
}

/// The dialog where the format and options are chosen.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    choices: &mut ExportChoices,
    has_selection: bool,
) -> ExportRequest {
    let mut request = ExportRequest::None;
    Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
        ui.heading("Export");
        for format in ExportFormat::all() {
            ui.radio_value(&mut choices.format, format, format.label());
        }
        ui.separator();
        let image = matches!(
            choices.format,
            ExportFormat::File(Format::Png | Format::Svg)
        );
        ui.add_enabled_ui(image, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Scale");
                ui.add(
                    egui::Slider::new(&mut choices.scale, 1.0..=4.0)
                        .step_by(0.5)
                        .suffix("×"),
                )
                .labelled_by(label.id);
            });
            ui.checkbox(&mut choices.dark_background, "Dark background");
        });
        ui.add_enabled(
            has_selection,
            egui::Checkbox::new(&mut choices.selection_only, "Only the selected boxes"),
        );
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                request = ExportRequest::Export;
            }
            if ui.button("Cancel").clicked() {
                request = ExportRequest::Cancel;
            }
        });
    });
    request
}

/// The running export: a progress bar and a Cancel button.
pub fn export_progress_ui(ui: &mut Ui, job: &ExportJob) {
    let (share, step) = job.progress();
    ui.heading("Exporting");
    ui.label(job.path.display().to_string());
    ui.add(ProgressBar::new(share).show_percentage().text(step));
    if ui.button("Cancel export").clicked() {
        job.cancel();
    }
}
