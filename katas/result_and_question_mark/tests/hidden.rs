use kata_assert::{expect, expect_eq};
use result_and_question_mark::{parse_config, Config, ConfigError};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `parse_config`, turning a panic into a test failure that says panicking is not allowed.
fn parse(text: &str) -> Result<Config, ConfigError> {
    let result = catch_unwind(AssertUnwindSafe(|| parse_config(text)));
    expect!(
        result.is_ok(),
        "parse_config must return a `Result`, never panic; it panicked on {text:?}"
    );
    result.unwrap()
}

fn config(host: &str, port: u16, workers: u32, verbose: bool) -> Config {
    Config {
        host: host.to_string(),
        port,
        workers,
        verbose,
    }
}

fn invalid(line: usize, key: &str, value: &str) -> ConfigError {
    ConfigError::InvalidValue {
        line,
        key: key.to_string(),
        value: value.to_string(),
    }
}

fn unknown(line: usize, key: &str) -> ConfigError {
    ConfigError::UnknownKey {
        line,
        key: key.to_string(),
    }
}

fn duplicate(line: usize, key: &str) -> ConfigError {
    ConfigError::DuplicateKey {
        line,
        key: key.to_string(),
    }
}

fn missing(key: &str) -> ConfigError {
    ConfigError::MissingKey {
        key: key.to_string(),
    }
}

#[test]
fn parses_every_key() {
    let text = "host = example.com\nport = 8080\nworkers = 16\nverbose = true\n";
    expect_eq!(
        parse(text),
        Ok(config("example.com", 8080, 16, true)),
        "all four keys set on four lines"
    );
}

#[test]
fn keys_may_come_in_any_order() {
    let text = "verbose = false\nworkers = 2\nport = 1\nhost = h\n";
    expect_eq!(
        parse(text),
        Ok(config("h", 1, 2, false)),
        "the order of the lines does not matter"
    );
}

#[test]
fn workers_defaults_to_four_and_verbose_to_false() {
    expect_eq!(
        parse("host = localhost\nport = 80"),
        Ok(config("localhost", 80, 4, false)),
        "without `workers` and `verbose` lines: workers = 4, verbose = false"
    );
}

#[test]
fn blank_lines_and_comments_are_ignored() {
    let text = "\n# the server\n   \n\t# indented comment\nhost = a\n\nport = 9\n# end\n";
    expect_eq!(
        parse(text),
        Ok(config("a", 9, 4, false)),
        "blank and `#` lines are skipped"
    );
}

#[test]
fn commented_out_settings_are_ignored() {
    let text = "#port = 80\nhost = a\n#host=b\n  #no space after the hash\nport = 1\n#";
    expect_eq!(
        parse(text),
        Ok(config("a", 1, 4, false)),
        "every line that starts with `#` is a comment, even `#port = 80` with no space after `#`"
    );
}

#[test]
fn whitespace_around_keys_and_values_is_trimmed() {
    let text = "   host   =   example.org   \nport=443\n\tworkers\t=\t3\t\nverbose= true";
    expect_eq!(
        parse(text),
        Ok(config("example.org", 443, 3, true)),
        "keys and values are trimmed; spaces around `=` are optional"
    );
}

#[test]
fn host_keeps_inner_spaces() {
    expect_eq!(
        parse("host = my  server\nport = 1"),
        Ok(config("my  server", 1, 4, false)),
        "only surrounding whitespace is trimmed, not whitespace inside the value"
    );
}

#[test]
fn value_may_contain_equals_signs() {
    expect_eq!(
        parse("host = a=b=c\nport = 1"),
        Ok(config("a=b=c", 1, 4, false)),
        "the line splits at its first `=`; the rest belongs to the value"
    );
}

#[test]
fn hash_inside_a_line_is_not_a_comment() {
    expect_eq!(
        parse("host = db#1\nport = 1"),
        Ok(config("db#1", 1, 4, false)),
        "only lines that start with `#` are comments"
    );
}

