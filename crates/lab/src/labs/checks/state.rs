//! Reading the simulator's state and the terminal's files: the learner's
//! customer managed keys, and files that hold KMS ciphertext.

use keydeck_sim::kms::model::blob::{self, Header};
use keydeck_sim::kms::model::keys::KeyManager;
use keydeck_sim::kms::Key;

use super::YOUR_ACCOUNT;
use crate::session::Session;

/// The customer managed keys of your account, in every Region.
pub(super) fn your_keys(session: &Session) -> impl Iterator<Item = &Key> {
    session
        .sim()
        .kms()
        .keys()
        .filter(|k| k.manager == KeyManager::Customer && k.account.as_str() == YOUR_ACCOUNT)
}

/// Every file with its bytes, in name order.
pub(super) fn files(session: &Session) -> impl Iterator<Item = (&str, &[u8])> {
    let vfs = session.files();
    vfs.list()
        .filter_map(move |(name, _)| vfs.read(name).map(|bytes| (name, bytes)))
}

/// A file that holds a symmetric KMS ciphertext blob of a key that exists.
pub(super) struct CiphertextFile<'a> {
    pub bytes: &'a [u8],
    pub header: Header,
    pub key: &'a Key,
}

/// Every file that is a KMS ciphertext blob, with the key that made it.
pub(super) fn ciphertext_files(session: &Session) -> Vec<CiphertextFile<'_>> {
    files(session)
        .filter_map(|(_, bytes)| {
            let header = blob::parse(bytes)?;
            let key = session
                .sim()
                .kms()
                .keys()
                .find(|k| k.id == header.key_id && k.account.as_str() == header.account)?;
            Some(CiphertextFile { bytes, header, key })
        })
        .collect()
}

/// Whether `reference` (a key ID, key ARN, alias name or alias ARN, as
/// services record the KmsKeyId they were given) names a customer managed
/// key of `account`.
pub(super) fn names_customer_key(session: &Session, account: &str, reference: &str) -> bool {
    let kms = session.sim().kms();
    kms.keys()
        .filter(|k| k.manager == KeyManager::Customer && k.account.as_str() == account)
        .any(|k| {
            reference == k.id
                || reference == k.arn()
                || kms.aliases_of(k).iter().any(|alias| {
                    reference == alias
                        || reference == format!("arn:aws:kms:{}:{account}:{alias}", k.region)
                })
        })
}
