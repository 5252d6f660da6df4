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
        assert_eq!(full.count(), 130, "no bits past the end");
        assert_eq!(b.count_and(&full), 4);
        let mut r = Bits::empty(130);
        (60..130).for_each(|i| r.insert(i));
        assert_eq!(r.count(), 70);
        r.and_with(&b);
        assert_eq!(r.iter().collect::<Vec<_>>(), vec![63, 64, 129]);
    }
}
