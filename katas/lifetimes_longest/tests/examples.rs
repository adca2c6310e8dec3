//! The task statement's example. The hidden suite checks much more.

use lifetimes_longest::{longest, Excerpt};

#[test]
fn the_task_example() {
    let novel = String::from("Call me Ishmael. Some years ago, never mind how long...");
    let part = {
        let excerpt = Excerpt::first_sentence(&novel);
        assert_eq!(excerpt.longest_word(), "Ishmael");
        excerpt.part() // outlives `excerpt`: it borrows from `novel`
    };
    assert_eq!(part, "Call me Ishmael");
    assert_eq!(longest("Ishmael", "whale"), "Ishmael");
    assert_eq!(longest("sea", "ahab"), "ahab");
    assert_eq!(longest("moby", "dick"), "moby"); // a tie: the first one
}
