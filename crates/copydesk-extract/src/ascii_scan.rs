//! Scanning text eight bytes at a time (SWAR): the byte masks the ASCII fast paths of the
//! acronym, name-run and cue-word scanners share.

/// Eight 0x01 bytes.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// Eight 0x80 bytes.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// The bytes of `y` (eight bytes, high bits clear) within `lo..=hi`, as their high bits. No
/// byte carries into the next: each sum stays below 0x100.
#[inline]
pub(crate) fn in_range(y: u64, lo: u8, hi: u8) -> u64 {
    let ge = y.wrapping_add(LO * u64::from(0x80 - lo));
    let gt = y.wrapping_add(LO * u64::from(0x7f - hi));
    ge & !gt & HI
}

/// The ASCII letters and digits among eight bytes (any bytes), as their high bits.
#[inline]
pub(crate) fn alnum_bits(x: u64) -> u64 {
    let y = x & !HI;
    (in_range(y, b'0', b'9') | in_range(y | (LO * 0x20), b'a', b'z')) & !x
}

/// The first byte at or after `i` that `hit` marks: eight bytes at a time through `hits` (given
/// the eight bytes as a little-endian `u64`, it returns the high bit of each byte `hit` accepts),
/// then the last few one by one through `hit`. The two must agree.
#[inline]
pub(crate) fn find_first(b: &[u8], mut i: usize, hits: impl Fn(u64) -> u64, hit: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else { break };
        let m = hits(u64::from_le_bytes(arr));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&x| hit(x)).map(|k| i + k)
}

/// The bytes `b[start..start + n]` (`n` from 1 to 8) as a little-endian number, zero-padded:
/// one eight-byte load when the text goes on that far, else the bytes copied. None when `n` is
/// out of range or the bytes are not all in `b`.
#[inline]
pub(crate) fn load_le(b: &[u8], start: usize, n: usize) -> Option<u64> {
    if !(1..=8).contains(&n) {
        return None;
    }
    match b.get(start..start.checked_add(8)?).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        Some(c) => Some(u64::from_le_bytes(c) & (u64::MAX >> (64 - 8 * n))),
        None => {
            let mut a = [0u8; 8];
            a.get_mut(..n)?.copy_from_slice(b.get(start..start + n)?);
            Some(u64::from_le_bytes(a))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_le_reads_the_bytes_inside_or_at_the_end_of_the_text() {
        let b = b"abcdefghij";
        for start in 0..=b.len() + 1 {
            for n in 0..=9 {
                let want = (1..=8).contains(&n).then(|| b.get(start..start + n)).flatten().map(|w| {
                    let mut a = [0u8; 8];
                    a[..n].copy_from_slice(w);
                    u64::from_le_bytes(a)
                });
                assert_eq!(load_le(b, start, n), want, "{start} {n}");
            }
        }
        assert_eq!(load_le(b, usize::MAX, 1), None);
    }

    #[test]
    fn in_range_marks_exactly_the_bytes_in_range() {
        for x in 0u8..0x80 {
            let m = in_range(u64::from(x) * LO, b'A', b'Z');
            assert_eq!(m == HI, x.is_ascii_uppercase(), "{x:#x}");
            assert!(m == 0 || m == HI);
        }
    }

    #[test]
    fn alnum_bits_marks_exactly_the_ascii_letters_and_digits() {
        for x in 0..=u8::MAX {
            let m = alnum_bits(u64::from(x) * LO);
            assert_eq!(m == HI, x.is_ascii_alphanumeric(), "{x:#x}");
            assert!(m == 0 || m == HI);
        }
        let m = alnum_bits(u64::from_le_bytes(*b"a Z9-\xc3\xa9z"));
        assert_eq!(m, 0x8000_0000_8080_0080);
    }

    #[test]
    fn find_first_agrees_with_a_byte_by_byte_search() {
        let text = "lower case words then Upper, and more text with X at the end; ümlaut Z";
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let fast = find_first(b, i, |x| in_range(x & !HI, b'A', b'Z') & !x, |x| x.is_ascii_uppercase());
            let slow = b.get(i..).and_then(|r| r.iter().position(u8::is_ascii_uppercase)).map(|k| i + k);
            assert_eq!(fast, slow, "from {i}");
        }
    }
}
