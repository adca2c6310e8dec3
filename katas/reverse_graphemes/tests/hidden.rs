use kata_assert::{expect, expect_eq};
use reverse_graphemes::reverse_string;

#[test]
fn empty_string_reverses_to_empty() {
    expect_eq!(
        reverse_string(""),
        "",
        "the empty string reverses to the empty string"
    );
}

#[test]
fn single_character_is_unchanged() {
    expect_eq!(reverse_string("x"), "x", "\"x\" reverses to itself");
}

#[test]
fn ascii_text_is_reversed() {
    expect_eq!(
        reverse_string("hello"),
        "olleh",
        "\"hello\" reverses to \"olleh\""
    );
    expect_eq!(
        reverse_string("ab c!"),
        "!c ba",
        "spaces and punctuation are clusters too"
    );
}

#[test]
fn multi_byte_characters_stay_whole() {
    expect_eq!(
        reverse_string("añb"),
        "bña",
        "the precomposed ñ (two bytes in UTF-8) is one cluster"
    );
    expect_eq!(
        reverse_string("日本語"),
        "語本日",
        "each CJK character is one cluster"
    );
}

#[test]
fn combining_accent_stays_on_its_letter() {
    expect_eq!(
        reverse_string("cafe\u{301}!"),
        "!e\u{301}fac",
        "e + U+0301 is one cluster: the accent stays after its e"
    );
}

#[test]
fn several_combining_marks_stay_in_order() {
    expect_eq!(
        reverse_string("ae\u{323}\u{302}b"),
        "be\u{323}\u{302}a",
        "e + U+0323 + U+0302 is one cluster, its marks in their original order"
    );
}

#[test]
fn combining_mark_at_the_start_is_its_own_cluster() {
    expect_eq!(
        reverse_string("\u{301}a"),
        "a\u{301}",
        "a leading U+0301 has no base letter, so it is a cluster by itself"
    );
}

#[test]
fn flags_keep_their_two_letters_in_order() {
    expect_eq!(
        reverse_string("🇫🇷🇩🇪"),
        "🇩🇪🇫🇷",
        "each flag is a pair of regional indicators: 🇫🇷🇩🇪 reverses to 🇩🇪🇫🇷"
    );
    expect_eq!(
        reverse_string("a🇯🇵b"),
        "b🇯🇵a",
        "the flag 🇯🇵 stays one cluster between the letters"
    );
}

#[test]
fn odd_regional_indicator_is_its_own_cluster() {
    expect_eq!(
        reverse_string("🇫🇷🇩🇪🇫"),
        "🇫🇩🇪🇫🇷",
        "🇫🇷🇩🇪🇫 is the clusters 🇫🇷, 🇩🇪, 🇫 (pairs from the left)"
    );
}

#[test]
fn zwj_emoji_sequence_stays_whole() {
    expect_eq!(
        reverse_string("a👨\u{200D}👩\u{200D}👧b"),
        "b👨\u{200D}👩\u{200D}👧a",
        "the family emoji (man ZWJ woman ZWJ girl) is one cluster"
    );
    expect_eq!(
        reverse_string("🏳\u{FE0F}\u{200D}🌈x"),
        "x🏳\u{FE0F}\u{200D}🌈",
        "the rainbow flag (white flag, VS16, ZWJ, rainbow) is one cluster"
    );
}

#[test]
fn skin_tone_modifier_stays_with_its_emoji() {
    expect_eq!(
        reverse_string("👍🏽!"),
        "!👍🏽",
        "thumbs up + skin-tone modifier is one cluster"
    );
}

#[test]
fn keycap_sequence_stays_whole() {
    expect_eq!(
        reverse_string("1\u{FE0F}\u{20E3}z"),
        "z1\u{FE0F}\u{20E3}",
        "1 + VS16 + combining enclosing keycap is one cluster"
    );
}

#[test]
fn crlf_is_one_cluster() {
    expect_eq!(
        reverse_string("a\r\nb"),
        "b\r\na",
        "\"\\r\\n\" is a single cluster and stays \"\\r\\n\""
    );
    expect_eq!(
        reverse_string("a\n\rb"),
        "b\r\na",
        "\"\\n\\r\" is two clusters, so they swap"
    );
}

#[test]
fn hangul_jamo_syllable_stays_whole() {
    expect_eq!(
        reverse_string("\u{1100}\u{1161}\u{11A8}x"),
        "x\u{1100}\u{1161}\u{11A8}",
        "the conjoining jamo U+1100 U+1161 U+11A8 form one syllable cluster"
    );
}

#[test]
fn spacing_mark_stays_with_its_consonant_in_extended_clusters() {
    expect_eq!(
        reverse_string("aकि"),
        "किa",
        "क + the vowel sign ि (U+093F) is one extended cluster (legacy clusters would split it)"
    );
}

#[test]
fn prepended_character_stays_with_what_follows_in_extended_clusters() {
    expect_eq!(
        reverse_string("x\u{600}1"),
        "\u{600}1x",
        "the Arabic number sign U+0600 prepends to the digit after it in an extended cluster"
    );
}

#[test]
fn mixed_text_reverses_cluster_by_cluster() {
    let s = "Noe\u{308}l 🇫🇷 👩\u{200D}💻 👋🏿 a\r\n";
    let expected = "\r\na 👋🏿 👩\u{200D}💻 🇫🇷 le\u{308}oN";
    expect_eq!(
        reverse_string(s),
        expected,
        "every cluster (ë, flag, ZWJ emoji, skin tone, CRLF) is kept whole and the order reversed"
    );
    expect_eq!(
        reverse_string(expected),
        s,
        "reversing this text twice gives it back"
    );
}

#[test]
fn long_text_is_reversed() {
    let unit = "ab🇫🇷e\u{301}";
    let s = unit.repeat(20_000);
    let expected = "e\u{301}🇫🇷ba".repeat(20_000);
    let got = reverse_string(&s);
    expect_eq!(
        got.len(),
        s.len(),
        "the reversal keeps every byte of the input"
    );
    expect!(
        got == expected,
        "\"ab🇫🇷e\\u{{301}}\" repeated 20,000 times reverses to \"e\\u{{301}}🇫🇷ba\" repeated 20,000 times"
    );
}
