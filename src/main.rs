//! The `plaint` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    plaint::cli::main().into()
}

// Reading 100k case files allocates millions of small strings across
// threads; mimalloc handles that much faster than the system allocator.
// `Budgeted` bounds what a workspace template may make plaint allocate.
#[global_allocator]
static ALLOCATOR: plaint::limits::Budgeted<mimalloc::MiMalloc> =
    plaint::limits::Budgeted(mimalloc::MiMalloc);
