//! A fixed-size set of event indices, one bit an event: what the per-facet filters are kept as,
//! so a filter change is a few passes of word-wide ANDs and ORs instead of a scan of every
//! event's facts. A million events take 125 KB a set.

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn empty(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> Bits {
        let mut b = Bits {
            words: vec![!0; len.div_ceil(64)],
            len,
        };
        b.trim();
        b
    }

    /// The set of `len` indices whose bits are `words` (bit `i % 64` of word `i / 64`),
    /// padded or cut to `len`.
    pub fn from_words(mut words: Vec<u64>, len: usize) -> Bits {
        words.resize(len.div_ceil(64), 0);
        words.shrink_to_fit();
        let mut b = Bits { words, len };
        b.trim();
        b
    }

    /// Clears the bits past `len` in the last word, so counts and iteration never see them.
    fn trim(&mut self) {
        if !self.len.is_multiple_of(64)
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << (self.len % 64)) - 1;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A set of `len` holding `indices`.
    pub fn of(len: usize, indices: impl IntoIterator<Item = usize>) -> Bits {
        let mut b = Bits::empty(len);
        for i in indices {
            b.insert(i);
        }
        b
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Every index not in the set, and none in it.
    pub fn invert(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.trim();
    }

    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many of `self`'s bits are also in `other`, without building the intersection.
    pub fn count_and(&self, other: &Bits) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The indices in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let bit = w.trailing_zeros() as usize;
                    w &= w - 1;
                    k * 64 + bit
                })
            })
        })
    }

    /// How many of the indices in `lo..hi` are in the set: whole words counted at once.
    pub fn count_in(&self, lo: usize, hi: usize) -> usize {
        let hi = hi.min(self.len);
        if lo >= hi {
            return 0;
        }
        let (first, last) = (lo / 64, (hi - 1) / 64);
        let below = |n: usize| if n == 64 { !0 } else { (1u64 << n) - 1 };
        let word = |k: usize| {
            let mut w = self.words[k];
            if k == first {
                w &= !below(lo % 64);
            }
            if k == last {
                w &= below((hi - 1) % 64 + 1);
            }
            w
        };
        (first..=last).map(|k| word(k).count_ones() as usize).sum()
    }

    /// The indices of the set in `lo..hi`, ascending.
    pub fn iter_in(&self, lo: usize, hi: usize) -> impl Iterator<Item = usize> + '_ {
        let hi = hi.min(self.len);
        let words = if lo < hi {
            lo / 64..(hi - 1) / 64 + 1
        } else {
            0..0
        };
        words
            .flat_map(move |k| {
                let mut w = self.words[k];
                std::iter::from_fn(move || {
                    (w != 0).then(|| {
                        let bit = w.trailing_zeros() as usize;
                        w &= w - 1;
                        k * 64 + bit
                    })
                })
            })
            .filter(move |&i| i >= lo && i < hi)
    }

    /// The union of several sets of this size.
    pub fn union<'a>(len: usize, sets: impl IntoIterator<Item = &'a Bits>) -> Bits {
        let mut out = Bits::empty(len);
        for s in sets {
            out.or_with(s);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_count_and_iterate_across_word_boundaries() {
        let mut b = Bits::empty(130);
        for i in [0, 63, 64, 129] {
            b.insert(i);
        }
        assert_eq!(b.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert_eq!(b.count(), 4);
        assert!(b.contains(64) && !b.contains(65));
        let full = Bits::full(130);
        let mut not_b = b.clone();
        not_b.invert();
        assert_eq!(not_b.count(), 126, "no bits past the end");
        assert_eq!(not_b.count_and(&b), 0);
        assert_eq!(full.count(), 130, "no bits past the end");
        assert_eq!(b.count_and(&full), 4);
        let mut r = Bits::empty(130);
        (60..130).for_each(|i| r.insert(i));
        assert_eq!(r.count(), 70);
        r.and_with(&b);
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![63, 64, 129]);
    }

    #[test]
    fn counts_and_lists_in_a_range_agree_with_a_scan() {
        let set: Vec<usize> = (0..300).filter(|i| i % 3 == 0 || i % 7 == 0).collect();
        let b = Bits::of(300, set.iter().copied());
        for (lo, hi) in [
            (0, 300),
            (0, 0),
            (5, 6),
            (63, 65),
            (64, 128),
            (1, 299),
            (130, 500),
            (200, 100),
        ] {
            let scan: Vec<usize> = set.iter().copied().filter(|&i| i >= lo && i < hi).collect();
            assert_eq!(b.iter_in(lo, hi).collect::<Vec<_>>(), scan, "{lo}..{hi}");
            assert_eq!(b.count_in(lo, hi), scan.len(), "{lo}..{hi}");
        }
    }
}
