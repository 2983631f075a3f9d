//! The hash of the compiled-in word tables: the same function places keys at build time
//! (`build.rs` includes this file) and finds them at run time.

/// Mixing constants (digits of pi, as in wyhash-style hashes).
const P0: u64 = 0x243F_6A88_85A3_08D3;
const P1: u64 = 0x1319_8A2E_0370_7344;

/// The 128-bit product of `a` and `b`, folded to 64 bits.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Little-endian `u64` at `i` (0 past the end; callers stay inside).
#[inline]
fn r8(k: &[u8], i: usize) -> u64 {
    k.get(i..i + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// Little-endian `u32` at `i` (0 past the end; callers stay inside).
#[inline]
fn r4(k: &[u8], i: usize) -> u64 {
    k.get(i..i + 4).and_then(|b| b.try_into().ok()).map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

/// Hash of a key (deterministic, no seed: the table layout is fixed at build time). Short
/// keys are read with at most two loads (overlapping), longer ones eight bytes at a time.
#[inline]
pub fn hash(key: &[u8]) -> u64 {
    let n = key.len();
    let h = P1 ^ (n as u64);
    if n <= 8 {
        let (a, b) = if n >= 4 {
            (r4(key, 0), r4(key, n - 4))
        } else if n > 0 {
            let at = |i: usize| key.get(i).map_or(0, |&x| u64::from(x));
            ((at(0) << 16) | (at(n / 2) << 8) | at(n - 1), 0)
        } else {
            (0, 0)
        };
        return fold(a ^ P0, b ^ h);
    }
    let mut h = h;
    let mut i = 0;
    while i + 8 < n {
        h = fold(r8(key, i) ^ P0, h ^ P1);
        i += 8;
    }
    fold(r8(key, n - 8) ^ P0, h ^ P1)
}

/// Where a key of hash `h` sits in a prefilter of `n` eight-byte words (a power of two): the
/// word and its two bits, from the high 32 bits of the hash (the low bits pick the table slot).
/// The build script sets them, the tables' readers test them.
#[inline(always)]
pub fn filter_place(h: u64, n: usize) -> (usize, u64) {
    let w = (h >> 44) as usize & n.wrapping_sub(1);
    (w, (1u64 << ((h >> 32) & 63)) | (1u64 << ((h >> 38) & 63)))
}
