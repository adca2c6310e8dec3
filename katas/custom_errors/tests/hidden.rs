use custom_errors::{read_port, report, AppError};
use kata_assert::{expect, expect_eq};
use std::error::Error;
use std::fmt;
use std::io::{self, ErrorKind, Read};
use std::num::{IntErrorKind, ParseIntError};

/// A reader whose every read fails with the given error.
struct FailingReader(ErrorKind, &'static str);

impl Read for FailingReader {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, self.1))
    }
}

/// Hands its bytes over a few at a time, the way a pipe or a socket does, then fails with
/// `error` if one is given (else reports the end of the input).
struct Trickle {
    bytes: &'static [u8],
    step: usize,
    error: Option<(ErrorKind, &'static str)>,
}

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.bytes.is_empty() {
            return match self.error {
                Some((kind, message)) => Err(io::Error::new(kind, message)),
                None => Ok(0),
            };
        }
        let n = self.step.min(self.bytes.len()).min(buf.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn trickle(bytes: &'static [u8], step: usize) -> Trickle {
    Trickle {
        bytes,
        step,
        error: None,
    }
}

fn parse_error_of(text: &str) -> ParseIntError {
    text.parse::<u16>().unwrap_err()
}

fn port_of(text: &str) -> Result<u16, AppError> {
    read_port(text.as_bytes())
}

fn expect_parse_error(text: &str, kind: IntErrorKind) {
    match port_of(text) {
        Err(AppError::Parse(err)) => expect_eq!(
            err,
            parse_error_of(text.trim()),
            "input {text:?}: the Parse variant holds the ParseIntError that str::parse::<u16> gives"
        ),
        other => expect!(
            false,
            "input {text:?} is not a number in 0..=65535 ({kind:?}): expected Err(AppError::Parse(_)), got {other:?}"
        ),
    }
}

/// An error type defined by the test, to build source chains of any depth.
#[derive(Debug)]
struct Layer {
    message: &'static str,
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl Error for Layer {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

fn layer(message: &'static str, source: Option<Box<dyn Error + Send + Sync + 'static>>) -> Layer {
    Layer { message, source }
}

#[test]
fn reads_a_valid_port() {
    expect_eq!(port_of("8080").ok(), Some(8080), "\"8080\" is port 8080");
}

#[test]
fn surrounding_whitespace_is_ignored() {
    expect_eq!(
        port_of("  8080\n").ok(),
        Some(8080),
        "leading and trailing whitespace around the number is ignored"
    );
    expect_eq!(
        port_of("\t443 ").ok(),
        None,
        "443 is privileged, whitespace or not"
    );
}

#[test]
fn port_1024_and_above_are_accepted() {
    expect_eq!(
        port_of("1024").ok(),
        Some(1024),
        "1024 is the lowest unprivileged port"
    );
    expect_eq!(
        port_of("65535").ok(),
        Some(65535),
        "65535 is the highest port"
    );
}

#[test]
fn ports_below_1024_are_privileged() {
    for (text, port) in [("1023", 1023), ("80", 80), ("1", 1), ("0", 0)] {
        match port_of(text) {
            Err(AppError::Privileged(p)) => expect_eq!(p, port, "Privileged holds the port that was read"),
            other => expect!(
                false,
                "port {port} is below 1024: expected Err(AppError::Privileged({port})), got {other:?}"
            ),
        }
    }
}

#[test]
fn text_that_is_not_a_number_is_a_parse_error() {
    expect_parse_error("http", IntErrorKind::InvalidDigit);
    expect_parse_error("80a", IntErrorKind::InvalidDigit);
    expect_parse_error("-1", IntErrorKind::InvalidDigit);
}

#[test]
fn empty_input_is_a_parse_error() {
    expect_parse_error("", IntErrorKind::Empty);
    expect_parse_error(" \n\t", IntErrorKind::Empty);
}

#[test]
fn numbers_above_65535_are_a_parse_error() {
    expect_parse_error("65536", IntErrorKind::PosOverflow);
    expect_parse_error("99999999999", IntErrorKind::PosOverflow);
}

#[test]
fn the_whole_input_is_one_number() {
    expect_parse_error("8080\n9090", IntErrorKind::InvalidDigit);
    expect_parse_error("80 80", IntErrorKind::InvalidDigit);
}

#[test]
fn a_failed_read_is_an_io_error_holding_the_original_error() {
    match read_port(FailingReader(ErrorKind::PermissionDenied, "access denied")) {
        Err(AppError::Io(err)) => {
            expect_eq!(
                err.kind(),
                ErrorKind::PermissionDenied,
                "the Io variant keeps the reader's error kind"
            );
            expect_eq!(
                err.to_string(),
                "access denied",
                "the Io variant keeps the reader's error message"
            );
        }
        other => expect!(
            false,
            "the reader fails: expected Err(AppError::Io(_)), got {other:?}"
        ),
    }
}

#[test]
fn the_whole_input_is_read_even_when_it_comes_in_pieces() {
    expect_eq!(
        read_port(trickle(b"  8080\n", 1)).ok(),
        Some(8080),
        "a reader that gives one byte per read: read_port reads until the end of the input"
    );
    expect_eq!(
        read_port(trickle(b"8080", 2)).ok(),
        Some(8080),
        "\"80\" then \"80\": the number is 8080, not the privileged 80 of the first piece"
    );
    expect!(
        matches!(
            read_port(trickle(b"65536", 3)),
            Err(AppError::Parse(ref e)) if *e.kind() == IntErrorKind::PosOverflow
        ),
        "\"655\" then \"36\": the text is 65536, too large for a port"
    );
    expect!(
        matches!(
            read_port(trickle("é8080".as_bytes(), 1)),
            Err(AppError::Parse(ref e)) if *e.kind() == IntErrorKind::InvalidDigit
        ),
        "a two-byte character split across reads is still valid UTF-8 (and not a digit)"
    );
}

#[test]
fn a_read_error_after_some_text_is_an_io_error() {
    let reader = Trickle {
        bytes: b"8080",
        step: 4,
        error: Some((ErrorKind::ConnectionReset, "peer went away")),
    };
    match read_port(reader) {
        Err(AppError::Io(e)) => {
            expect_eq!(
                e.kind(),
                ErrorKind::ConnectionReset,
                "the reader's error comes back unchanged"
            );
        }
        other => expect!(
            false,
            "\"8080\" then a read error: the input could not be read whole, so it is Io, got {:?}",
            other
        ),
    }
}

#[test]
fn invalid_utf8_is_an_io_error_of_kind_invalid_data() {
    match read_port(&[b'8', 0xff, b'0'][..]) {
        Err(AppError::Io(err)) => expect_eq!(
            err.kind(),
            ErrorKind::InvalidData,
            "input that is not UTF-8 is an I/O error of kind InvalidData (as read_to_string reports it)"
        ),
        other => expect!(false, "the input is not valid UTF-8: expected Err(AppError::Io(_)), got {other:?}"),
    }
}

#[test]
fn display_of_io() {
    let err = AppError::Io(io::Error::new(ErrorKind::NotFound, "no such file"));
    expect_eq!(
        err.to_string(),
        "failed to read the port",
        "Io displays as \"failed to read the port\" (the cause comes from source(), not the message)"
    );
}

#[test]
fn display_of_parse() {
    let err = AppError::Parse(parse_error_of("x"));
    expect_eq!(
        err.to_string(),
        "invalid port number",
        "Parse displays as \"invalid port number\" (the cause comes from source(), not the message)"
    );
}

#[test]
fn display_of_privileged() {
    expect_eq!(
        AppError::Privileged(80).to_string(),
        "port 80 is privileged (below 1024)",
        "Privileged(80) displays as \"port 80 is privileged (below 1024)\""
    );
    expect_eq!(
        AppError::Privileged(0).to_string(),
        "port 0 is privileged (below 1024)",
        "Privileged(0) displays as \"port 0 is privileged (below 1024)\""
    );
}

#[test]
fn source_of_io_is_the_io_error() {
    let err = AppError::Io(io::Error::new(ErrorKind::TimedOut, "too slow"));
    match err.source().and_then(|s| s.downcast_ref::<io::Error>()) {
        Some(inner) => {
            expect_eq!(
                inner.kind(),
                ErrorKind::TimedOut,
                "source() is the wrapped io::Error itself"
            );
            expect_eq!(
                inner.to_string(),
                "too slow",
                "source() is the wrapped io::Error itself"
            );
        }
        None => expect!(false, "source() of Io must be Some(the wrapped io::Error)"),
    }
}

#[test]
fn source_of_parse_is_the_parse_int_error() {
    let err = AppError::Parse(parse_error_of("65536"));
    match err.source().and_then(|s| s.downcast_ref::<ParseIntError>()) {
        Some(inner) => expect_eq!(
            inner.kind(),
            &IntErrorKind::PosOverflow,
            "source() is the wrapped ParseIntError itself"
        ),
        None => expect!(
            false,
            "source() of Parse must be Some(the wrapped ParseIntError)"
        ),
    }
}

#[test]
fn privileged_has_no_source() {
    expect!(
        AppError::Privileged(22).source().is_none(),
        "Privileged is not caused by another error: source() is None"
    );
}

#[test]
fn errors_from_read_port_carry_their_source() {
    let err = port_of("http").expect_err("\"http\" is not a port");
    expect!(
        err.source()
            .and_then(|s| s.downcast_ref::<ParseIntError>())
            .is_some(),
        "the error read_port returns for \"http\" has the ParseIntError as its source()"
    );
    let err =
        read_port(FailingReader(ErrorKind::BrokenPipe, "pipe closed")).expect_err("the read fails");
    expect!(
        err.source()
            .and_then(|s| s.downcast_ref::<io::Error>())
            .is_some(),
        "the error read_port returns for a failed read has the io::Error as its source()"
    );
}

#[test]
fn from_io_error_gives_the_io_variant() {
    let err = AppError::from(io::Error::new(ErrorKind::Interrupted, "stop"));
    expect!(
        matches!(err, AppError::Io(_)),
        "From<io::Error> gives AppError::Io, got {err:?}"
    );

    fn with_question_mark() -> Result<(), AppError> {
        Err(io::Error::new(ErrorKind::UnexpectedEof, "eof"))?;
        Ok(())
    }
    match with_question_mark() {
        Err(AppError::Io(e)) => expect_eq!(
            e.kind(),
            ErrorKind::UnexpectedEof,
            "`?` wraps the io::Error unchanged"
        ),
        other => expect!(
            false,
            "`?` on an io::Error gives AppError::Io, got {other:?}"
        ),
    }
}

#[test]
fn from_parse_int_error_gives_the_parse_variant() {
    let err = AppError::from(parse_error_of(""));
    expect!(
        matches!(err, AppError::Parse(_)),
        "From<ParseIntError> gives AppError::Parse, got {err:?}"
    );

    fn with_question_mark() -> Result<u16, AppError> {
        Ok("12x".parse::<u16>()?)
    }
    match with_question_mark() {
        Err(AppError::Parse(e)) => expect_eq!(
            e,
            parse_error_of("12x"),
            "`?` wraps the ParseIntError unchanged"
        ),
        other => expect!(
            false,
            "`?` on a ParseIntError gives AppError::Parse, got {other:?}"
        ),
    }
}

#[test]
fn app_error_fits_in_a_boxed_error() {
    fn assert_thread_safe_error<E: Error + Send + Sync + 'static>() {}
    assert_thread_safe_error::<AppError>();

    fn boxed() -> Result<u16, Box<dyn Error + Send + Sync>> {
        Ok(read_port("22".as_bytes())?)
    }
    let err = boxed().expect_err("port 22 is privileged");
    expect!(
        err.downcast_ref::<AppError>().is_some(),
        "`?` boxes an AppError into Box<dyn Error + Send + Sync>, and it downcasts back"
    );
}

#[test]
fn report_of_an_error_without_source_is_its_message() {
    expect_eq!(
        report(&AppError::Privileged(443)),
        "port 443 is privileged (below 1024)",
        "an error with no source reports just its own message"
    );
    expect_eq!(
        report(&layer("alone", None)),
        "alone",
        "an error with no source reports just its own message"
    );
}

#[test]
fn report_of_parse_error_adds_the_cause() {
    let err = port_of("http").expect_err("\"http\" is not a port");
    expect_eq!(
        report(&err),
        format!("invalid port number: {}", parse_error_of("http")),
        "report joins the message and its source's message with \": \""
    );
}

#[test]
fn report_of_io_error_adds_the_cause() {
    let err = read_port(FailingReader(ErrorKind::PermissionDenied, "access denied"))
        .expect_err("the read fails");
    expect_eq!(
        report(&err),
        "failed to read the port: access denied",
        "report joins the message and its source's message with \": \""
    );
}

#[test]
fn report_walks_the_whole_chain() {
    let chain = layer(
        "top",
        Some(Box::new(layer(
            "middle",
            Some(Box::new(layer(
                "bottom",
                Some(Box::new(layer("root cause", None))),
            ))),
        ))),
    );
    expect_eq!(
        report(&chain),
        "top: middle: bottom: root cause",
        "report follows source() until it is None, joining every message with \": \""
    );
}

#[test]
fn report_walks_through_an_app_error_in_the_middle() {
    let err = port_of("65536").expect_err("65536 is not a port");
    let chain = layer("could not start the server", Some(Box::new(err)));
    expect_eq!(
        report(&chain),
        format!(
            "could not start the server: invalid port number: {}",
            parse_error_of("65536")
        ),
        "an AppError inside a longer chain passes its own source on"
    );
}
