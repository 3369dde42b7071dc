//! The `plaint` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    plaint::cli::main().into()
}

// Reading 100k case files allocates millions of small strings across
// threads; mimalloc handles that much faster than the system allocator.
// Built without transparent huge pages (`no_thp`): asking for them made
// every touched region of its arena resident in 2 MB pages, which at 10k
// cases doubled the peak memory of `summary` (51 MB against 24 MB).
// `Budgeted` bounds what a workspace template may make plaint allocate.
#[global_allocator]
static ALLOCATOR: plaint::limits::Budgeted<mimalloc::MiMalloc> =
    plaint::limits::Budgeted(mimalloc::MiMalloc);
