//! The `plaint` binary: everything lives in the library.

fn main() {
    std::process::exit(plaint::cli::main());
}
