//! The labs' Web Worker: [`keydeck_lab::host::LabHost`] behind
//! `postMessage`, in a wasm of its own, so that the page's wasm never links
//! the simulator and a slow call (RSA_4096 key generation) never blocks the
//! page.
//!
//! `worker.js` (written by `cargo xtask`, see `xtask/src/worker.rs`) loads
//! this module, hands it the labs (parsed at build time, as JSON) through
//! [`load_labs`], then passes each message's JSON text to [`handle`], one
//! at a time. The asymmetric engine and each service other than KMS are
//! chunks of their own: the first step that needs one is put back by the
//! host, the chunk is fetched, and the step runs again.

use std::cell::RefCell;

use keydeck_lab::host::LabHost;
use keydeck_lab::labs::Lab;
use keydeck_lab_protocol::{Answer, Ask, Reply, Request};
use keydeck_sim::platform::lazy::Missing;

thread_local! {
    static HOST: RefCell<Option<LabHost>> = const { RefCell::new(None) };
}

/// Starts the host with the labs, given as the JSON the build wrote.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn load_labs(json: &str) -> Result<(), String> {
    let labs: Vec<Lab> =
        serde_json::from_str(json).map_err(|e| format!("The labs could not be read: {e}"))?;
    HOST.with(|h| *h.borrow_mut() = Some(LabHost::with_labs(labs)));
    Ok(())
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
    use keydeck_sim::ec2::Ec2;
    use keydeck_sim::kms::model::asymmetric::{rust_crypto::RustCrypto, Engine, ENGINE};
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

    /// RustCrypto's RSA and elliptic curves, cut into the `asymmetric`
    /// chunk at this point by the build.
    #[wasm_split_helpers::wasm_split(asymmetric, fallible)]
    fn engine() -> Result<&'static dyn Engine, NotFetched> {
        Ok(&RustCrypto)
    }

    pub async fn asymmetric() -> Result<(), String> {
        ENGINE.install(engine().await.map_err(failed)?);
        Ok(())
    }

    /// A service's operations, cut into a chunk named for the service.
    macro_rules! service_chunk {
        ($chunk:ident, $split:ident, $state:ty, $slot:ident) => {
            #[wasm_split_helpers::wasm_split($chunk, fallible)]
            fn $split() -> Result<&'static dyn Operations<$state>, NotFetched> {
                Ok(&Builtin)
            }

            pub async fn $chunk() -> Result<(), String> {
                services::$slot.install($split().await.map_err(failed)?);
                Ok(())
            }
        };
    }

    service_chunk!(ssm, ssm_operations, Ssm, SSM);
    service_chunk!(
        secretsmanager,
        secrets_operations,
        SecretsManager,
        SECRETS_MANAGER
    );
    service_chunk!(ec2, ec2_operations, Ec2, EC2);

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
