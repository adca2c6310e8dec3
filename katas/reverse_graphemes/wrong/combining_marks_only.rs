//! Hand-rolled half-fix: keeps combining diacritics (and variation selectors) on their base, but splits flags, ZWJ sequences and skin tones.

fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

pub fn reverse_string(s: &str) -> String {
    // Group each base char with the combining marks that follow it, then reverse the groups.
    let mut groups: Vec<String> = Vec::new();
    for c in s.chars() {
        match groups.last_mut() {
            Some(group) if is_combining(c) => group.push(c),
            _ => groups.push(c.to_string()),
        }
    }
    groups.into_iter().rev().collect()
}
