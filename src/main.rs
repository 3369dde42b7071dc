//! The `plaint` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    plaint::cli::main().into()
}

// Reading 100k case files allocates millions of small strings across
// threads; mimalloc handles that much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
