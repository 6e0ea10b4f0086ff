//! The labs' Web Worker: [`keydeck_lab::host::LabHost`] behind
//! `postMessage`, in a wasm of its own, so that the page's wasm never links
//! the simulator and a slow call (RSA_4096 key generation) never blocks the
//! page.
//!
//! `worker.js` (written by `cargo xtask`, see `xtask/src/worker.rs`) loads
//! this module, hands it the labs (parsed at build time, as JSON) through
//! [`load_labs`], then passes each message's JSON text to [`handle`], one
//! at a time. The asymmetric engine, KMS's less used operations, each
//! service other than KMS, the CLI's `--query` and text and table outputs,
//! and the shell's less used commands and completion are chunks of their
//! own: the first step that needs one is put back by the
//! host, the chunk is fetched, and the step runs again.

use std::cell::RefCell;

use keydeck_lab::host::LabHost;
use keydeck_lab::labs::{Lab, LabText};
use keydeck_lab_protocol::{Answer, Ask, Reply, Request};
use keydeck_sim::platform::lazy::Missing;

thread_local! {
    static HOST: RefCell<Option<LabHost>> = const { RefCell::new(None) };
}

/// Starts the host with the labs' outlines, given as the JSON the build
/// wrote; each lab's words are fetched when it is first opened.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn load_labs(json: &str) -> Result<(), String> {
    let labs: Vec<Lab> =
        serde_json::from_str(json).map_err(|e| format!("The labs could not be read: {e}"))?;
    HOST.with(|h| *h.borrow_mut() = Some(LabHost::with_outlines(labs)));
    Ok(())
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `worker.js`'s fetch of the words of the lab `id`, as JSON text.
    #[wasm_bindgen(js_name = keydeckLabWords, catch)]
    async fn fetch_words(id: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// Fetches and hands over the words of the lab `ask` opens, if the host
/// does not have them yet.
async fn words_for(ask: &Ask) -> Result<(), String> {
    let Some(id) = HOST.with(|h| {
        h.borrow()
            .as_ref()
            .and_then(|h| h.words_needed(ask).map(str::to_owned))
    }) else {
        return Ok(());
    };
    let json = words_json(&id).await?;
    let words: LabText = serde_json::from_str(&json)
        .map_err(|e| format!("The words of the lab “{id}” could not be read: {e}"))?;
    HOST.with(|h| match h.borrow_mut().as_mut() {
        Some(host) => host.add_words(&id, words),
        None => Ok(()),
    })
}

#[cfg(target_arch = "wasm32")]
async fn words_json(id: &str) -> Result<String, String> {
    let failed = || format!("The words of the lab “{id}” could not be fetched.");
    fetch_words(id)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(failed)
}

/// Natively the host starts with every lab's words.
#[cfg(not(target_arch = "wasm32"))]
async fn words_json(id: &str) -> Result<String, String> {
    Err(format!("The lab “{id}” has no words to fetch natively."))
}

/// Answers one request, given and returned as JSON text.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub async fn handle(message: String) -> String {
    let reply = match serde_json::from_str::<Request>(&message) {
        Ok(Request { id, body }) => Reply {
            id,
            body: answer(body).await,
        },
        Err(e) => Reply {
            id: request_id(&message),
            body: Answer::Failed {
                message: format!("The labs worker could not read a message: {e}"),
            },
        },
    };
    serde_json::to_string(&reply).unwrap_or_else(|_| {
        format!(
            r#"{{"id":{},"answer":"failed","message":"The labs worker could not write its answer."}}"#,
            reply.id
        )
    })
}

/// The host's answer, after fetching whatever chunk the step needs.
async fn answer(ask: Ask) -> Answer {
    if let Err(message) = words_for(&ask).await {
        return Answer::Failed { message };
    }
    // A step can need each chunk once; a chunk that is still missing after
    // its load is a bug, reported rather than looped on.
    let mut loaded = Vec::new();
    loop {
        let step = HOST.with(|h| h.borrow_mut().as_mut().map(|h| h.handle(ask.clone())));
        let missing = match step {
            None => {
                return Answer::Failed {
                    message: "The lab simulator has no labs loaded.".to_owned(),
                }
            }
            Some(Ok(answer)) => return answer,
            Some(Err(missing)) => missing,
        };
        if loaded.contains(&missing) {
            return Answer::Failed {
                message: format!(
                    "The lab simulator loaded its {} part, but cannot use it.",
                    missing.0
                ),
            };
        }
        if let Err(message) = load(missing).await {
            return Answer::Failed { message };
        }
        loaded.push(missing);
    }
}

/// Fetches and installs a chunk. Installing is what ends the loop above: a
/// slot with an implementation never misses again.
async fn load(missing: Missing) -> Result<(), String> {
    let fetched = match missing.0 {
        "asymmetric" => chunks::asymmetric().await,
        "ssm" => chunks::ssm().await,
        "secretsmanager" => chunks::secretsmanager().await,
        "ec2" => chunks::ec2().await,
        "formats" => chunks::formats().await,
        "kms_extras" => chunks::kms_extras().await,
        "shell_tools" => chunks::shell_tools().await,
        "more_checks" => chunks::more_checks().await,
        "explain" => chunks::explain().await,
        "esdk" => chunks::esdk().await,
        other => Err(format!("The lab simulator has no part called {other}.")),
    };
    fetched.map_err(|e| {
        format!(
            "The lab simulator could not load its {} part: {e}",
            missing.0
        )
    })
}

