//! Crash recovery: the open map is written to a recovery file every 30 s
//! while it has unsaved changes, and removed when it is saved or the app
//! closes cleanly. A recovery file found at start means a crash.

use crate::io;
use crate::model::Map;
use std::path::{Path, PathBuf};

/// Seconds between recovery writes while there are unsaved changes.
pub const INTERVAL_SECONDS: f64 = 30.0;

const MAP_FILE: &str = "recovery.ron";
const ORIGIN_FILE: &str = "recovery-origin.txt";

/// A map found in the recovery folder.
#[derive(Debug)]
pub struct Recovered {
    pub map: Map,
    /// The file the map was opened from, if it had one.
    pub origin: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Recovery {
    dir: PathBuf,
    last_write: Option<f64>,
}

impl Recovery {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            last_write: None,
        }
    }

    /// Whether a write is due at `now` (seconds).
    pub fn due(&self, now: f64) -> bool {
        self.last_write.is_none_or(|t| now - t >= INTERVAL_SECONDS)
    }

    /// Writes `map` (atomically) with the path it belongs to.
    pub fn write(&mut self, map: &Map, origin: Option<&Path>, now: f64) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        io::save(map, &self.dir.join(MAP_FILE)).map_err(|e| e.to_string())?;
        let origin = origin
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        io::write_atomic(&self.dir.join(ORIGIN_FILE), |out| {
            out.write_all(origin.as_bytes())
        })
        .map_err(|e| format!("{}: {e}", self.dir.display()))?;
        self.last_write = Some(now);
        Ok(())
    }

    /// Removes the recovery files: the map is saved, or closed on purpose.
    pub fn clear(&mut self) {
        // Missing files are fine: there was nothing to recover.
        let _ = std::fs::remove_file(self.dir.join(MAP_FILE));
        let _ = std::fs::remove_file(self.dir.join(ORIGIN_FILE));
        self.last_write = None;
    }

    /// The map left by a session that did not close cleanly, if any.
    pub fn find(&self) -> Option<Recovered> {
        let map = io::load(&self.dir.join(MAP_FILE)).ok()?;
        let origin = std::fs::read_to_string(self.dir.join(ORIGIN_FILE))
            .ok()
            .filter(|s| !s.is_empty())
            .map(PathBuf::from);
        Some(Recovered { map, origin })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_map_is_found_until_cleared() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut recovery = Recovery::new(dir.path().join("r"));
        assert!(recovery.find().is_none());
        let map = Map::new("unsaved work");
        recovery
            .write(&map, Some(Path::new("/tmp/x.ron")), 0.0)
            .expect("writes");
        let found = recovery.find().expect("found");
        assert_eq!(found.map, map);
        assert_eq!(found.origin, Some(PathBuf::from("/tmp/x.ron")));
        assert!(!recovery.due(10.0));
        assert!(recovery.due(31.0));
        recovery.clear();
        assert!(recovery.find().is_none());
    }
}
