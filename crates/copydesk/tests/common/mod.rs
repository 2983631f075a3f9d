pub mod adversarial;
pub mod invariants;
