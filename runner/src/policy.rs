//! The grading policy: what a solution may not do, because doing it could forge a verdict.
//!
//! A test runs in the same process as the code under test, so whatever that code can do, the
//! harness could be made to say. In grading and verification the learner's crate is therefore
//! compiled under a policy that takes away every way known to end or escape a test from inside:
//!
//! - `unsafe_code` is forbidden (unless the kata's `kata.toml` says `unsafe_code = true`), which
//!   also forbids `#[no_mangle]`, `#[export_name]` and `#[link_section]`: no constructor in
//!   `.init_array`, no symbol that replaces the harness's;
//! - clippy's `disallowed_methods` and `disallowed_types` are forbidden for
//!   the APIs listed in [`clippy_toml`]: ending the process (`exit`, `abort`), the command line
//!   (`env::args`, where the harness's log file is named), files, processes, Unix sockets, raw
//!   descriptors. Clippy resolves names, so `use std::process as p; p::exit(0)` and macros are
//!   caught as well;
//! - a scan of the source ([`scan`]) rejects what needs no `unsafe` yet can run code before the
//!   harness or read files into the binary: `global_asm!`/`asm!`/`naked_asm!` (a `.init_array`
//!   entry through a `sym` operand, `.incbin`), foreign blocks, and in katas that allow `unsafe`
//!   the symbol and section attributes.
//!
//! This module owns those lists and turns violations into one failed `policy` check naming each
//! line. It knows nothing about cargo or processes: [`crate::build`] applies the lints.

use std::fmt::Write as _;

/// Which policy a build applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Practice: the learner checks their own code; nothing is forbidden beyond the sandbox.
    #[default]
    Practice,
    /// Grading and verification: the rules above.
    Strict,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Practice => "practice",
            Policy::Strict => "strict",
        }
    }
}

/// The lints the strict policy forbids; a learner's `#[allow]` cannot lift a forbidden lint.
pub const CLIPPY_LINTS: &[&str] = &["disallowed_methods", "disallowed_types"];

/// Whether a diagnostic's lint is one of the policy's.
pub fn is_policy_lint(code: Option<&str>) -> bool {
    match code {
        Some("unsafe_code") => true,
        Some(code) => code
            .strip_prefix("clippy::")
            .is_some_and(|lint| CLIPPY_LINTS.contains(&lint)),
        None => false,
    }
}

const METHODS: &[(&str, &str)] = &[
    ("std::process::exit", "ends the test process"),
    ("std::process::abort", "ends the test process"),
    ("std::env::args", "reads the harness's command line"),
    ("std::env::args_os", "reads the harness's command line"),
    ("std::fs::canonicalize", "touches files"),
    ("std::fs::copy", "touches files"),
    ("std::fs::create_dir", "touches files"),
    ("std::fs::create_dir_all", "touches files"),
    ("std::fs::exists", "touches files"),
    ("std::fs::hard_link", "touches files"),
    ("std::fs::metadata", "touches files"),
    ("std::fs::read", "touches files"),
    ("std::fs::read_dir", "touches files"),
    ("std::fs::read_link", "touches files"),
    ("std::fs::read_to_string", "touches files"),
    ("std::fs::remove_dir", "touches files"),
    ("std::fs::remove_dir_all", "touches files"),
    ("std::fs::remove_file", "touches files"),
    ("std::fs::rename", "touches files"),
    ("std::fs::set_permissions", "touches files"),
    ("std::fs::soft_link", "touches files"),
    ("std::fs::symlink_metadata", "touches files"),
    ("std::fs::write", "touches files"),
    ("std::fs::File::open", "touches files"),
    ("std::fs::File::create", "touches files"),
    ("std::fs::File::create_new", "touches files"),
    ("std::fs::File::options", "touches files"),
    ("std::path::Path::read_dir", "touches files"),
    ("std::path::Path::read_link", "touches files"),
    ("std::path::Path::metadata", "touches files"),
    ("std::path::Path::canonicalize", "touches files"),
    ("std::os::unix::fs::symlink", "touches files"),
    (
        "std::os::fd::FromRawFd::from_raw_fd",
        "takes over a descriptor",
    ),
    ("std::process::Command::new", "starts programs"),
];

const TYPES: &[(&str, &str)] = &[
    ("std::fs::File", "touches files"),
    ("std::fs::OpenOptions", "touches files"),
    ("std::fs::DirBuilder", "touches files"),
    ("std::process::Command", "starts programs"),
    (
        "std::os::unix::net::UnixStream",
        "reaches the host's Unix sockets",
    ),
    (
        "std::os::unix::net::UnixListener",
        "reaches the host's Unix sockets",
    ),
    (
        "std::os::unix::net::UnixDatagram",
        "reaches the host's Unix sockets",
    ),
    ("std::os::fd::OwnedFd", "takes over a descriptor"),
    ("std::os::fd::BorrowedFd", "takes over a descriptor"),
];

const TOKIO_METHODS: &[(&str, &str)] = &[
    ("tokio::fs::read", "touches files"),
    ("tokio::fs::read_to_string", "touches files"),
    ("tokio::fs::write", "touches files"),
    ("tokio::fs::copy", "touches files"),
    ("tokio::fs::rename", "touches files"),
    ("tokio::fs::remove_file", "touches files"),
    ("tokio::fs::create_dir_all", "touches files"),
    ("tokio::fs::read_dir", "touches files"),
    ("tokio::fs::metadata", "touches files"),
    ("tokio::process::Command::new", "starts programs"),
];

