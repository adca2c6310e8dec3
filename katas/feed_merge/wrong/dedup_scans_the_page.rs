//! Drops duplicates by searching the page built so far (`posts.iter().any(..)`): right pages,
//! but a page of `limit` posts costs O(limit²).

use std::collections::BinaryHeap;

/// One post. Feed order is newest first: larger `timestamp` first, then larger `id` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

impl Post {
    /// The sort key: a larger key comes earlier in the feed.
    fn key(&self) -> (u64, u64) {
        (self.timestamp, self.id)
    }
}

/// Where the previous page ended: the last post it showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    last: (u64, u64),
}

/// One page of the feed and the cursor for the page after it, if any post follows.
#[derive(Debug)]
pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

/// Merges the timelines (each already in feed order) and returns up to `limit` posts that come
/// after `after` in feed order, each post at most once.
pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    // Max-heap of (key of the timeline's next post, timeline index, position in the timeline).
    let mut heap = BinaryHeap::with_capacity(timelines.len());
    for (t, timeline) in timelines.iter().enumerate() {
        // Each timeline is sorted by descending key, so the posts at or before the cursor form
        // a prefix: a binary search skips it in O(log n) instead of walking it.
        let start = match after {
            Some(cursor) => timeline.partition_point(|p| p.key() >= cursor.last),
            None => 0,
        };
        if let Some(post) = timeline.get(start) {
            heap.push((post.key(), t, start));
        }
    }

    let mut posts: Vec<Post> = Vec::with_capacity(limit.min(1024));
    while let Some((key, t, i)) = heap.pop() {
        // A post shared by several timelines surfaces once per timeline, always next to its
        // copies (equal keys pop consecutively), so comparing with the last post dedups it.
        let duplicate = posts.iter().any(|shown| shown.key() == key);
        if !duplicate {
            if posts.len() == limit {
                // A post different from everything shown still follows: there is a next page.
                heap.push((key, t, i));
                break;
            }
            posts.push(timelines[t][i]);
        }
        if let Some(post) = timelines[t].get(i + 1) {
            heap.push((post.key(), t, i + 1));
        }
    }

    let more_follow = !heap.is_empty();
    let next = match posts.last() {
        Some(last) if more_follow => Some(Cursor { last: last.key() }),
        _ => None,
    };
    Page { posts, next }
}
