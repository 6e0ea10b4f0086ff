//! `keydeck-sim serve [--port 4566] [--account 111122223333] [--region us-east-1]`
//!
//! Serves the KMS simulator on 127.0.0.1 in AWS JSON 1.1, for boto3 and the
//! aws CLI (`--endpoint-url http://127.0.0.1:4566`). See the crate README.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use keydeck_sim::{AccountId, Region};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: keydeck-sim serve [--port 4566] [--account 111122223333] [--region us-east-1]";
    if args.first().map(String::as_str) != Some("serve") {
        eprintln!("{usage}");
        std::process::exit(2);
    }
    let option = |name: &str, default: &str| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    };
    let fail = |what: String| -> ! {
        eprintln!("keydeck-sim: {what}\n{usage}");
        std::process::exit(2);
    };
    let port: u16 = option("--port", "4566")
        .parse()
        .unwrap_or_else(|_| fail("--port takes a number from 0 to 65535".into()));
    let account: AccountId = option("--account", "111122223333")
        .parse()
        .unwrap_or_else(|e| fail(format!("{e}")));
    let region: Region = option("--region", "us-east-1")
        .parse()
        .unwrap_or_else(|e| fail(format!("{e}")));
    let result = keydeck_sim::server::serve(port, account, region, |bound| {
        println!("keydeck-sim listening on http://127.0.0.1:{bound}");
    });
    if let Err(e) = result {
        fail(format!("cannot serve on port {port}: {e}"));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
