//! The reader's decoded shards, kept up to a budget of their file bytes: when a new
//! shard would go past it, the shards used longest ago are dropped (least recently
//! used), so the memory the reader holds stays bounded at any archive size.

use crate::formats::shard::{ArticleShard, Chunk, GroupShard, OutletChunk, StatementShard};
use std::rc::Rc;

/// A decoded shard of any kind.
#[derive(Clone, Debug)]
pub enum Decoded {
    Statements(Rc<StatementShard>),
    Articles(Rc<ArticleShard>),
    Chunk(Rc<Chunk>),
    Groups(Rc<GroupShard>),
    Outlets(Rc<OutletChunk>),
}

/// A kind of shard the cache holds: how it goes into [`Decoded`] and comes back out.
pub trait Kept: Sized {
    fn wrap(shard: Rc<Self>) -> Decoded;
    fn unwrap(d: Decoded) -> Option<Rc<Self>>;
}

/// [`Kept`] for each shard type, by its variant of [`Decoded`].
macro_rules! kept {
    ($($t:ty => $v:ident),* $(,)?) => {$(
        impl Kept for $t {
            fn wrap(shard: Rc<Self>) -> Decoded {
                Decoded::$v(shard)
            }
            fn unwrap(d: Decoded) -> Option<Rc<Self>> {
                match d {
                    Decoded::$v(s) => Some(s),
                    _ => None,
                }
            }
        }
    )*};
}

kept! {
    StatementShard => Statements,
    ArticleShard => Articles,
    Chunk => Chunk,
    GroupShard => Groups,
    OutletChunk => Outlets,
}

struct Slot {
    name: String,
    bytes: u64,
    used: u64,
    shard: Decoded,
}

/// Shards by file name, at most `budget` file bytes in all (one shard larger than the
/// budget is still kept, alone, until the next one comes).
pub struct Cache {
    budget: u64,
    held: u64,
    tick: u64,
    slots: Vec<Slot>,
}

impl Cache {
    pub fn new(budget: u64) -> Cache {
        Cache {
            budget,
            held: 0,
            tick: 0,
            slots: Vec::new(),
        }
    }

    /// The shard named `name`, if it is kept; it becomes the most recently used.
    pub fn get(&mut self, name: &str) -> Option<Decoded> {
        self.tick += 1;
        let tick = self.tick;
        let slot = self.slots.iter_mut().find(|s| s.name == name)?;
        slot.used = tick;
        Some(slot.shard.clone())
    }

    /// Keeps a shard of `bytes` file bytes, dropping the least recently used ones first
    /// as far as the budget needs.
    pub fn put(&mut self, name: &str, bytes: u64, shard: Decoded) {
        self.slots.retain(|s| s.name != name);
        while self.held + bytes > self.budget && !self.slots.is_empty() {
            let oldest = (self.slots.iter().enumerate())
                .min_by_key(|(_, s)| s.used)
                .map_or(0, |(k, _)| k);
            self.slots.swap_remove(oldest);
            self.held = self.slots.iter().map(|s| s.bytes).sum();
        }
        self.tick += 1;
        self.slots.push(Slot {
            name: name.to_string(),
            bytes,
            used: self.tick,
            shard,
        });
        self.held = self.slots.iter().map(|s| s.bytes).sum();
    }

    /// The file bytes of the shards kept now.
    pub fn held(&self) -> u64 {
        self.held
    }

    /// Drops every shard.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.held = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk() -> Decoded {
        Decoded::Chunk(Rc::new(Chunk::default()))
    }

    #[test]
    fn the_least_recently_used_go_first_and_the_budget_holds() {
        let mut c = Cache::new(100);
        c.put("a", 40, chunk());
        c.put("b", 40, chunk());
        assert!(c.get("a").is_some(), "a is now the most recent");
        c.put("c", 40, chunk());
        assert!(c.get("b").is_none(), "b was used longest ago");
        assert!(c.get("a").is_some() && c.get("c").is_some());
        assert_eq!(c.held(), 80);
        c.put("big", 500, chunk());
        assert_eq!(c.held(), 500, "one shard past the budget is kept alone");
        assert!(c.get("a").is_none());
        c.clear();
        assert_eq!(c.held(), 0);
    }
}
