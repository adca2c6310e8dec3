use base62_shortener::{decode_base62, encode_base62, Shortener};
use kata_assert::{expect, expect_eq};

// ---------- encode ----------

#[test]
fn zero_encodes_as_a_single_zero() {
    expect_eq!(
        encode_base62(0),
        "0",
        "0 encodes as \"0\", not the empty string"
    );
}

#[test]
fn single_digits_follow_the_alphabet_order() {
    let alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (value, c) in alphabet.chars().enumerate() {
        expect_eq!(
            encode_base62(value as u64),
            c.to_string(),
            "the digit for value {} (alphabet 0-9, then a-z, then A-Z)",
            value
        );
    }
}

#[test]
fn lowercase_comes_before_uppercase() {
    expect_eq!(
        encode_base62(10),
        "a",
        "10 is 'a': lowercase letters come right after the digits"
    );
    expect_eq!(
        encode_base62(36),
        "A",
        "36 is 'A': uppercase letters come after the lowercase"
    );
    expect_eq!(encode_base62(61), "Z", "61 is 'Z', the last digit");
}

#[test]
fn most_significant_digit_comes_first() {
    expect_eq!(encode_base62(62), "10", "62 is one 62 and no units");
    expect_eq!(encode_base62(125), "21", "125 = 2 * 62 + 1");
    expect_eq!(encode_base62(63), "11", "63 = 1 * 62 + 1");
    expect_eq!(encode_base62(3843), "ZZ", "3843 = 61 * 62 + 61");
    expect_eq!(encode_base62(3844), "100", "3844 = 62^2");
    expect_eq!(
        encode_base62(620),
        "a0",
        "620 = 10 * 62 + 0: a zero digit inside the code is kept"
    );
}

#[test]
fn u64_max_encodes_without_overflow() {
    expect_eq!(
        encode_base62(u64::MAX),
        "lYGhA16ahyf",
        "u64::MAX in base 62"
    );
    expect_eq!(encode_base62(1u64 << 63), "aZl8N0y58M8", "2^63 in base 62");
}

#[test]
fn encoded_strings_have_no_leading_zeros() {
    for n in [1u64, 61, 62, 3844, 1 << 40, u64::MAX] {
        let s = encode_base62(n);
        expect!(
            !s.starts_with('0'),
            "encode_base62({}) = {:?} must not start with '0'",
            n,
            s
        );
    }
}

// ---------- decode ----------

#[test]
fn decode_single_digits() {
    expect_eq!(decode_base62("0"), Some(0), "\"0\" is zero");
    expect_eq!(decode_base62("9"), Some(9), "\"9\" is nine");
    expect_eq!(decode_base62("a"), Some(10), "\"a\" is 10");
    expect_eq!(decode_base62("z"), Some(35), "\"z\" is 35");
    expect_eq!(decode_base62("A"), Some(36), "\"A\" is 36");
    expect_eq!(decode_base62("Z"), Some(61), "\"Z\" is 61");
}

#[test]
fn decode_is_case_sensitive() {
    expect_eq!(
        decode_base62("b9"),
        Some(11 * 62 + 9),
        "\"b9\" = 11 * 62 + 9"
    );
    expect_eq!(
        decode_base62("B9"),
        Some(37 * 62 + 9),
        "\"B9\" = 37 * 62 + 9 (uppercase B is 37)"
    );
}

#[test]
fn decode_multi_digit_values() {
    expect_eq!(decode_base62("10"), Some(62), "\"10\" is 62");
    expect_eq!(decode_base62("21"), Some(125), "\"21\" is 125");
    expect_eq!(decode_base62("ZZ"), Some(3843), "\"ZZ\" is 3843");
    expect_eq!(decode_base62("100"), Some(3844), "\"100\" is 3844");
}

#[test]
fn decode_u64_max() {
    expect_eq!(
        decode_base62("lYGhA16ahyf"),
        Some(u64::MAX),
        "\"lYGhA16ahyf\" is u64::MAX"
    );
}

#[test]
fn decode_inverts_encode() {
    let mut n: u64 = 1;
    let mut values = vec![
        0u64,
        1,
        61,
        62,
        63,
        3843,
        3844,
        u64::MAX,
        u64::MAX - 1,
        1 << 63,
    ];
    // A spread of values across the whole range (a fixed-seed xorshift).
    for _ in 0..2000 {
        n ^= n << 13;
        n ^= n >> 7;
        n ^= n << 17;
        values.push(n);
        values.push(n >> (n % 64));
    }
    for v in values {
        let code = encode_base62(v);
        expect_eq!(
            decode_base62(&code),
            Some(v),
            "decode(encode({})) where encode gave {:?}",
            v,
            code
        );
    }
}

#[test]
fn empty_string_is_none() {
    expect_eq!(decode_base62(""), None, "the empty string is not a code");
}

#[test]
fn leading_zeros_are_ignored() {
    expect_eq!(decode_base62("007"), Some(7), "\"007\" is 7");
    expect_eq!(decode_base62("000"), Some(0), "\"000\" is 0");
    expect_eq!(decode_base62("0a"), Some(10), "\"0a\" is 10");
}

#[test]
fn many_leading_zeros_before_u64_max_still_decode() {
    let s = format!("{}lYGhA16ahyf", "0".repeat(30));
    expect_eq!(
        decode_base62(&s),
        Some(u64::MAX),
        "30 leading zeros then u64::MAX: leading zeros are ignored however many there are"
    );
    expect_eq!(
        decode_base62(&"0".repeat(40)),
        Some(0),
        "forty zeros are still 0"
    );
}

