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

#[cfg(not(target_arch = "wasm32"))]
fn fail(what: impl std::fmt::Display) -> ! {
    eprintln!("keydeck-sim: {what}\n{USAGE}");
    std::process::exit(2);
}

/// What `serve` was asked for.
#[cfg(not(target_arch = "wasm32"))]
struct Serve {
    port: u16,
    account: keydeck_sim::AccountId,
    region: keydeck_sim::Region,
    seed: Option<u64>,
}

/// Reads `serve` and its options; anything else is refused.
#[cfg(not(target_arch = "wasm32"))]
fn parse(args: &mut lexopt::Parser) -> Result<Serve, String> {
    use lexopt::prelude::*;
    match args.next().map_err(|e| e.to_string())? {
        Some(Value(task)) if task == "serve" => {}
        Some(other) => return Err(other.unexpected().to_string()),
        None => return Err("which task? (serve)".to_owned()),
    }
    let mut serve = Serve {
        port: 4566,
        account: "111122223333".parse().expect("a 12-digit account"),
        region: "us-east-1".parse().expect("a Region"),
        seed: None,
    };
    let text = |args: &mut lexopt::Parser| -> Result<String, String> {
        args.value()
            .and_then(|v| v.string())
            .map_err(|e| e.to_string())
    };
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("port") => {
                serve.port = text(args)?
                    .parse()
                    .map_err(|_| "--port takes a number from 0 to 65535")?;
            }
            Long("account") => serve.account = text(args)?.parse().map_err(|e| format!("{e}"))?,
            Long("region") => serve.region = text(args)?.parse().map_err(|e| format!("{e}"))?,
            Long("seed") => {
                let seed = text(args)?.parse();
                serve.seed = Some(seed.map_err(|_| "--seed takes a number from 0 to 2^64-1")?);
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(serve)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Serve {
        port,
        account,
        region,
        seed,
    } = parse(&mut lexopt::Parser::from_env()).unwrap_or_else(|e| fail(e));
    let sim = match seed {
        Some(seed) => keydeck_sim::Simulator::with_seed(seed),
        None => keydeck_sim::Simulator::new(),
    };
    eprintln!("keydeck-sim seed {} (--seed repeats a run)", sim.seed());
    let result = keydeck_sim::server::serve(sim, port, account, region, |bound| {
        println!("keydeck-sim listening on http://127.0.0.1:{bound}");
    });
    if let Err(e) = result {
        fail(format!("cannot serve on port {port}: {e}"));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