#[test]
fn windows_line_endings_are_accepted() {
    expect_eq!(
        parse("host = a\r\nport = 2\r\nverbose = true\r\n"),
        Ok(config("a", 2, 4, true)),
        "`\\r\\n` line endings work like `\\n`"
    );
}

#[test]
fn empty_input_is_missing_host() {
    expect_eq!(
        parse(""),
        Err(missing("host")),
        "an empty text sets no keys; host is checked first"
    );
    expect_eq!(
        parse("\n# nothing\n\n"),
        Err(missing("host")),
        "only blank and comment lines: host is missing"
    );
}

#[test]
fn host_is_reported_missing_before_port() {
    expect_eq!(
        parse("workers = 2"),
        Err(missing("host")),
        "with both host and port missing, host is reported"
    );
}

#[test]
fn missing_port_is_reported() {
    expect_eq!(
        parse("host = a\nverbose = true"),
        Err(missing("port")),
        "no port line"
    );
}

#[test]
fn line_without_equals_is_missing_equals() {
    expect_eq!(
        parse("host = a\nport 8080\n"),
        Err(ConfigError::MissingEquals { line: 2 }),
        "`port 8080` on line 2 has no `=`"
    );
}

#[test]
fn missing_equals_is_checked_before_the_key() {
    expect_eq!(
        parse("colour"),
        Err(ConfigError::MissingEquals { line: 1 }),
        "a line without `=` is MissingEquals even if the word is not a key"
    );
}

#[test]
fn line_numbers_count_blank_and_comment_lines() {
    let text = "# config\n\nhost = a\n\n# the port:\nport = high\n";
    expect_eq!(
        parse(text),
        Err(invalid(6, "port", "high")),
        "the bad port is on line 6 (blank and comment lines count)"
    );
    expect_eq!(
        parse("\n\n\nnonsense"),
        Err(ConfigError::MissingEquals { line: 4 }),
        "three blank lines, then the bad line 4"
    );
}

#[test]
fn first_line_is_line_one() {
    expect_eq!(
        parse("port = 0"),
        Err(invalid(1, "port", "0")),
        "lines are numbered from 1"
    );
}

#[test]
fn unknown_key_is_reported_with_its_line() {
    expect_eq!(
        parse("host = a\ncolour = blue\nport = 1"),
        Err(unknown(2, "colour")),
        "`colour` is not a key"
    );
}

#[test]
fn keys_are_case_sensitive() {
    expect_eq!(
        parse("Host = a"),
        Err(unknown(1, "Host")),
        "`Host` is not `host`"
    );
    expect_eq!(
        parse("host = a\nPORT = 1"),
        Err(unknown(2, "PORT")),
        "`PORT` is not `port`"
    );
}

#[test]
fn empty_key_is_unknown() {
    expect_eq!(
        parse("= 5"),
        Err(unknown(1, "")),
        "a line with nothing before `=` has the unknown key \"\""
    );
}

#[test]
fn unknown_key_is_reported_trimmed() {
    expect_eq!(
        parse("  timeout  = 5"),
        Err(unknown(1, "timeout")),
        "the key in the error is trimmed"
    );
}

#[test]
fn duplicate_key_reports_the_repeat() {
    expect_eq!(
        parse("host = a\nport = 1\n\nhost = b"),
        Err(duplicate(4, "host")),
        "host is set again on line 4"
    );
    expect_eq!(
        parse("host = a\nport = 1\nverbose = true\nverbose = true"),
        Err(duplicate(4, "verbose")),
        "a repeat is a duplicate even with the same value"
    );
}

#[test]
fn duplicate_is_checked_before_the_value() {
    expect_eq!(
        parse("host = a\nport = 1\nport = oops"),
        Err(duplicate(3, "port")),
        "line 3 repeats `port`: DuplicateKey comes before checking the value"
    );
}

#[test]
fn empty_host_is_invalid() {
    expect_eq!(
        parse("host =\nport = 1"),
        Err(invalid(1, "host", "")),
        "`host =` has an empty value"
    );
    expect_eq!(
        parse("host =    "),
        Err(invalid(1, "host", "")),
        "a value of only spaces is empty after trimming"
    );
}