#[test]
fn characters_outside_the_alphabet_are_none() {
    for s in [
        " ", "1 ", " 1", "-1", "+1", "a_b", "ab.", "é", "1é", "٣", "Ａ", "\n", "1\0", "🙂",
    ] {
        expect_eq!(
            decode_base62(s),
            None,
            "{:?} contains a character outside 0-9a-zA-Z",
            s
        );
    }
}

#[test]
fn one_above_u64_max_is_none() {
    expect_eq!(
        decode_base62("lYGhA16ahyg"),
        None,
        "\"lYGhA16ahyg\" is u64::MAX + 1: too large"
    );
}

#[test]
fn large_values_are_none_not_a_panic() {
    for s in [
        "zzzzzzzzzzz",
        "ZZZZZZZZZZZ",
        "100000000000",
        "lYGhA16ahz0",
        "mYGhA16ahyf",
    ] {
        expect_eq!(decode_base62(s), None, "{:?} is above u64::MAX", s);
    }
    let long = "Z".repeat(50);
    expect_eq!(
        decode_base62(&long),
        None,
        "fifty Zs are far above u64::MAX"
    );
}

#[test]
fn values_that_wrap_around_are_still_none() {
    // 62^11 is 2^64 * 2.8...; "100000000000" (62^11) modulo 2^64 would look like a valid number.
    expect_eq!(
        decode_base62("100000000000"),
        None,
        "62^11 does not fit in a u64"
    );
    expect_eq!(
        decode_base62("100000000001"),
        None,
        "62^11 + 1 does not fit in a u64"
    );
}

// ---------- shortener ----------

#[test]
fn first_url_gets_code_1() {
    let mut s = Shortener::new();
    expect_eq!(
        s.shorten("https://example.com"),
        "1",
        "the first URL gets id 1, code \"1\""
    );
}

#[test]
fn ids_count_up_from_1() {
    let mut s = Shortener::new();
    let codes: Vec<String> = (0..12)
        .map(|i| s.shorten(&format!("https://e.com/{i}")))
        .collect();
    let expected: Vec<String> = (1..=12u64).map(encode_base62).collect();
    expect_eq!(
        codes,
        expected,
        "new URLs get ids 1, 2, 3, ... encoded in base 62"
    );
}

#[test]
fn the_62nd_url_gets_code_10() {
    let mut s = Shortener::new();
    let mut last = String::new();
    for i in 0..62 {
        last = s.shorten(&format!("https://e.com/{i}"));
    }
    expect_eq!(last, "10", "the 62nd new URL has id 62, code \"10\"");
}

#[test]
fn shorten_is_idempotent_per_url() {
    let mut s = Shortener::new();
    let a = s.shorten("https://a.com");
    let b = s.shorten("https://b.com");
    expect_eq!(
        s.shorten("https://a.com"),
        a,
        "shortening a URL again returns its first code"
    );
    expect_eq!(
        s.shorten("https://b.com"),
        b,
        "shortening a URL again returns its first code"
    );
    expect_eq!(
        s.shorten("https://c.com"),
        "3",
        "repeated URLs use up no id: the third distinct URL gets id 3"
    );
}

#[test]
fn urls_are_compared_exactly() {
    let mut s = Shortener::new();
    let a = s.shorten("a.com");
    let b = s.shorten("a.com/");
    let c = s.shorten("A.com");
    expect!(
        a != b && b != c && a != c,
        "\"a.com\", \"a.com/\" and \"A.com\" are three different URLs"
    );
    let d = s.shorten(" a.com");
    let e = s.shorten("a.com\n");
    expect!(
        d != a && e != a && d != e,
        "\" a.com\" and \"a.com\\n\" are different URLs from \"a.com\" and from each other: whitespace counts"
    );
    expect_eq!(
        s.expand(&d),
        Some(" a.com"),
        "expand gives back the URL exactly as it was given, spaces included"
    );
}

#[test]
fn expand_returns_the_original_url() {
    let mut s = Shortener::new();
    let long = "https://example.com/a/very/long/path?with=query&and#fragment";
    let code = s.shorten(long);
    s.shorten("https://other.com");
    expect_eq!(
        s.expand(&code),
        Some(long),
        "expand gives back the URL the code was issued for"
    );
    expect_eq!(
        s.expand("2"),
        Some("https://other.com"),
        "code \"2\" belongs to the second URL"
    );
}

#[test]
fn expand_of_unissued_code_is_none() {
    let mut s = Shortener::new();
    expect_eq!(s.expand("1"), None, "nothing has been shortened yet");
    s.shorten("https://a.com");
    expect_eq!(s.expand("2"), None, "code \"2\" has not been issued yet");
    expect_eq!(
        s.expand("0"),
        None,
        "ids start at 1, so \"0\" is never issued"
    );
}

#[test]
fn expand_rejects_strings_that_are_not_issued_codes() {
    let mut s = Shortener::new();
    s.shorten("https://a.com");
    for code in [
        "",
        "01",
        "001",
        " 1",
        "1 ",
        "-1",
        "lYGhA16ahyg",
        "zzzzzzzzzzzzzzzz",
        "é",
    ] {
        expect_eq!(
            s.expand(code),
            None,
            "{:?} is not a code shorten returned",
            code
        );
    }
}

#[test]
fn many_urls_round_trip() {
    let mut s = Shortener::new();
    let urls: Vec<String> = (0..5000)
        .map(|i| format!("https://site{}.example/{}", i % 97, i))
        .collect();
    let codes: Vec<String> = urls.iter().map(|u| s.shorten(u)).collect();
    for (u, c) in urls.iter().zip(&codes) {
        expect_eq!(
            s.expand(c),
            Some(u.as_str()),
            "expand({:?}) after shortening 5000 URLs",
            c
        );
    }
    expect_eq!(
        codes[4999],
        encode_base62(5000),
        "the 5000th URL gets id 5000"
    );
}
