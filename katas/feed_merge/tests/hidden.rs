use feed_merge::{feed_page, Post};
use kata_assert::{expect, expect_eq};

fn p(id: u64, timestamp: u64) -> Post {
    Post { id, timestamp }
}

/// The whole feed, built the slow, obvious way: every post once, newest first.
fn whole_feed(timelines: &[Vec<Post>]) -> Vec<Post> {
    let mut all: Vec<Post> = timelines.iter().flatten().copied().collect();
    all.sort_by(|a, b| (b.timestamp, b.id).cmp(&(a.timestamp, a.id)));
    all.dedup_by_key(|p| p.id);
    all
}

/// Follows the cursors from the first page to the last (at most `max_pages` pages).
fn all_pages(timelines: &[Vec<Post>], limit: usize, max_pages: usize) -> Vec<Vec<Post>> {
    let mut pages = Vec::new();
    let mut page = feed_page(timelines, None, limit);
    loop {
        pages.push(page.posts);
        if pages.len() >= max_pages {
            break;
        }
        match page.next {
            Some(cursor) => page = feed_page(timelines, Some(&cursor), limit),
            None => break,
        }
    }
    pages
}

/// A tiny fixed-seed generator for reproducible test data.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// `k` timelines in feed order with `posts` distinct posts, some shared by two timelines,
/// timestamps in `0..ts_range` (a small range gives many equal timestamps).
fn random_timelines(seed: u64, k: usize, posts: u64, ts_range: u64) -> Vec<Vec<Post>> {
    let mut rng = Lcg(seed);
    let mut timelines = vec![Vec::new(); k];
    for id in 0..posts {
        let post = p(id * 7 + 3, rng.below(ts_range));
        let t = rng.below(k as u64) as usize;
        timelines[t].push(post);
        if k > 1 && rng.below(4) == 0 {
            timelines[(t + 1 + rng.below(k as u64 - 1) as usize) % k].push(post);
        }
    }
    for timeline in &mut timelines {
        timeline.sort_by(|a, b| (b.timestamp, b.id).cmp(&(a.timestamp, a.id)));
    }
    timelines
}

/// Like `random_timelines`, but generated directly in feed order (strictly decreasing
/// timestamps, scattered ids), so that building a large test set costs no sorting.
fn large_timelines(seed: u64, k: usize, posts: u64) -> Vec<Vec<Post>> {
    let mut rng = Lcg(seed);
    let mut timelines = vec![Vec::new(); k];
    let mut timestamp = posts * 4;
    for i in 0..posts {
        timestamp -= 1 + rng.below(3);
        let post = p(i.wrapping_mul(0x9E37_79B9_7F4A_7C15), timestamp);
        let t = rng.below(k as u64) as usize;
        timelines[t].push(post);
        if i % 4 == 0 {
            timelines[(t + 1) % k].push(post);
        }
    }
    timelines
}

#[test]
fn no_timelines_give_an_empty_last_page() {
    let page = feed_page(&[], None, 10);
    expect_eq!(page.posts, vec![], "no timelines: no posts");
    expect!(page.next.is_none(), "no timelines: no next page");
    let page = feed_page(&[vec![], vec![]], None, 10);
    expect_eq!(page.posts, vec![], "empty timelines: no posts");
    expect!(page.next.is_none(), "empty timelines: no next page");
}

#[test]
fn one_timeline_is_paged_in_its_own_order() {
    let timeline = vec![p(5, 50), p(4, 40), p(3, 30)];
    let page = feed_page(&[timeline], None, 2);
    expect_eq!(
        page.posts,
        vec![p(5, 50), p(4, 40)],
        "the first two posts, newest first"
    );
    expect!(
        page.next.is_some(),
        "a third post follows, so there is a next page"
    );
}

#[test]
fn timelines_are_merged_newest_first() {
    let a = vec![p(1, 90), p(2, 60), p(3, 10)];
    let b = vec![p(4, 80), p(5, 70), p(6, 20)];
    let c = vec![p(7, 65)];
    let page = feed_page(&[a, b, c], None, 10);
    expect_eq!(
        page.posts,
        vec![
            p(1, 90),
            p(4, 80),
            p(5, 70),
            p(7, 65),
            p(2, 60),
            p(6, 20),
            p(3, 10)
        ],
        "posts from all timelines, ordered by timestamp, newest first"
    );
}

