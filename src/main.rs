//! The `argmap` command: subcommands run headless.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            // One line, no backtrace: the chain of contexts joined by ": ".
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
