//! `kata new`: a kata package that loads, with a placeholder in every file to fill in.
//!
//! Owns the text of a new kata's files. The package is valid from the start (so the catalogue
//! keeps loading for every other command) but `kata verify` rejects it, naming each file that
//! still holds [`PLACEHOLDER`], until its author has written the kata. Writes files only: it never
//! overwrites one, and does not build, run or print.

use std::fs;
use std::path::{Path, PathBuf};

use crate::catalogue::{is_identifier, solutions_dir, Catalogue};
use crate::error::{Error, Result};

/// Marks what the author still has to write; `kata verify` reports files that hold it.
pub const PLACEHOLDER: &str = "TODO(kata new)";

/// Creates kata `slug` in track `track` of the catalogue at `root`, last in the track's order.
/// Returns the files written.
pub fn new_kata(root: &Path, slug: &str, track: u8) -> Result<Vec<PathBuf>> {
    if !is_identifier(slug) {
        return Err(Error::Usage(format!(
            "`{slug}` is not a kata slug; use lowercase letters, digits and underscores, starting with a letter (it is also the crate name)"
        )));
    }
    if !(1..=4).contains(&track) {
        return Err(Error::Usage(format!(
            "track {track} does not exist; use 1 (core language), 2 (data structures and algorithms), 3 (coding and debugging) or 4 (systems)"
        )));
    }
    let catalogue = Catalogue::load(root)?;
    let dir = catalogue.root.join(slug);
    let reference = solutions_dir(&catalogue.root).join(format!("{slug}.rs"));
    for path in [&dir, &reference] {
        if path.exists() {
            return Err(Error::Usage(format!(
                "{} already exists; choose another slug, or remove it first",
                path.display()
            )));
        }
    }
    let order = catalogue
        .katas()
        .iter()
        .filter(|k| k.meta.track == track)
        .map(|k| k.meta.order)
        .max()
        .unwrap_or(0)
        + 1;
    let title = {
        let words = slug.replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    };
    let stub = format!(
        "// {PLACEHOLDER}: the signature the task names, with a body that compiles and fails.\npub fn solve(input: &str) -> usize {{\n    let _ = input;\n    todo!()\n}}\n"
    );
    let files = [
        (
            dir.join("kata.toml"),
            format!(
                "slug = \"{slug}\"\ntitle = \"{title}\"\ntrack = {track}\norder = {order}\ndifficulty = \"easy\"\ntopics = []\nsource = \"{PLACEHOLDER}: where the task comes from\"\npoints = 10\nhints = [\n  \"{PLACEHOLDER}: a gentle nudge.\",\n  \"{PLACEHOLDER}: almost the answer.\",\n]\n"
            ),
        ),
        (
            dir.join("task.md"),
            format!("# {title}\n\n{PLACEHOLDER}: what to write, with its exact signature, the rules the hidden tests check, and an example.\n"),
        ),
        (dir.join("stub.rs"), stub.clone()),
        (
            dir.join("tests").join("hidden.rs"),
            format!(
                "use kata_assert::expect_eq;\nuse {slug}::solve;\n\n// {PLACEHOLDER}: many small tests, each named after the rule it checks.\n#[test]\nfn empty_input_gives_zero() {{\n    expect_eq!(solve(\"\"), 0, \"an empty input has nothing to count\");\n}}\n"
            ),
        ),
        (
            dir.join("wrong").join("example.rs"),
            format!("//! {PLACEHOLDER}: a plausible mistake the hidden suite must reject; a kata needs at least two.\n{stub}"),
        ),
        (reference.clone(), stub),
    ];
    let mut written = Vec::new();
    for (path, text) in files {
        let parent = path.parent().expect("kata files live in a folder");
        fs::create_dir_all(parent).map_err(Error::io("creating", parent))?;
        fs::write(&path, text).map_err(Error::io("writing", &path))?;
        written.push(path);
    }
    Ok(written)
}
