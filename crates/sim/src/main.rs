//! `keydeck-sim serve [--port 4566] [--account 111122223333] [--region us-east-1] [--seed N]`
//!
//! Serves the KMS simulator on 127.0.0.1 in AWS JSON 1.1, for boto3 and the
//! aws CLI (`--endpoint-url http://127.0.0.1:4566`). `--seed` makes every
//! random value (key IDs, key material, ciphertexts) repeat from run to run;
//! without it the seed comes from the system and is printed on stderr. See
//! the crate README.

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str =
    "usage: keydeck-sim serve [--port 4566] [--account 111122223333] [--region us-east-1] [--seed N]";

/// The value after `--name`, if given.
#[cfg(not(target_arch = "wasm32"))]
fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

#[cfg(not(target_arch = "wasm32"))]
fn fail(what: String) -> ! {
    eprintln!("keydeck-sim: {what}\n{USAGE}");
    std::process::exit(2);
}

/// A simulator seeded by `--seed`, or from the system's entropy.
#[cfg(not(target_arch = "wasm32"))]
fn simulator(args: &[String]) -> keydeck_sim::Simulator {
    let sim = match option(args, "--seed") {
        Some(s) => keydeck_sim::Simulator::with_seed(
            s.parse()
                .unwrap_or_else(|_| fail("--seed takes a number from 0 to 2^64-1".into())),
        ),
        None => keydeck_sim::Simulator::new(),
    };
    eprintln!("keydeck-sim seed {} (--seed repeats a run)", sim.seed());
    sim
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use keydeck_sim::{AccountId, Region};
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("serve") {
        eprintln!("{USAGE}");
        std::process::exit(2);
    }
    let or = |name: &str, default: &str| option(&args, name).unwrap_or_else(|| default.to_owned());
    let port: u16 = or("--port", "4566")
        .parse()
        .unwrap_or_else(|_| fail("--port takes a number from 0 to 65535".into()));
    let account: AccountId = or("--account", "111122223333")
        .parse()
        .unwrap_or_else(|e| fail(format!("{e}")));
    let region: Region = or("--region", "us-east-1")
        .parse()
        .unwrap_or_else(|e| fail(format!("{e}")));
    let sim = simulator(&args);
    let result = keydeck_sim::server::serve(sim, port, account, region, |bound| {
        println!("keydeck-sim listening on http://127.0.0.1:{bound}");
    });
    if let Err(e) = result {
        fail(format!("cannot serve on port {port}: {e}"));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
