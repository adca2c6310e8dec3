use is_palindrome::is_palindrome;
use kata_assert::expect_eq;

#[test]
fn empty_string_is_a_palindrome() {
    expect_eq!(
        is_palindrome(""),
        true,
        "\"\" has no alphanumeric characters, so it is a palindrome"
    );
}

#[test]
fn no_alphanumeric_characters_is_a_palindrome() {
    for s in ["!!, .", " ", "_-_", "🙂🙃", "\u{301}", "\t\n"] {
        expect_eq!(
            is_palindrome(s),
            true,
            "{:?} has no alphanumeric characters, so it is a palindrome",
            s
        );
    }
}

#[test]
fn single_kept_character_is_a_palindrome() {
    for s in ["a", "Z", "7", "é", "Ж", "日", "İ", "-x-", "  Ω! "] {
        expect_eq!(
            is_palindrome(s),
            true,
            "{:?} has one alphanumeric character, which matches itself",
            s
        );
    }
}

#[test]
fn classic_sentence_is_a_palindrome() {
    expect_eq!(
        is_palindrome("A man, a plan, a canal: Panama"),
        true,
        "\"A man, a plan, a canal: Panama\" reads amanaplanacanalpanama both ways"
    );
}

#[test]
fn classic_non_palindrome() {
    expect_eq!(
        is_palindrome("race a car"),
        false,
        "\"race a car\" keeps raceacar, which is not raceacar reversed (racaecar)"
    );
    expect_eq!(is_palindrome("ab"), false, "\"ab\": a does not match b");
}

#[test]
fn ascii_case_is_ignored() {
    expect_eq!(
        is_palindrome("Aa"),
        true,
        "\"Aa\": A and a match ignoring case"
    );
    expect_eq!(
        is_palindrome("AbBA"),
        true,
        "\"AbBA\" is a palindrome ignoring case"
    );
    expect_eq!(is_palindrome("Ab"), false, "\"Ab\": A and b differ");
}

#[test]
fn digits_are_kept_and_compared() {
    expect_eq!(is_palindrome("12321"), true, "\"12321\" is a palindrome");
    expect_eq!(is_palindrome("1a1"), true, "\"1a1\" is a palindrome");
    expect_eq!(
        is_palindrome("10"),
        false,
        "\"10\": digits are kept, and 1 is not 0"
    );
    expect_eq!(is_palindrome("0P"), false, "\"0P\": 0 and P differ");
}

#[test]
fn punctuation_spaces_and_underscores_are_ignored() {
    expect_eq!(
        is_palindrome("a b,b-a"),
        true,
        "\"a b,b-a\": spaces and punctuation are skipped, leaving abba"
    );
    expect_eq!(
        is_palindrome("ab_a"),
        true,
        "\"ab_a\": the underscore is not alphanumeric, so it is skipped, leaving aba"
    );
    expect_eq!(
        is_palindrome("x🙂y🙂x"),
        true,
        "\"x🙂y🙂x\": the emoji are skipped, leaving xyx"
    );
}

#[test]
fn every_kind_of_whitespace_is_ignored() {
    expect_eq!(
        is_palindrome("a\tb\u{A0}\u{3000}b\na"),
        true,
        "tab, no-break space (U+00A0), ideographic space (U+3000) and newline are all skipped"
    );
}

#[test]
fn non_ascii_letters_match_ignoring_case() {
    expect_eq!(
        is_palindrome("Été"),
        true,
        "\"Été\": É and é match ignoring case"
    );
    expect_eq!(
        is_palindrome("Жж"),
        true,
        "\"Жж\": Ж and ж match ignoring case"
    );
    expect_eq!(
        is_palindrome("Ωω"),
        true,
        "\"Ωω\": Ω and ω match ignoring case"
    );
    expect_eq!(is_palindrome("Éa"), false, "\"Éa\": É and a differ");
}

#[test]
fn russian_sentence_is_a_palindrome() {
    expect_eq!(
        is_palindrome("А роза упала на лапу Азора"),
        true,
        "\"А роза упала на лапу Азора\" reads арозаупаланалапуазора both ways, ignoring case"
    );
}

#[test]
fn characters_not_bytes_are_compared() {
    expect_eq!(
        is_palindrome("été"),
        true,
        "\"été\" is é, t, é: a palindrome (its UTF-8 bytes reversed are not, but bytes are not characters)"
    );
    expect_eq!(is_palindrome("日本日"), true, "\"日本日\" is a palindrome");
    expect_eq!(is_palindrome("ab日"), false, "\"ab日\": a and 日 differ");
}

