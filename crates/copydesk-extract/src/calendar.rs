//! Month and weekday names in lower case, shared by the date scanner, the quote lexicon (where
//! they are never names) and the peer-suite examples.

/// Full month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated month names as news writes them (without the period; "may" has none).
pub const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Full weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Abbreviated weekday names (without the period).
pub const WEEKDAY_ABBREVIATIONS: [&str; 10] =
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
