//! Any maximum document size (first two bytes) on any text: the kept text is a prefix within the
//! limit, flagged, and every invariant of the pipeline holds on it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/copydesk/tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let max = u16::from_le_bytes([data[0], data[1]]) as usize + 1;
    let text = String::from_utf8_lossy(&data[2..]);
    let options = copydesk::Options { max_bytes: max, ..copydesk::Options::default() };
    if let Err(e) = invariants::check_all(&text, &options) {
        panic!("{e}\ninput: {text:?}\nmax_bytes: {max}");
    }
});