#[test]
fn equal_timestamps_put_the_larger_id_first() {
    let a = vec![p(3, 50), p(1, 50)];
    let b = vec![p(4, 50), p(2, 50)];
    let page = feed_page(&[a, b], None, 10);
    expect_eq!(
        page.posts,
        vec![p(4, 50), p(3, 50), p(2, 50), p(1, 50)],
        "posts with the same timestamp: larger id first"
    );
}

#[test]
fn the_last_page_has_no_next() {
    let a = vec![p(2, 20), p(1, 10)];
    let page = feed_page(&[a], None, 5);
    expect_eq!(
        page.posts.len(),
        2,
        "a limit larger than the feed returns the whole feed"
    );
    expect!(
        page.next.is_none(),
        "nothing follows the whole feed: next is None"
    );
}

#[test]
fn a_full_last_page_has_no_next() {
    let a = vec![p(4, 40), p(3, 30)];
    let b = vec![p(2, 20), p(1, 10)];
    let timelines = [a, b];
    let first = feed_page(&timelines, None, 2);
    let cursor = first.next.expect("two more posts follow the first page");
    let second = feed_page(&timelines, Some(&cursor), 2);
    expect_eq!(
        second.posts,
        vec![p(2, 20), p(1, 10)],
        "the second page holds the last two posts"
    );
    expect!(
        second.next.is_none(),
        "the feed ends exactly at the end of the page: next must be None, not an empty page"
    );
}

#[test]
fn cursor_continues_where_the_page_ended() {
    let a = vec![p(6, 60), p(4, 40), p(2, 20)];
    let b = vec![p(5, 50), p(3, 30), p(1, 10)];
    let timelines = [a, b];
    let pages = all_pages(&timelines, 2, 10);
    expect_eq!(
        pages,
        vec![
            vec![p(6, 60), p(5, 50)],
            vec![p(4, 40), p(3, 30)],
            vec![p(2, 20), p(1, 10)]
        ],
        "three pages of two, each continuing after the previous one"
    );
}

#[test]
fn a_cursor_can_be_used_again() {
    let a: Vec<Post> = (0..10).rev().map(|i| p(i, i * 10)).collect();
    let timelines = [a];
    let first = feed_page(&timelines, None, 3);
    let cursor = first.next.expect("more posts follow");
    let once = feed_page(&timelines, Some(&cursor), 3).posts;
    let twice = feed_page(&timelines, Some(&cursor), 3).posts;
    expect_eq!(
        once,
        twice,
        "asking for the same page twice gives the same posts"
    );
}

#[test]
fn a_post_in_two_timelines_is_shown_once() {
    let shared = p(7, 70);
    let a = vec![p(9, 90), shared, p(1, 10)];
    let b = vec![shared, p(5, 50)];
    let page = feed_page(&[a, b], None, 10);
    expect_eq!(
        page.posts,
        vec![p(9, 90), shared, p(5, 50), p(1, 10)],
        "post 7 is in both timelines but appears once"
    );
}

#[test]
fn a_duplicate_does_not_use_up_a_slot_in_the_page() {
    let shared = p(7, 70);
    let a = vec![shared, p(3, 30)];
    let b = vec![shared, p(2, 20)];
    let c = vec![shared];
    let page = feed_page(&[a, b, c], None, 2);
    expect_eq!(
        page.posts,
        vec![shared, p(3, 30)],
        "two different posts fill a page of two"
    );
}

#[test]
fn a_duplicate_on_the_page_boundary_is_not_repeated() {
    let shared = p(7, 70);
    let a = vec![p(9, 90), shared, p(1, 10)];
    let b = vec![p(8, 80), shared, p(5, 50)];
    let timelines = [a, b];
    let pages = all_pages(&timelines, 3, 10);
    expect_eq!(
        pages,
        vec![vec![p(9, 90), p(8, 80), shared], vec![p(5, 50), p(1, 10)]],
        "post 7 ends page one; its copy in the other timeline must not open page two"
    );
}

#[test]
fn only_a_duplicate_left_means_no_next_page() {
    let shared = p(7, 70);
    let a = vec![p(9, 90), shared];
    let b = vec![shared];
    let page = feed_page(&[a, b], None, 2);
    expect_eq!(
        page.posts,
        vec![p(9, 90), shared],
        "the page holds both different posts"
    );
    expect!(
        page.next.is_none(),
        "only another copy of post 7 follows, which is not a new post: next is None"
    );
}

