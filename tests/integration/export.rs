//! Exports: SVG and PNG as the canvas draws, AIF and Argdown, from the
//! command line; golden files for SVG (exact) and PNG (with a tolerance).

use super::support::{argmap, mixed_script_map, path_str, root};
use argmap::io;
use argmap::render::export::{ImageFormat, ImageOptions, export_image};
use resvg::tiny_skia::Pixmap;
use std::fs;

fn export(map: &argmap::model::Map, format: ImageFormat, options: &ImageOptions) -> Vec<Vec<u8>> {
    export_image(map, format, options, &mut |_, _| {}, &|| false)
        .expect("exports")
        .into_iter()
        .map(|f| f.bytes)
        .collect()
}

/// Compares with a golden file, or writes it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, fresh: &[u8]) -> Vec<u8> {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, fresh).expect("write golden");
    }
    fs::read(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()))
}

fn small() -> argmap::model::Map {
    argmap::files::open(&root().join("tests/good/small.json"), None)
        .expect("loads")
        .map
}

#[test]
fn svg_matches_its_golden_file() {
    let svg = export(&small(), ImageFormat::Svg, &ImageOptions::default()).remove(0);
    let expected = golden("small.svg", &svg);
    assert_eq!(
        String::from_utf8_lossy(&svg),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn png_matches_its_golden_file_within_tolerance() {
    let png = export(&small(), ImageFormat::Png, &ImageOptions::default()).remove(0);
    let expected = golden("small.png", &png);
    let (a, b) = (
        Pixmap::decode_png(&png).expect("png"),
        Pixmap::decode_png(&expected).expect("golden png"),
    );
    let share = differing(&a, &b, 40);
    assert!(share < 0.005, "{:.3} % of pixels differ", share * 100.0);
}

/// The SVG export of `map` drawn by resvg, an independent reader of SVG.
fn svg_drawn_by_resvg(map: &argmap::model::Map, options: &ImageOptions) -> Pixmap {
    use resvg::usvg;
    let svg = export(map, ImageFormat::Svg, options).remove(0);
    let mut db = usvg::fontdb::Database::new();
    let texts = map.nodes.values().map(|n| n.text.as_str());
    for face in argmap::render::fonts::FontSet::for_texts(texts).faces {
        db.load_font_data(face);
    }
    let tree = usvg::Tree::from_data(
        &svg,
        &usvg::Options {
            fontdb: std::sync::Arc::new(db),
            ..usvg::Options::default()
        },
    )
    .expect("the SVG reads");
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// The share of pixels whose colours differ by more than `by` in a channel.
fn differing(a: &Pixmap, b: &Pixmap, by: u8) -> f64 {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let count = a
        .data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > by))
        .count();
    count as f64 / f64::from(a.width() * a.height())
}

#[test]
fn png_shows_what_the_svg_says() {
    // The PNG is painted straight from the shapes the SVG is written from;
    // resvg reading the SVG back must see the same picture, at any scale
    // and in any script. What differs is the edges of letters (resvg
    // shapes text with kerning, the PNG spaces it as the boxes were
    // measured) and quarter-pixel placing.
    let article = io::load(&root().join("maps/internet-sovereignty.ron")).expect("article");
    for (name, map, scale) in [
        ("small", small(), 1.0),
        ("small at 2x", small(), 2.0),
        ("article", article, 1.0),
        ("mixed scripts", mixed_script_map(), 1.0),
    ] {
        let options = ImageOptions {
            scale,
            ..ImageOptions::default()
        };
        let png =
            Pixmap::decode_png(&export(&map, ImageFormat::Png, &options).remove(0)).expect("png");
        let reference = svg_drawn_by_resvg(&map, &options);
        let share = differing(&png, &reference, 80);
        assert!(
            share < 0.005,
            "{name}: {:.3} % of pixels differ",
            share * 100.0
        );
    }
}

/// A non-negative map distance as a pixel count (scale 1).
fn pixel(x: f64) -> u32 {
    u32::try_from(x.round() as i64).expect("on the picture")
}

/// Dark pixels inside `rect` (x, y, w, h): text was drawn there.
fn dark_pixels(png: &Pixmap, rect: (u32, u32, u32, u32)) -> usize {
    let (x0, y0, w, h) = rect;
    (y0..y0 + h)
        .flat_map(|y| (x0..x0 + w).map(move |x| (x, y)))
        .filter_map(|(x, y)| png.pixel(x, y))
        .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 200)
        .count()
}

