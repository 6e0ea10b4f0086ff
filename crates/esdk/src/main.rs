//! `keydeck-esdk`: encrypt, decrypt and inspect AWS Encryption SDK messages.

fn main() {
    std::process::exit(keydeck_esdk::cli::main(std::env::args_os().skip(1)));
}