#[test]
fn equal_timestamps_across_a_page_boundary_are_neither_lost_nor_repeated() {
    let a = vec![p(6, 50), p(4, 50), p(2, 50)];
    let b = vec![p(5, 50), p(3, 50), p(1, 50)];
    let timelines = [a, b];
    let pages = all_pages(&timelines, 4, 10);
    expect_eq!(
        pages,
        vec![
            vec![p(6, 50), p(5, 50), p(4, 50), p(3, 50)],
            vec![p(2, 50), p(1, 50)]
        ],
        "the page ends in the middle of timestamp 50: the cursor must remember the id too"
    );
}

#[test]
fn new_posts_at_the_top_do_not_shift_the_next_page() {
    let mut a = vec![p(10, 100), p(8, 80), p(6, 60), p(4, 40)];
    let mut b = vec![p(9, 90), p(7, 70), p(5, 50), p(3, 30)];
    let first = feed_page(&[a.clone(), b.clone()], None, 3);
    expect_eq!(
        first.posts,
        vec![p(10, 100), p(9, 90), p(8, 80)],
        "the first page"
    );
    let cursor = first.next.expect("more posts follow");
    // While the user reads page one, new posts arrive at the top of both timelines.
    a.insert(0, p(12, 120));
    b.insert(0, p(11, 110));
    b.insert(0, p(13, 130));
    let second = feed_page(&[a, b], Some(&cursor), 3);
    expect_eq!(
        second.posts,
        vec![p(7, 70), p(6, 60), p(5, 50)],
        "page two continues after post 8, the last post shown, whatever was added above it"
    );
}

#[test]
fn paging_with_many_limits_shows_every_post_exactly_once() {
    let timelines = random_timelines(7, 6, 300, 40);
    let expected = whole_feed(&timelines);
    for limit in [1, 2, 3, 7, 50, 299, 300, 301] {
        let pages = all_pages(&timelines, limit, 1000);
        for (i, page) in pages.iter().enumerate() {
            let is_last = i + 1 == pages.len();
            expect!(
                page.len() == limit || (is_last && page.len() < limit),
                "limit {}: page {} has {} posts; every page but the last is full",
                limit,
                i,
                page.len()
            );
        }
        let shown: Vec<Post> = pages.into_iter().flatten().collect();
        expect_eq!(
            shown,
            expected,
            "limit {}: the pages together are the whole feed, newest first, each post once",
            limit
        );
    }
}

#[test]
fn many_timelines_with_few_posts_each() {
    let timelines = random_timelines(11, 200, 150, 1000);
    let expected = whole_feed(&timelines);
    let shown: Vec<Post> = all_pages(&timelines, 10, 1000)
        .into_iter()
        .flatten()
        .collect();
    expect_eq!(
        shown,
        expected,
        "200 timelines, mostly empty, merged into one feed"
    );
}

#[test]
fn deep_paging_is_fast() {
    // 8 timelines, 500,000 distinct posts (a quarter of them in two timelines). One large page
    // jumps 350,000 posts deep, then the rest is read 2 at a time: 75,000 small pages.
    // Rebuilding the feed, or walking the timelines to the cursor, for every small page is
    // 75,000 passes over several hundred thousand posts.
    let timelines = large_timelines(2024, 8, 500_000);
    let total: usize = timelines.iter().map(Vec::len).sum();
    expect!(total > 500_000, "the test data has shared posts");
    let mut count = 0usize;
    let mut previous: Option<Post> = None;
    let mut page = feed_page(&timelines, None, 350_000);
    let mut pages = 1;
    loop {
        for post in &page.posts {
            if let Some(prev) = previous {
                expect!(
                    (post.timestamp, post.id) < (prev.timestamp, prev.id),
                    "each post comes strictly after the one before it in feed order"
                );
            }
            previous = Some(*post);
        }
        count += page.posts.len();
        match page.next {
            Some(cursor) if pages < 100_000 => {
                page = feed_page(&timelines, Some(&cursor), 2);
                pages += 1;
            }
            _ => break,
        }
    }
    expect_eq!(
        count,
        500_000,
        "reading every page shows each of the 500,000 posts once"
    );
    expect_eq!(
        pages,
        75_001,
        "one page of 350,000 and then 150,000 posts in pages of 2"
    );
}
