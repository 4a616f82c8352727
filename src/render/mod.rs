//! A map as a display list (boxes, wrapped text, arrows) in map space,
//! built without any window toolkit.

mod build;
mod clutter;
mod display_list;
pub mod export;
pub mod figure;
pub mod fonts;
mod geometry;
mod glyphs;
mod links;
mod measure;
mod overview;
pub mod palette;
mod patch;
pub mod png;
mod raster;
mod rerouting;
mod route;
mod scene;
mod slots;
mod spatial;
pub mod svg;
mod wrap;

pub use build::{
    BADGE_RADIUS, BOX_WIDTH, CUE_SIZE, LINE_HEIGHT, PADDING, TEXT_SIZE, box_size, build,
    build_shown, estimated_sizes, sizes,
};
pub use clutter::{Clutter, clutter};
pub use display_list::{ArrowItem, BoxItem, DisplayList, LookedAt, Stroke, TextLine};
pub use geometry::{Rect, clip_range, distance_to_segment, halfway};
pub use measure::{FixedAdvance, TextMeasure, is_wide};
pub use overview::{Landmark, landmarks};
pub use scene::Scene;
pub use spatial::SpatialIndex;
pub use wrap::wrap;