#[cfg(target_arch = "wasm32")]
mod chunks {
    use keydeck_lab::cli::output::{self, Formats};
    use keydeck_lab::console::{BuiltinExplain, Explain, EXPLAIN};
    use keydeck_lab::esdk::{BuiltinEsdk, Esdk, ESDK};
    use keydeck_lab::labs::checks::{BuiltinChecks, MoreChecks, MORE_CHECKS};
    use keydeck_lab::shell::tools::{BuiltinTools, Tools, TOOLS};
    use keydeck_sim::ec2::Ec2;
    use keydeck_sim::kms::model::asymmetric::{rust_crypto::RustCrypto, Engine, ENGINE};
    use keydeck_sim::kms::{BuiltinExtras, Extras, EXTRAS};
    use keydeck_sim::secretsmanager::SecretsManager;
    use keydeck_sim::services::{self, Builtin, Operations};
    use keydeck_sim::ssm::Ssm;
    use wasm_split_helpers::SplitLoaderError;

    /// A chunk that could not be fetched or instantiated.
    pub struct NotFetched;

    impl From<SplitLoaderError> for NotFetched {
        fn from(_: SplitLoaderError) -> Self {
            NotFetched
        }
    }

    /// A chunk: the build cuts at the function `$split`, which hands over
    /// the implementation of `$trait` that goes in `$slot`.
    macro_rules! chunk {
        ($(#[$doc:meta])* $chunk:ident: $split:ident -> $trait:ty = $implementation:expr => $slot:path) => {
            $(#[$doc])*
            #[wasm_split_helpers::wasm_split($chunk, fallible)]
            fn $split() -> Result<&'static $trait, NotFetched> {
                Ok($implementation)
            }

            pub async fn $chunk() -> Result<(), String> {
                $slot.install($split().await.map_err(failed)?);
                Ok(())
            }
        };
    }

    chunk!(
        /// RustCrypto's RSA and elliptic curves.
        asymmetric: engine -> dyn Engine = &RustCrypto => ENGINE
    );
    chunk!(
        /// KMS's grants, rotation, key import, multi-Region keys, tags,
        /// signing, MACs and data key pairs.
        kms_extras: kms_extra_operations -> dyn Extras = &BuiltinExtras => EXTRAS
    );
    chunk!(ssm: ssm_operations -> dyn Operations<Ssm> = &Builtin => services::SSM);
    chunk!(
        secretsmanager: secrets_operations -> dyn Operations<SecretsManager> = &Builtin
            => services::SECRETS_MANAGER
    );
    chunk!(ec2: ec2_operations -> dyn Operations<Ec2> = &Builtin => services::EC2);
    chunk!(
        /// The shell's `keydeck`, `keydeck-crypt`, `base64` and `help`, and
        /// Tab completion.
        shell_tools: tools -> dyn Tools = &BuiltinTools => TOOLS
    );
    chunk!(
        /// The CLI's `--query` (JMESPath) and its `text` and `table` outputs.
        formats: cli_formats -> dyn Formats = &output::Builtin => output::FORMATS
    );
    chunk!(
        /// Try a call: the policy evaluator's explanation of a decision.
        explain: explainer -> dyn Explain = &BuiltinExplain => EXPLAIN
    );
    chunk!(
        /// The AWS Encryption SDK: `aws-encryption-cli`, `keydeck-esdk-flip`
        /// and the byte viewer's inspection.
        esdk: encryption_sdk -> dyn Esdk = &BuiltinEsdk => ESDK
    );
    chunk!(
        /// The checks of the labs on asymmetric keys and the other services.
        more_checks: checks -> dyn MoreChecks = &BuiltinChecks => MORE_CHECKS
    );

    fn failed(_: NotFetched) -> String {
        "the network request failed".to_owned()
    }
}

/// Natively every part is built in, so nothing is ever missing.
#[cfg(not(target_arch = "wasm32"))]
mod chunks {
    pub async fn asymmetric() -> Result<(), String> {
        Ok(())
    }
    pub use asymmetric as ec2;
    pub use asymmetric as esdk;
    pub use asymmetric as formats;
    pub use asymmetric as explain;
    pub use asymmetric as kms_extras;
    pub use asymmetric as more_checks;
    pub use asymmetric as shell_tools;
    pub use asymmetric as secretsmanager;
    pub use asymmetric as ssm;
}

/// The `id` of a message that is otherwise unreadable, so the page can
/// still match the failure to its request.
fn request_id(message: &str) -> u64 {
    serde_json::from_str::<serde_json::Value>(message)
        .ok()
        .and_then(|v| v.get("id")?.as_u64())
        .unwrap_or(0)
}