#[test]
fn port_must_be_a_number_from_1_to_65535() {
    for bad in [
        "http",
        "0",
        "65536",
        "-1",
        "80.0",
        "8 080",
        "99999999999999999999",
    ] {
        expect_eq!(
            parse(&format!("host = a\nport = {bad}")),
            Err(invalid(2, "port", bad)),
            "port = {bad} is not an integer from 1 to 65535"
        );
    }
}

#[test]
fn empty_port_is_invalid() {
    expect_eq!(
        parse("host = a\nport ="),
        Err(invalid(2, "port", "")),
        "`port =` has no number"
    );
}

#[test]
fn port_boundaries_are_accepted() {
    expect_eq!(
        parse("host = a\nport = 1"),
        Ok(config("a", 1, 4, false)),
        "port 1 is the smallest valid port"
    );
    expect_eq!(
        parse("host = a\nport = 65535"),
        Ok(config("a", 65535, 4, false)),
        "port 65535 is the largest valid port"
    );
}

#[test]
fn numbers_are_read_as_str_parse_reads_them() {
    expect_eq!(
        parse("host = a\nport = +8080\nworkers = +7"),
        Ok(config("a", 8080, 7, false)),
        "`str::parse` accepts a leading `+`: port = +8080 is 8080 and workers = +7 is 7"
    );
    expect_eq!(
        parse("host = a\nport = 0080\nworkers = 007"),
        Ok(config("a", 80, 7, false)),
        "`str::parse` accepts leading zeros: port = 0080 is 80 and workers = 007 is 7"
    );
    expect_eq!(
        parse("host = a\nport = 000"),
        Err(invalid(2, "port", "000")),
        "port = 000 is 0, which is not a valid port"
    );
}

#[test]
fn workers_must_be_a_positive_u32() {
    for bad in ["0", "-3", "many", "4294967296", "2.5"] {
        expect_eq!(
            parse(&format!("host = a\nport = 1\nworkers = {bad}")),
            Err(invalid(3, "workers", bad)),
            "workers = {bad} is not an integer from 1 to 4294967295"
        );
    }
}

#[test]
fn workers_boundaries_are_accepted() {
    expect_eq!(
        parse("host = a\nport = 1\nworkers = 1"),
        Ok(config("a", 1, 1, false)),
        "workers = 1 is valid"
    );
    expect_eq!(
        parse("host = a\nport = 1\nworkers = 4294967295"),
        Ok(config("a", 1, u32::MAX, false)),
        "workers = 4294967295 (u32::MAX) is valid"
    );
}

#[test]
fn verbose_accepts_only_true_and_false() {
    expect_eq!(
        parse("host = a\nport = 1\nverbose = false"),
        Ok(config("a", 1, 4, false)),
        "verbose = false"
    );
    for bad in ["yes", "TRUE", "True", "1", "on", ""] {
        expect_eq!(
            parse(&format!("host = a\nport = 1\nverbose = {bad}")),
            Err(invalid(3, "verbose", bad)),
            "verbose = {bad} is neither `true` nor `false`"
        );
    }
}

#[test]
fn the_first_bad_line_wins() {
    expect_eq!(
        parse("host = a\nport = x\ncolour = red\nport"),
        Err(invalid(2, "port", "x")),
        "line 2 is the first bad line; lines 3 and 4 are not looked at"
    );
    expect_eq!(
        parse("host = a\ncolour = red\nport = x"),
        Err(unknown(2, "colour")),
        "the unknown key on line 2 comes before the bad port on line 3"
    );
}

#[test]
fn errors_are_reported_in_line_order_whatever_the_key() {
    expect_eq!(
        parse("workers = none\nhost = a\nport = 1"),
        Err(invalid(1, "workers", "none")),
        "a bad `workers` on line 1 is the first error"
    );
    expect_eq!(
        parse("verbose = maybe\nport = 0\nhost = a"),
        Err(invalid(1, "verbose", "maybe")),
        "the bad `verbose` on line 1 comes before the bad `port` on line 2"
    );
}

