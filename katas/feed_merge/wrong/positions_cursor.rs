//! The cursor stores a read position per timeline; posts added at the top shift those positions, and a copy of the last post shown reappears.

use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Post {
    pub id: u64,
    pub timestamp: u64,
}

pub struct Cursor {
    positions: Vec<usize>,
}

pub struct Page {
    pub posts: Vec<Post>,
    pub next: Option<Cursor>,
}

pub fn feed_page(timelines: &[Vec<Post>], after: Option<&Cursor>, limit: usize) -> Page {
    let mut positions = match after {
        Some(c) => c.positions.clone(),
        None => vec![0; timelines.len()],
    };
    let mut heap = BinaryHeap::new();
    for (t, timeline) in timelines.iter().enumerate() {
        if let Some(p) = timeline.get(positions[t]) {
            heap.push(((p.timestamp, p.id), t));
        }
    }
    let mut posts: Vec<Post> = Vec::new();
    while posts.len() < limit {
        let Some((key, t)) = heap.pop() else { break };
        let post = timelines[t][positions[t]];
        if posts.last().map(|l| (l.timestamp, l.id)) != Some(key) {
            posts.push(post);
        }
        positions[t] += 1;
        if let Some(p) = timelines[t].get(positions[t]) {
            heap.push(((p.timestamp, p.id), t));
        }
    }
    let next = if heap.is_empty() {
        None
    } else {
        Some(Cursor { positions })
    };
    Page { posts, next }
}
