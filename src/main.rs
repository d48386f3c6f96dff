use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(samverkan::main())
}
