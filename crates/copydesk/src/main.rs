//! The `copydesk` command-line tool (also installed with the Python wheel).

fn main() {
    std::process::exit(copydesk::cli::run(std::env::args().skip(1).collect()));
}
