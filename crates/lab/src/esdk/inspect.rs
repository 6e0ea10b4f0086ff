//! The byte viewer's reading of a file: the annotated parse of
//! `keydeck-esdk`, each field with its part of the message and what it is
//! for (<https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/message-format.html>).

use keydeck_esdk::Field;
use keydeck_lab_protocol::{FieldGroup, Inspection, MessageField};

use crate::io::Vfs;

pub fn inspect(files: &Vfs, file: &str) -> Inspection {
    let names = files.list().map(|(n, _)| n.to_owned()).collect();
    let Some(bytes) = files.read(file).filter(|_| !file.is_empty()) else {
        return Inspection {
            files: names,
            file: file.to_owned(),
            failure: (!file.is_empty()).then(|| format!("There is no file called {file}.")),
            ..Inspection::default()
        };
    };
    let annotation = keydeck_esdk::annotate(bytes);
    let fields = annotation
        .spans
        .iter()
        .map(|span| MessageField {
            start: span.range.start,
            len: span.range.len(),
            name: capitalized(&span.field.to_string()),
            value: span.value(bytes),
            explanation: explanation(span.field).to_owned(),
            group: group(span.field),
        })
        .collect();
    Inspection {
        files: names,
        file: file.to_owned(),
        bytes: bytes.to_vec(),
        fields,
        failure: annotation.error.map(|e| e.to_string()),
    }
}

fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The part of the message a field is in.
pub fn group(field: Field) -> FieldGroup {
    use Field::*;
    match field {
        AadLength
        | ContextCount
        | ContextKeyLength(_)
        | ContextKey(_)
        | ContextValueLength(_)
        | ContextValue(_) => FieldGroup::EncryptionContext,
        EdkCount
        | EdkProviderIdLength(_)
        | EdkProviderId(_)
        | EdkProviderInfoLength(_)
        | EdkProviderInfo(_)
        | EdkCiphertextLength(_)
        | EdkCiphertext(_) => FieldGroup::EncryptedDataKeys,
        FinalFrameMarker
        | FrameSequenceNumber(_)
        | FrameIv(_)
        | FinalFrameContentLength(_)
        | FrameContent(_)
        | FrameTag(_)
        | BodyIv
        | BodyContentLength
        | BodyContent
        | BodyTag => FieldGroup::Body,
        SignatureLength | Signature => FieldGroup::Footer,
        Version | Type | SuiteId | MessageId | ContentType | Reserved | IvLength | FrameLength
        | CommitKey | HeaderIv | HeaderTag => FieldGroup::Header,
    }
}

/// What a field is for, and what changing it breaks.
pub fn explanation(field: Field) -> &'static str {
    use Field::*;
    match field {
        Version => "The message format version: 0x02 for suites with key commitment, 0x01 before them.",
        Type => "Version 1 only: the message type, 0x80 (customer authenticated encrypted data).",
        SuiteId => "The algorithm suite: the data key's length, the key derivation, key commitment and the signature algorithm.",
        MessageId => "A random value that identifies the message; the encryption key is derived from the data key and this ID.",
        AadLength => "The length of the serialized encryption context that follows.",
        ContextCount => "How many key-value pairs the encryption context holds.",
        ContextKeyLength(_) | ContextValueLength(_) => "The length of the encryption context key or value that follows.",
        ContextKey(_) | ContextValue(_) => "An encryption context entry, in plaintext: it is authenticated with the header, so changing it fails the header's tag.",
        EdkCount => "How many encrypted copies of the data key the message carries, one per wrapping key.",
        EdkProviderIdLength(_) | EdkProviderInfoLength(_) | EdkCiphertextLength(_) => "The length of the encrypted data key field that follows.",
        EdkProviderId(_) => "Who wrapped this copy of the data key: aws-kms for AWS KMS keys.",
        EdkProviderInfo(_) => "Which wrapping key: for AWS KMS, the key ARN that decrypts this copy.",
        EdkCiphertext(_) => "The data key encrypted under the wrapping key (for AWS KMS, the CiphertextBlob of GenerateDataKey).",
        ContentType => "0x02 for a framed body, 0x01 for a non-framed one.",
        Reserved => "Version 1 only: four reserved bytes, always zero.",
        IvLength => "Version 1 only: the length of each IV, 12 bytes.",
        FrameLength => "The plaintext bytes in each frame of a framed body.",
        CommitKey => "The commitment key: derived from the data key, it proves the message decrypts to one plaintext only.",
        HeaderIv => "Version 1 only: the IV of the header's authentication tag.",
        HeaderTag => "The header's AES-GCM tag over every header field: any changed header byte fails it.",
        FinalFrameMarker => "0xFFFFFFFF: the frame that follows is the last one.",
        FrameSequenceNumber(_) => "The frame's number, from 1; frames must come in order.",
        FrameIv(_) => "The frame's IV, unique within the message.",
        FinalFrameContentLength(_) => "The length of the last frame's encrypted content, at most the frame length.",
        FrameContent(_) | BodyContent => "Encrypted content: your data under the derived encryption key.",
        FrameTag(_) | BodyTag => "The AES-GCM tag over the content, the message ID and the sequence number: a changed byte fails it.",
        BodyIv => "The IV of the non-framed body.",
        BodyContentLength => "The length of the non-framed body's encrypted content.",
        SignatureLength => "The length of the ECDSA signature that follows.",
        Signature => "ECDSA over the whole message before it, with the private key whose public key is in the encryption context.",
    }
}