const TOKIO_TYPES: &[(&str, &str)] = &[
    ("tokio::fs::File", "touches files"),
    ("tokio::fs::OpenOptions", "touches files"),
    ("tokio::process::Command", "starts programs"),
    ("tokio::net::UnixStream", "reaches the host's Unix sockets"),
    (
        "tokio::net::UnixListener",
        "reaches the host's Unix sockets",
    ),
    (
        "tokio::net::UnixDatagram",
        "reaches the host's Unix sockets",
    ),
];

/// The `clippy.toml` of a strict build: what the learner's crate may not name. Paths into a
/// crate the kata does not depend on would not resolve, so tokio's are listed only for katas
/// that use tokio (`features` gates only paths that exist).
pub fn clippy_toml(uses_tokio: bool) -> String {
    let entries = |list: &[(&str, &str)], out: &mut String| {
        for (path, why) in list {
            let _ = writeln!(
                out,
                "  {{ path = \"{path}\", reason = \"the grading policy forbids it: it {why}\" }},"
            );
        }
    };
    let mut text = String::from("disallowed-methods = [\n");
    entries(METHODS, &mut text);
    if uses_tokio {
        entries(TOKIO_METHODS, &mut text);
    }
    text.push_str("]\ndisallowed-types = [\n");
    entries(TYPES, &mut text);
    if uses_tokio {
        entries(TOKIO_TYPES, &mut text);
    }
    text.push_str("]\n");
    text
}

/// One breach of the policy found in the source, 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub line: usize,
    pub what: String,
}

/// Scans the learner's source for what clippy and `unsafe_code` cannot see.
///
/// Works on tokens, so comments and strings never count, and on every token, so a name put
/// together inside a macro still shows: an identifier cannot be assembled from pieces on stable
/// Rust. A source that does not lex is left to the compiler to report.
pub fn scan(source: &str, unsafe_allowed: bool) -> Vec<Violation> {
    let Ok(tokens) = source.parse::<proc_macro2::TokenStream>() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(tokens, unsafe_allowed, &mut found);
    found.sort_by_key(|v| v.line);
    found.dedup();
    found
}

fn walk(tokens: proc_macro2::TokenStream, unsafe_allowed: bool, found: &mut Vec<Violation>) {
    use proc_macro2::{Delimiter, TokenTree};
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(group) => walk(group.stream(), unsafe_allowed, found),
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name);
                let line = ident.span().start().line;
                let what = match name {
                    "global_asm" | "asm" | "naked_asm" => Some(format!(
                        "`{name}!`: assembly can run code before the test harness and read files into the binary"
                    )),
                    "no_mangle" | "export_name" | "link_section" if unsafe_allowed =>
                    {
                        Some(format!(
                            "`#[{name}]`: symbols and sections can replace the harness's code or run before it"
                        ))
                    }
                    "extern" => {
                        // A foreign block: `extern { .. }` or `extern "ABI" { .. }`.
                        let next = match tokens.get(i + 1) {
                            Some(TokenTree::Literal(_)) => tokens.get(i + 2),
                            other => other,
                        };
                        matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace)
                            .then(|| "`extern` block: foreign functions can end or escape the test".to_string())
                    }
                    _ => None,
                };
                if let Some(what) = what {
                    found.push(Violation { line, what });
                }
            }
            _ => {}
        }
    }
}

/// The message of a failed `policy` check.
pub fn message(lines: &[String]) -> String {
    format!(
        "the grading policy forbids what this code uses (it could end the test early or reach outside it):\n{}",
        lines.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembly_and_foreign_blocks_are_found_by_line_wherever_they_hide() {
        let source = "// global_asm! in a comment is fine\nconst S: &str = \"asm!\";\nmacro_rules! m { ($a:ident) => { core::arch::$a!(\"\"); } }\nm!(global_asm);\nextern \"C\" { fn _exit(code: i32); }\npub fn r#asm() {}\nextern \"C\" fn callable() {}\n";
        let found = scan(source, false);
        let lines: Vec<usize> = found.iter().map(|v| v.line).collect();
        assert_eq!(lines, vec![4, 5, 6], "{found:?}");
    }

    #[test]
    fn symbol_attributes_are_found_only_where_unsafe_is_allowed() {
        let source = "#[no_mangle]\npub extern \"C\" fn main() {}\n#[link_section = \".init_array\"]\nstatic X: u8 = 0;\n";
        assert!(scan(source, false).is_empty());
        let lines: Vec<usize> = scan(source, true).iter().map(|v| v.line).collect();
        assert_eq!(lines, vec![1, 3]);
    }

    #[test]
    fn the_policy_lints_are_recognised() {
        assert!(is_policy_lint(Some("unsafe_code")));
        assert!(is_policy_lint(Some("clippy::disallowed_methods")));
        assert!(!is_policy_lint(Some("clippy::needless_return")));
        assert!(!is_policy_lint(Some("E0308")));
        assert!(!is_policy_lint(None));
    }

    #[test]
    fn tokio_paths_are_listed_only_for_katas_that_use_tokio() {
        assert!(clippy_toml(true).contains("tokio::fs::File"));
        let plain = clippy_toml(false);
        assert!(!plain.contains("tokio") && plain.contains("\"std::process::exit\""));
        assert!(plain.parse::<toml::Table>().is_ok(), "{plain}");
    }
}
