use std::process::ExitCode;

// Loading a registry makes many small allocations; mimalloc serves them faster than the
// system allocator (measured on a generated national registry, see benches/check.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(samverkan::main())
}
