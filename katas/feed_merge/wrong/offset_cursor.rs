//! The cursor counts the posts shown so far; new posts at the top shift every later page, and each page re-merges from the top.

use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

pub struct Cursor {
    shown: usize,
}

pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let skip = after.map_or(0, |c| c.shown);
    let mut heap = BinaryHeap::new();
    for (t, timeline) in timelines.iter().enumerate() {
        if let Some(p) = timeline.first() {
            heap.push(((p.timestamp, p.id), t, 0));
        }
    }
    let mut distinct = 0;
    let mut last_key = None;
    let mut posts = Vec::new();
    let mut more = false;
    while let Some((key, t, i)) = heap.pop() {
        if last_key != Some(key) {
            last_key = Some(key);
            if distinct >= skip {
                if posts.len() == limit {
                    more = true;
                    break;
                }
                posts.push(timelines[t][i]);
            }
            distinct += 1;
        }
        if let Some(p) = timelines[t].get(i + 1) {
            heap.push(((p.timestamp, p.id), t, i + 1));
        }
    }
    let next = if more {
        Some(Cursor {
            shown: skip + posts.len(),
        })
    } else {
        None
    };
    Page { posts, next }
}
