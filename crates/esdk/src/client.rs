//! Encrypt and decrypt (specification: `client-apis/encrypt.md`,
//! `decrypt.md` and `client.md`) under a commitment policy and a maximum
//! number of encrypted data keys.

use crate::aead::AesKey;
use crate::body;
use crate::cmm;
use crate::context::EncryptionContext;
use crate::error::Error;
use crate::footer;
use crate::header::{self, Header, HeaderFields};
use crate::kdf::{self, Derived};
use crate::keyring::Keyring;
use crate::policy::CommitmentPolicy;
use crate::suite::{Suite, SuiteId};
use crate::wire::Reader;
use crate::Entropy;

/// The official SDKs' default frame length.
pub const DEFAULT_FRAME_LENGTH: u32 = 4096;

#[derive(Debug, Clone, Copy, Default)]
pub struct Client {
    pub commitment_policy: CommitmentPolicy,
    /// No limit when `None`, the SDKs' default.
    pub max_encrypted_data_keys: Option<u16>,
}

/// What to encrypt with: the suite (the policy's default when `None`), the
/// frame length (0 for a non-framed body) and the encryption context.
#[derive(Debug, Clone)]
pub struct EncryptRequest {
    pub suite: Option<SuiteId>,
    pub frame_length: u32,
    pub context: EncryptionContext,
}

impl Default for EncryptRequest {
    fn default() -> EncryptRequest {
        EncryptRequest {
            suite: None,
            frame_length: DEFAULT_FRAME_LENGTH,
            context: EncryptionContext::new(),
        }
    }
}

/// A decrypted message and the header it was bound to.
#[derive(Debug, Clone)]
pub struct Decrypted {
    pub plaintext: Vec<u8>,
    pub header: Header,
}

fn cipher(derived: &Derived) -> AesKey {
    AesKey::new(&derived.encryption_key).expect("every suite's key is 16, 24 or 32 bytes")
}

impl Client {
    pub fn new(commitment_policy: CommitmentPolicy) -> Client {
        Client {
            commitment_policy,
            max_encrypted_data_keys: None,
        }
    }

    pub fn with_max_encrypted_data_keys(mut self, max: u16) -> Client {
        self.max_encrypted_data_keys = Some(max);
        self
    }

    pub fn encrypt(
        &self,
        plaintext: &[u8],
        keyring: &dyn Keyring,
        request: &EncryptRequest,
        rng: &mut dyn Entropy,
    ) -> Result<Vec<u8>, Error> {
        let suite_id = request
            .suite
            .unwrap_or_else(|| self.commitment_policy.default_suite());
        let suite = Suite::by_id(suite_id)?;
        self.commitment_policy.check_encrypt(suite)?;
        let materials = cmm::encryption_materials(keyring, &request.context, suite, rng)?;
        let count = materials.encrypted_data_keys.len();
        if let Some(max) = self
            .max_encrypted_data_keys
            .filter(|&m| count > usize::from(m))
        {
            return Err(Error::TooManyEncryptedDataKeys { count, max });
        }
        let mut message_id = vec![0u8; suite.message_id_len()];
        rng.fill_bytes(&mut message_id);
        let data_key = materials.data_key.as_deref().unwrap_or_default();
        let derived = kdf::derive(suite, data_key, &message_id);
        let key = cipher(&derived);
        let mut out = header::write_body(&HeaderFields {
            suite,
            message_id: &message_id,
            context: &materials.context,
            encrypted_data_keys: &materials.encrypted_data_keys,
            frame_length: request.frame_length,
            commit_key: derived.commit_key.as_ref(),
        })?;
        let auth = header::authenticate(suite, &key, &out);
        out.extend_from_slice(&auth);
        body::encrypt(&mut out, &key, &message_id, request.frame_length, plaintext)?;
        if let Some(signing_key) = &materials.signing_key {
            let signature = signing_key.sign(&out, rng);
            footer::write(&mut out, &signature)?;
        }
        Ok(out)
    }

    /// Decrypts `message`; every entry of `required` must be in its
    /// encryption context.
    pub fn decrypt(
        &self,
        message: &[u8],
        keyring: &dyn Keyring,
        required: &EncryptionContext,
    ) -> Result<Decrypted, Error> {
        let mut r = Reader::new(message);
        let header = Header::read(&mut r, self.max_encrypted_data_keys)?;
        let suite = header.suite;
        self.commitment_policy.check_decrypt(suite)?;
        let materials = cmm::decryption_materials(keyring, &header)?;
        let data_key = materials.data_key.as_deref().unwrap_or_default();
        let derived = kdf::derive(suite, data_key, &header.message_id);
        if let (Some(stored), Some(derived)) = (&header.commit_key, &derived.commit_key) {
            if !kdf::commit_keys_equal(stored, derived) {
                return Err(Error::CommitmentKeyMismatch);
            }
        }
        let key = cipher(&derived);
        header.verify(&key)?;
        for (k, v) in required.iter() {
            if header.context.get(k) != Some(v) {
                return Err(Error::ContextMismatch {
                    key: k.to_owned(),
                    value: v.to_owned(),
                });
            }
        }
        let frames = body::read(&mut r, &header)?;
        let plaintext = body::decrypt(&frames, &header.message_id, &key)?;
        if let Some(verifying_key) = &materials.verifying_key {
            let signed = r.position();
            let signature = footer::read(&mut r)?;
            verifying_key.verify(&message[..signed], signature)?;
        }
        if r.remaining() > 0 {
            return Err(Error::TrailingBytes(r.remaining()));
        }
        Ok(Decrypted { plaintext, header })
    }
}