#[test]
fn non_ascii_letters_count() {
    expect_eq!(
        is_palindrome("éa b a"),
        false,
        "\"éa b a\": é is a letter, so it is kept and compared with the last a"
    );
    expect_eq!(
        is_palindrome("日aba"),
        false,
        "\"日aba\": 日 is a letter, so it is kept and compared with the last a"
    );
}

#[test]
fn numeric_characters_beyond_ascii_digits_count() {
    expect_eq!(
        is_palindrome("٣a٣"),
        true,
        "\"٣a٣\": the Arabic-Indic digit ٣ is alphanumeric and matches itself"
    );
    expect_eq!(
        is_palindrome("٣a٤"),
        false,
        "\"٣a٤\": ٣ and ٤ are kept, and they differ"
    );
    expect_eq!(
        is_palindrome("1²"),
        false,
        "\"1²\": the superscript ² is alphanumeric, and it differs from 1"
    );
    expect_eq!(is_palindrome("½x½"), true, "\"½x½\": ½ is alphanumeric");
}

#[test]
fn combining_marks_are_skipped_without_normalization() {
    expect_eq!(
        is_palindrome("e\u{301}xe"),
        true,
        "\"e\\u{{301}}xe\": the combining accent U+0301 is not alphanumeric, leaving e, x, e"
    );
    expect_eq!(
        is_palindrome("e\u{301}xé"),
        false,
        "\"e\\u{{301}}xé\": leaves e, x, é, and e is not the precomposed é (no normalization)"
    );
}

#[test]
fn dotted_capital_i_lowercases_to_two_characters() {
    expect_eq!(
        is_palindrome("İİ"),
        true,
        "\"İİ\": both lowercase to \"i\\u{{307}}\", so they match"
    );
    expect_eq!(is_palindrome("İxİ"), true, "\"İxİ\" is a palindrome");
    expect_eq!(
        is_palindrome("İi"),
        false,
        "\"İi\": 'İ' lowercases to \"i\\u{{307}}\" and 'i' to \"i\", so they do not match"
    );
    expect_eq!(
        is_palindrome("İI"),
        false,
        "\"İI\": 'İ' lowercases to \"i\\u{{307}}\" and 'I' to \"i\", so they do not match"
    );
}

#[test]
fn each_character_is_lowercased_on_its_own() {
    expect_eq!(
        is_palindrome("ΣΑΣ"),
        true,
        "\"ΣΑΣ\": each Σ lowercases to σ on its own (a whole-string to_lowercase would make the last one ς)"
    );
}

#[test]
fn special_case_mappings_follow_char_to_lowercase() {
    expect_eq!(
        is_palindrome("\u{212A}k"),
        true,
        "the Kelvin sign U+212A lowercases to k, so \"\\u{{212A}}k\" is a palindrome"
    );
    expect_eq!(
        is_palindrome("ẞß"),
        true,
        "the capital sharp s ẞ lowercases to ß, so \"ẞß\" is a palindrome"
    );
    expect_eq!(
        is_palindrome("ßss"),
        false,
        "\"ßss\": ß lowercases to ß, which is not s"
    );
}

#[test]
fn a_difference_in_the_middle_is_found() {
    expect_eq!(
        is_palindrome("abcxdcba"),
        false,
        "\"abcxdcba\": x and d in the middle differ"
    );
    expect_eq!(
        is_palindrome("abc, dcba!"),
        true,
        "\"abc, dcba!\" keeps abcdcba"
    );
}

fn long_text(middle: &str) -> String {
    // 500,000 characters each side: letters in both cases, non-ASCII letters, spaces, punctuation.
    let unit = "Ab, é Ж 9!";
    let half = unit.repeat(50_000);
    let mirrored: String = half
        .chars()
        .rev()
        .map(|c| match c {
            'A' => 'a',
            'é' => 'É',
            'Ж' => 'ж',
            other => other,
        })
        .collect();
    format!("{half}{middle}{mirrored}")
}

#[test]
fn long_palindrome() {
    let s = long_text("İ");
    expect_eq!(
        is_palindrome(&s),
        true,
        "a 1,000,001-character mirrored text (cases swapped on one side) is a palindrome"
    );
}

#[test]
fn long_non_palindrome_differing_in_the_middle() {
    let s = long_text("xy");
    expect_eq!(
        is_palindrome(&s),
        false,
        "a 1,000,002-character mirrored text with x, y in the middle is not a palindrome"
    );
}
