//! Command-line arguments and what each subcommand does.

mod check;
mod compare;
mod convert;
mod export;
mod layout;
mod reanchor;
mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Argument maps whose boxes stay tied to the exact words of their sources.
#[derive(Debug, Parser)]
#[command(
    name = "argmap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A map to open in the window (default: the last map you had open,
    /// or the example map on first start).
    map: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate maps: parse errors, dangling or duplicate ids, spans whose
    /// quote no longer matches their source. Exits 1 if any map has a problem.
    Check {
        /// Map files, in any format Argmap reads.
        #[arg(required = true)]
        maps: Vec<PathBuf>,
    },
    /// Convert a map between formats, chosen by file ending or by
    /// --from and --to (see `argmap formats`).
    Convert {
        /// The map to read (.ron, .json, .aif.json, .argdown, Kialo .txt).
        input: PathBuf,
        /// The file to write; replaced atomically.
        output: PathBuf,
        /// Read the input as this format, whatever its ending.
        #[arg(long, value_parser = convert::parse_readable)]
        from: Option<argmap::io::Format>,
        /// Write the output as this format, whatever its ending.
        #[arg(long, value_parser = export::parse_format)]
        to: Option<argmap::io::Format>,
    },
    /// List the formats Argmap reads and writes, and what each cannot carry.
    Formats,
    /// Count nodes and edges by kind, spans, sources and anchored nodes;
    /// which boxes stand, fall or are undecided, and the unanswered objections.
    Stats {
        map: PathBuf,
        #[arg(long, value_enum, default_value_t = stats::StatsFormat::Text)]
        format: stats::StatsFormat,
        /// What if these boxes stand (comma-separated ids)? The file is not changed.
        #[arg(long, value_delimiter = ',')]
        accept: Vec<u64>,
        /// What if these boxes fall (comma-separated ids)? The file is not changed.
        #[arg(long, value_delimiter = ',')]
        reject: Vec<u64>,
    },
    /// Re-read changed source files and move each span to where its quote
    /// now stands; report what moved and what is orphaned; save the map.
    Reanchor {
        map: PathBuf,
        /// Report only; leave the map file as it is.
        #[arg(long)]
        dry_run: bool,
    },
    /// Arrange every box automatically (pinned boxes stay) and save.
    Layout {
        map: PathBuf,
        /// Write here instead of over MAP.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Compare a student's map with a model answer: boxes found, missed
    /// and added, relations right, of the wrong kind or missing, a score.
    Compare {
        student: PathBuf,
        model: PathBuf,
        #[arg(long, value_enum, default_value_t = compare::CompareFormat::Text)]
        format: compare::CompareFormat,
    },
    /// Write a generated map of any size (trees of claims, reasons and
    /// objections with cross links), for benchmarks and stress tests.
    Generate {
        #[arg(long, default_value_t = 1000)]
        nodes: usize,
        /// Instead: one source of about this many chars, quoted by `--spans`
        /// evidence boxes (for stress tests of the source panel and check).
        #[arg(long)]
        source_chars: Option<usize>,
        /// With `--source-chars`: how many spans quote it.
        #[arg(long, default_value_t = 1000)]
        spans: usize,
        /// With `--source-chars`: the whole source on one line.
        #[arg(long)]
        one_line: bool,
        /// The file to write (.ron or .json).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Export a map to another format.
    Export {
        map: PathBuf,
        /// Any format `argmap formats` lists as written.
        #[arg(long, value_parser = export::parse_format)]
        format: argmap::io::Format,
        /// The file to write, or `-` for standard output.
        #[arg(long, short, required_unless_present = "steps")]
        output: Option<PathBuf>,
        #[command(flatten)]
        image: export::ImageArgs,
        /// With png or svg: one picture per presentation step, written as
        /// DIR/step-001.png, step-002.png, …
        #[arg(long, value_name = "DIR")]
        steps: Option<PathBuf>,
        /// With --steps: the size of each picture, in pixels.
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = export::parse_size)]
        size: (u32, u32),
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        None => {
            argmap::ui::run(args.map)
                .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { maps }) => Ok(check::run(&maps)),
        Some(Command::Convert {
            input,
            output,
            from,
            to,
        }) => convert::run(&input, &output, from, to),
        Some(Command::Formats) => Ok(convert::list()),
        Some(Command::Stats {
            map,
            format,
            accept,
            reject,
        }) => stats::run(&map, format, &accept, &reject),
        Some(Command::Reanchor { map, dry_run }) => reanchor::run(&map, dry_run),
        Some(Command::Compare {
            student,
            model,
            format,
        }) => compare::run(&student, &model, format),
        Some(Command::Layout { map, output }) => layout::run(&map, output.as_deref()),
        Some(Command::Generate {
            nodes,
            source_chars,
            spans,
            one_line,
            output,
        }) => {
            let map = match source_chars {
                Some(chars) => argmap::model::big_source_map(chars, spans, one_line),
                None => argmap::model::synthetic_map(nodes),
            };
            argmap::io::save(&map, &output)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            map,
            format,
            output,
            image,
            steps,
            size,
        }) => match (steps, output) {
            (Some(dir), _) => export::slides(&map, format, &dir, size, image.dark),
            (None, Some(output)) => export::run(&map, format, &output, &image),
            (None, None) => Err(anyhow::anyhow!(
                "give --output FILE, or --steps DIR for slides"
            )),
        },
    }
}

/// `n` and a noun, plural unless `n` is 1: "1 source file", "3 source files".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
