//! The whole pipeline on any text: no panic, every span in bounds and on char boundaries,
//! the JSON contract's code-point offsets give back each item's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/copydesk/tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = invariants::check_all(&text, &copydesk::Options::default()) {
        panic!("{e}\ninput: {text:?}");
    }
});
