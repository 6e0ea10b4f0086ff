//! The crate's one random source, for quizzes and the sample history:
//! ChaCha8 seeded from a seed and a label, with index sampling done in `u64`
//! arithmetic so that a seed draws the same numbers on 32-bit wasm and
//! 64-bit native builds. Not for anything secret.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::fnv::fnv1a;

pub(crate) struct Rng(ChaCha8Rng);

impl Rng {
    /// A stream for one purpose (`label`) of one seed. Streams with different
    /// labels are independent, so drawing one question never shifts another.
    pub fn derive(seed: u64, label: &str) -> Rng {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8..16].copy_from_slice(&fnv1a(label.as_bytes()).to_le_bytes());
        key[16..24].copy_from_slice(&(label.len() as u64).to_le_bytes());
        Rng(ChaCha8Rng::from_seed(key))
    }

    /// A uniform index in `0..n`; `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        // Reject the top sliver so that every remainder is equally likely.
        let zone = (u64::MAX / n) * n;
        loop {
            let x = self.0.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    pub fn coin(&mut self) -> bool {
        self.0.next_u64() & 1 == 1
    }

    /// A uniform number in [0, 1), from the top 53 bits of one draw.
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_draws_stay_in_range_and_chance_follows_its_probability() {
        let mut rng = Rng::derive(3, "unit");
        let draws: Vec<f64> = (0..10_000).map(|_| rng.unit()).collect();
        assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
        let hits = (0..10_000).filter(|_| rng.chance(0.25)).count();
        assert!((2_300..2_700).contains(&hits), "{hits}");
        assert!(!(0..100).any(|_| rng.chance(0.0)));
        assert!((0..100).all(|_| rng.chance(1.0)));
    }

    #[test]
    fn a_seed_and_label_always_draw_the_same_numbers() {
        let draw = |seed, label| {
            let mut rng = Rng::derive(seed, label);
            (0..8).map(|_| rng.below(1000)).collect::<Vec<_>>()
        };
        assert_eq!(draw(7, "quiz"), draw(7, "quiz"));
        assert_ne!(draw(7, "quiz"), draw(8, "quiz"));
        assert_ne!(draw(7, "quiz"), draw(7, "options"));
    }

    #[test]
    fn the_stream_is_pinned_across_releases() {
        // A shared quiz link must keep meaning the same quiz.
        let mut rng = Rng::derive(42, "quiz");
        let drawn: Vec<usize> = (0..6).map(|_| rng.below(100)).collect();
        assert_eq!(drawn, PINNED);
    }

    const PINNED: [usize; 6] = [10, 14, 34, 63, 62, 22];

    #[test]
    fn shuffling_keeps_every_item() {
        let mut items: Vec<u32> = (0..50).collect();
        Rng::derive(1, "t").shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