#[test]
fn line_errors_come_before_missing_keys() {
    expect_eq!(
        parse("port = x"),
        Err(invalid(1, "port", "x")),
        "the bad port line is reported, not the missing host"
    );
    expect_eq!(
        parse("verbose = true\nnot a setting"),
        Err(ConfigError::MissingEquals { line: 2 }),
        "line 2 has no `=`; missing keys are only checked when every line is fine"
    );
}

#[test]
fn never_panics_on_garbage() {
    let inputs = [
        "=",
        "==",
        "= =",
        "host",
        "port = 99999999999999999999999999",
        "workers = -99999999999999999999",
        "\u{feff}host = a",
        "host = a\nport = 1\nport",
        "host = ü\nport = ١٢",
        "\0 = \0",
        "#\n#\n=\n",
    ];
    for text in inputs {
        expect!(
            parse(text).is_err(),
            "{text:?} is not a valid configuration: expected an Err"
        );
    }
}

#[test]
fn line_method_gives_the_line_of_line_errors() {
    expect_eq!(
        ConfigError::MissingEquals { line: 7 }.line(),
        Some(7),
        "MissingEquals on line 7"
    );
    expect_eq!(unknown(2, "x").line(), Some(2), "UnknownKey on line 2");
    expect_eq!(
        duplicate(5, "host").line(),
        Some(5),
        "DuplicateKey on line 5"
    );
    expect_eq!(
        invalid(9, "port", "x").line(),
        Some(9),
        "InvalidValue on line 9"
    );
    expect_eq!(
        missing("host").line(),
        None,
        "MissingKey is about the whole text: no line"
    );
}

#[test]
fn line_method_agrees_with_parse_errors() {
    let err = parse("\n\nhost = a\nport = -").unwrap_err();
    expect_eq!(
        err.line(),
        Some(4),
        "the error for the bad port on line 4 reports line 4"
    );
}

#[test]
fn display_missing_equals() {
    expect_eq!(
        ConfigError::MissingEquals { line: 3 }.to_string(),
        "line 3: expected `key = value`",
        "Display for MissingEquals"
    );
}

#[test]
fn display_unknown_key() {
    expect_eq!(
        unknown(12, "colour").to_string(),
        "line 12: unknown key `colour`",
        "Display for UnknownKey"
    );
}

#[test]
fn display_duplicate_key() {
    expect_eq!(
        duplicate(3, "port").to_string(),
        "line 3: duplicate key `port`",
        "Display for DuplicateKey"
    );
}

#[test]
fn display_invalid_value() {
    expect_eq!(
        invalid(3, "port", "http").to_string(),
        "line 3: invalid value `http` for `port`",
        "Display for InvalidValue"
    );
    expect_eq!(
        invalid(1, "host", "").to_string(),
        "line 1: invalid value `` for `host`",
        "Display for InvalidValue with an empty value"
    );
}

#[test]
fn display_missing_key() {
    expect_eq!(
        missing("host").to_string(),
        "missing required key `host`",
        "Display for MissingKey"
    );
}

fn load(text: &str) -> Result<Config, Box<dyn std::error::Error>> {
    let config = parse_config(text)?;
    Ok(config)
}

#[test]
fn errors_convert_with_question_mark() {
    let err = load("host = a\nport = 1\nport = 2").unwrap_err();
    expect_eq!(
        err.to_string(),
        "line 3: duplicate key `port`",
        "`?` turns a ConfigError into Box<dyn Error> that displays the same message"
    );
    expect!(
        err.downcast_ref::<ConfigError>() == Some(&duplicate(3, "port")),
        "the boxed error is the original ConfigError"
    );
    expect_eq!(
        load("host = a\nport = 1").ok(),
        Some(config("a", 1, 4, false)),
        "a valid text loads"
    );
}