#[test]
fn png_text_is_drawn_latin_and_chinese() {
    let map = mixed_script_map();
    let options = ImageOptions::default();
    let png = Pixmap::decode_png(&export(&map, ImageFormat::Png, &options).remove(0)).expect("png");
    let list = argmap::render::build(&map, &argmap::render::FixedAdvance::default());
    let area = list.bounds().expect("bounds").expand(options.margin);
    // Each box's text lines: ink where the text is.
    for item in &list.boxes {
        let line = &item.lines[0];
        let x = pixel(line.pos.x - area.min.x);
        let y = pixel(line.pos.y - area.min.y);
        let ink = dark_pixels(&png, (x, y, 60, 14));
        assert!(
            ink > 20,
            "box {} ({:?}) has no text drawn: {ink} dark pixels",
            item.node,
            line.text
        );
    }
}

#[test]
fn scale_selection_and_dark_background() {
    let map = small();
    let one =
        Pixmap::decode_png(&export(&map, ImageFormat::Png, &ImageOptions::default()).remove(0))
            .expect("png");
    let options = ImageOptions {
        scale: 2.0,
        dark_background: true,
        ..ImageOptions::default()
    };
    let two = Pixmap::decode_png(&export(&map, ImageFormat::Png, &options).remove(0)).expect("png");
    assert_eq!(two.width(), one.width() * 2);
    let corner = two.pixel(2, 2).expect("pixel");
    assert!(
        u16::from(corner.red()) + u16::from(corner.green()) + u16::from(corner.blue()) < 150,
        "dark background"
    );
    let only = ImageOptions {
        only: Some([argmap::model::NodeId(1)].into()),
        ..ImageOptions::default()
    };
    let svg = String::from_utf8(export(&map, ImageFormat::Svg, &only).remove(0)).expect("utf8");
    assert_eq!(svg.matches("<g class=\"node ").count(), 1);
    assert_eq!(
        svg.matches("<path ").count(),
        0,
        "no arrow leads out of the selection"
    );
}

#[test]
fn a_map_too_big_for_one_png_comes_out_in_tiles_not_shrunk() {
    let map = argmap::model::synthetic_map(30);
    let options = ImageOptions {
        max_tile_side: 500,
        ..ImageOptions::default()
    };
    let whole = argmap::render::svg::export_area(
        &argmap::render::build(
            &map,
            &argmap::render::fonts::FontMeasure::new(&argmap::render::fonts::FontSet::load()),
        ),
        &argmap::render::svg::SvgOptions::default(),
    );
    let files =
        export_image(&map, ImageFormat::Png, &options, &mut |_, _| {}, &|| false).expect("exports");
    assert!(files.len() > 1);
    let (mut width, mut height) = (0, 0);
    for file in &files {
        let (row, column) = file.tile.expect("tiles are numbered");
        let tile = Pixmap::decode_png(&file.bytes).expect("png");
        assert!(tile.width() <= 500 && tile.height() <= 500);
        if row == 1 {
            width += tile.width();
        }
        if column == 1 {
            height += tile.height();
        }
    }
    assert_eq!(
        (width, height),
        (pixel(whole.width().ceil()), pixel(whole.height().ceil())),
        "full size, at scale 1"
    );
}

#[test]
fn every_format_exports_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, file) in [
        ("png", "m.png"),
        ("svg", "m.svg"),
        ("json", "m.json"),
        ("aif", "m.aif.json"),
        ("argdown", "m.argdown"),
    ] {
        let out = dir.path().join(file);
        let run = argmap(&[
            "export",
            "maps/internet-sovereignty.ron",
            "--format",
            format,
            "--output",
            path_str(&out),
        ]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            fs::metadata(&out).expect("written").len() > 1000,
            "{format}"
        );
    }
    let aif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("m.aif.json")).expect("aif"))
            .expect("json");
    let types: Vec<&str> = aif["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["type"].as_str())
        .collect();
    for kind in ["I", "RA", "CA", "L", "YA"] {
        assert!(types.contains(&kind), "no {kind} node");
    }
    // AIF reads back as a map, by extension.
    let back = dir.path().join("back.ron");
    let run = argmap(&[
        "convert",
        path_str(&dir.path().join("m.aif.json")),
        path_str(&back),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(io::load(&back).expect("loads").nodes.len(), 37);
}

#[test]
fn scale_out_of_range_is_one_clear_line() {
    let run = argmap(&[
        "export",
        "maps/internet-sovereignty.ron",
        "--format",
        "png",
        "--scale",
        "9",
        "--output",
        "/tmp/never.png",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("scale 9 is outside 1 to 4"), "{err}");
}
