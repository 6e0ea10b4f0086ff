//! The words completion offers after `aws` and `keydeck`: services,
//! operations, options, the values of the options whose values are a fixed
//! set (the enums of the KMS API, as the simulator defines them), and the
//! key IDs and aliases the caller's account has in the Region.

use keydeck_sim::kms::model::keys::{
    EncryptionAlgorithm, KeySpec, KeyUsage, MacAlgorithm, Origin, SigningAlgorithm,
};

use super::complete::{owned, Known};
use crate::cli;

/// The options whose value names a KMS key.
const KEY_OPTIONS: &[&str] = &[
    "--destination-key-id",
    "--key-id",
    "--source-key-id",
    "--target-key-id",
];

/// The words after `aws`, given the words before the cursor.
pub fn aws(known: &Known, args: &[String], partial: &str) -> Vec<String> {
    let command = positionals(args);
    if !partial.starts_with('-') {
        if let Some(option) = args.last().filter(|a| takes_value(&command, a)) {
            if KEY_OPTIONS.contains(&option.as_str()) {
                return key_names(known, args);
            }
            return values(known.profiles, &command, option);
        }
    }
    match command.as_slice() {
        [] if partial.starts_with('-') => owned(cli::GLOBAL_OPTIONS),
        [] => owned(&cli::services()),
        [service] => owned(&cli::operations(service)),
        [service, operation, ..] => cli::options(service, operation)
            .into_iter()
            .chain(owned(cli::GLOBAL_OPTIONS))
            .filter(|o| !args.contains(o))
            .collect(),
    }
}

/// The words after `keydeck`: its commands, then their options.
pub fn keydeck(args: &[String], partial: &str) -> Vec<String> {
    let command: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();
    match command.first() {
        None => owned(&cli::operations("keydeck")),
        Some(_) if command.len() < 2 && !partial.starts_with('-') => Vec::new(),
        Some(name) => cli::options("keydeck", name)
            .into_iter()
            .filter(|o| !args.contains(o))
            .collect(),
    }
}

/// The service and the operation: the words that are not options or
/// values of global options.
fn positionals(args: &[String]) -> Vec<&str> {
    let mut out = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if cli::global_takes_value(word) {
            words.next();
        } else if !word.starts_with("--") && out.len() < 2 {
            out.push(word.as_str());
        }
    }
    out
}

/// Whether an option takes a value. The CLI spells a boolean member as a
/// pair, `--multi-region` and `--no-multi-region`.
fn takes_value(command: &[&str], option: &str) -> bool {
    if cli::global_takes_value(option) {
        return true;
    }
    let [service, operation, ..] = command else {
        return false;
    };
    let options = cli::options(service, operation);
    let negated = format!("--no-{}", option.trim_start_matches("--"));
    options.iter().any(|o| o == option)
        && !option.starts_with("--no-")
        && !options.contains(&negated)
}

/// The values an option can take, where they are a fixed set.
fn values(profiles: &[String], command: &[&str], option: &str) -> Vec<String> {
    let operation = command.get(1).copied().unwrap_or_default();
    let list: &[&str] = match option {
        "--profile" => return profiles.to_vec(),
        "--output" => &["json", "table", "text", "yaml", "yaml-stream"],
        "--key-spec" if operation.starts_with("generate-data-key") => &["AES_128", "AES_256"],
        "--key-spec" => KeySpec::ALL,
        "--key-pair-spec" => return key_pair_specs(),
        "--key-usage" => KeyUsage::ALL,
        "--origin" => Origin::ALL,
        "--encryption-algorithm"
        | "--source-encryption-algorithm"
        | "--destination-encryption-algorithm" => EncryptionAlgorithm::ALL,
        "--signing-algorithm" => SigningAlgorithm::ALL,
        "--mac-algorithm" => MacAlgorithm::ALL,
        "--message-type" => &["DIGEST", "RAW"],
        _ => &[],
    };
    owned(list)
}

/// GenerateDataKeyPair's specs: the RSA and elliptic-curve key specs.
fn key_pair_specs() -> Vec<String> {
    KeySpec::ALL
        .iter()
        .filter(|s| KeySpec::parse(s).is_some_and(|k| k.is_rsa() || k.is_ecc()))
        .map(|s| (*s).to_owned())
        .collect()
}

/// The key IDs and alias names of the keys of the account and Region a
/// command line calls (its `--profile` and `--region`, or the defaults).
fn key_names(known: &Known, args: &[String]) -> Vec<String> {
    let profile = option_value(args, "--profile").unwrap_or(&known.defaults.profile);
    let region = option_value(args, "--region").unwrap_or(&known.defaults.region);
    let Some(account) = cli::profiles().iter().find(|p| p.name == profile) else {
        return Vec::new();
    };
    let kms = known.sim.kms();
    kms.keys()
        .filter(|k| k.account.as_str() == account.account && k.region.as_str() == region)
        .flat_map(|k| std::iter::once(k.id.clone()).chain(kms.aliases_of(k)))
        .collect()
}

/// The value given to an option, if it is on the line.
fn option_value<'a>(args: &'a [String], option: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == option)?;
    args.get(at + 1).map(String::as_str)
}
