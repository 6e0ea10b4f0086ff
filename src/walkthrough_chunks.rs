//! Each shipped walkthrough in a chunk of its own: a step's page fetches
//! the walkthrough it shows (its steps, recorded layouts and narration),
//! not all seven. The player's route fetches it as soon as its own code
//! has come (`fetch_for_route`, its `ready`); the player then reads it with
//! [`fetched`]. The list, the progress page and the labs name walkthroughs
//! from `builtin::LIST`, which holds no steps.

use std::cell::RefCell;

use keydeck_study::walkthrough::builtin::{self, Shipped};
use leptos::prelude::*;

use crate::lazy::{Arriving, ChunkMissing};

thread_local! {
    /// The walkthroughs whose chunks have come.
    static FETCHED: RefCell<Vec<&'static Shipped>> = const { RefCell::new(Vec::new()) };
}

macro_rules! chunks {
    ($($id:literal => $point:ident, $shipped:ident;)*) => {
        /// Fetches a shipped walkthrough's chunk, or finds it fetched;
        /// `None` for an id that names no shipped walkthrough.
        pub async fn fetch(id: &str) -> Option<Result<&'static Shipped, ChunkMissing>> {
            if let Some(shipped) = fetched(id) {
                return Some(Ok(shipped));
            }
            let got = match id {
                $($id => {
                    #[leptos::wasm_split::wasm_split($point, fallible, wasm_split_path = ::leptos::wasm_split)]
                    fn load() -> Result<&'static Shipped, ChunkMissing> {
                        Ok(&builtin::$shipped)
                    }
                    load().await
                })*
                _ => return None,
            };
            if let Ok(shipped) = got {
                FETCHED.with_borrow_mut(|all| all.push(shipped));
            }
            Some(got)
        }
    };
}

chunks! {
    "snapshot-copy" => walkthrough_snapshot_copy, SNAPSHOT_COPY;
    "envelope-encryption" => walkthrough_envelope_encryption, ENVELOPE_ENCRYPTION;
    "s3-replication-sse-kms" => walkthrough_s3_replication, S3_REPLICATION_SSE_KMS;
    "ami-sharing" => walkthrough_ami_sharing, AMI_SHARING;
    "multi-region-client-side" => walkthrough_multi_region, MULTI_REGION_CLIENT_SIDE;
    "secrets-rotation" => walkthrough_secrets_rotation, SECRETS_ROTATION;
    "parameter-store-securestring" => walkthrough_securestring, PARAMETER_STORE_SECURESTRING;
}

/// A walkthrough whose chunk has come.
pub fn fetched(id: &str) -> Option<&'static Shipped> {
    FETCHED.with_borrow(|all| all.iter().copied().find(|s| s.walkthrough.id == id))
}

/// The player route's `ready`: fetches the walkthrough its address names,
/// so that the player draws it at once. An unknown id is the player's own
/// not-found page. The fetching is done by the `walkthroughs` chunk, which
/// holds the seven walkthroughs' loaders: the main module, which every page
/// loads, only asks it to.
pub async fn fetch_for_route() -> Result<(), ChunkMissing> {
    #[leptos::wasm_split::wasm_split(walkthroughs, fallible, wasm_split_path = ::leptos::wasm_split)]
    fn fetcher() -> Result<fn(String) -> Arriving<()>, ChunkMissing> {
        Ok(|id| {
            Box::pin(async move {
                match fetch(&id).await {
                    Some(got) => got.map(|_| ()),
                    None => Ok(()),
                }
            })
        })
    }
    let Some(id) = leptos_router::hooks::use_params_map().with_untracked(|p| p.get("id")) else {
        return Ok(());
    };
    fetcher().await?(id).await
}
