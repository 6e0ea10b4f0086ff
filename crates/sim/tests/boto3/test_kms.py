"""boto3 against the KeyDeck KMS simulator, over real HTTP and SigV4.

`cargo xtask test` runs it (xtask/src/sdk_suite.rs): it installs the pinned
requirements into a virtualenv under .tools/, builds and starts
`keydeck-sim serve --port 0`, and runs this file with `--endpoint`. By hand,
from the repository root:

    cargo run -p keydeck-sim -- serve --port 4566 &
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install -r crates/sim/tests/boto3/requirements.txt
    .tools/venv/bin/python crates/sim/tests/boto3/test_kms.py --endpoint http://127.0.0.1:4566

`--port 0` makes the server pick a free port and print it on its first line
("keydeck-sim listening on http://127.0.0.1:<port>"). The suite needs a
fresh server: it moves the simulated clock. It exits non-zero on failure and
ends with a line "N passed, N failed".

Callers are named by access key ID (the secret is ignored): `root-<account>`
is that account's root user. The simulated clock moves with the non-AWS
target `KeyDeck.AdvanceClock`.
"""

import json

import simulator
from simulator import SimulatorTest, control

ACCOUNT_A = "111122223333"
ACCOUNT_B = "444455556666"


def kms(account=ACCOUNT_A, region="us-east-1"):
    return simulator.client("kms", f"root-{account}", region)


def advance_clock(days):
    return control("AdvanceClock", {"Days": days})


class KmsSimulatorTest(SimulatorTest):
    def test_create_key_alias_and_encrypt_decrypt_with_context(self):
        client = kms()
        key = client.create_key(Description="boto3 suite")["KeyMetadata"]
        self.assertEqual(key["KeyState"], "Enabled")
        self.assertEqual(key["KeySpec"], "SYMMETRIC_DEFAULT")
        client.create_alias(AliasName="alias/boto3-app", TargetKeyId=key["KeyId"])
        sealed = client.encrypt(KeyId="alias/boto3-app", Plaintext=b"hello", EncryptionContext={"app": "boto3"})
        self.assertEqual(sealed["KeyId"], key["Arn"])
        opened = client.decrypt(CiphertextBlob=sealed["CiphertextBlob"], EncryptionContext={"app": "boto3"})
        self.assertEqual(opened["Plaintext"], b"hello")
        self.assertEqual(opened["KeyId"], key["Arn"])
        aliases = [a["AliasName"] for a in client.list_aliases(KeyId=key["KeyId"])["Aliases"]]
        self.assertEqual(aliases, ["alias/boto3-app"])

    def test_a_wrong_context_is_invalid_ciphertext(self):
        client = kms()
        key_id = client.create_key()["KeyMetadata"]["KeyId"]
        blob = client.encrypt(KeyId=key_id, Plaintext=b"x", EncryptionContext={"ab": "c"})["CiphertextBlob"]
        self.assert_error(
            lambda: client.decrypt(CiphertextBlob=blob, EncryptionContext={"a": "bc"}),
            "InvalidCiphertextException",
        )

    def test_rotation_keeps_old_ciphertext_decrypting(self):
        client = kms()
        key_id = client.create_key()["KeyMetadata"]["KeyId"]
        old = client.encrypt(KeyId=key_id, Plaintext=b"before")["CiphertextBlob"]
        client.enable_key_rotation(KeyId=key_id, RotationPeriodInDays=90)
        status = client.get_key_rotation_status(KeyId=key_id)
        self.assertTrue(status["KeyRotationEnabled"])
        self.assertEqual(status["RotationPeriodInDays"], 90)
        advance_clock(90)
        rotations = client.list_key_rotations(KeyId=key_id)["Rotations"]
        self.assertEqual([r["RotationType"] for r in rotations], ["AUTOMATIC"])
        new = client.encrypt(KeyId=key_id, Plaintext=b"after")["CiphertextBlob"]
        self.assertEqual(client.decrypt(CiphertextBlob=old)["Plaintext"], b"before")
        self.assertEqual(client.decrypt(CiphertextBlob=new)["Plaintext"], b"after")
        # botocore itself refuses RotationPeriodInDays below 90 before sending,
        # so that limit is covered by the Rust tests.

    def test_a_disabled_key_gives_disabled_exception(self):
        client = kms()
        arn = client.create_key()["KeyMetadata"]["Arn"]
        client.disable_key(KeyId=arn)
        self.assert_error(lambda: client.encrypt(KeyId=arn, Plaintext=b"x"), "DisabledException", f"{arn} is disabled.")
        client.enable_key(KeyId=arn)
        client.encrypt(KeyId=arn, Plaintext=b"x")

    def test_scheduled_deletion_gives_kms_invalid_state(self):
        client = kms()
        arn = client.create_key()["KeyMetadata"]["Arn"]
        scheduled = client.schedule_key_deletion(KeyId=arn, PendingWindowInDays=7)
        self.assertEqual(scheduled["KeyState"], "PendingDeletion")
        self.assert_error(
            lambda: client.encrypt(KeyId=arn, Plaintext=b"x"),
            "KMSInvalidStateException",
            f"{arn} is pending deletion.",
        )
        self.assert_error(
            lambda: client.schedule_key_deletion(KeyId=arn, PendingWindowInDays=6),
            "ValidationException",
        )
        client.cancel_key_deletion(KeyId=arn)
        self.assertEqual(client.describe_key(KeyId=arn)["KeyMetadata"]["KeyState"], "Disabled")

    def test_cross_account_denial_then_the_key_policy_fix(self):
        owner, outsider = kms(ACCOUNT_A), kms(ACCOUNT_B)
        arn = owner.create_key()["KeyMetadata"]["Arn"]
        self.assert_error(
            lambda: outsider.encrypt(KeyId=arn, Plaintext=b"x"),
            "AccessDeniedException",
            f"User: arn:aws:iam::{ACCOUNT_B}:root is not authorized to perform: kms:Encrypt on resource: {arn} "
            "because no resource-based policy allows the kms:Encrypt action",
        )
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "Owner", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_A}:root"},
                 "Action": "kms:*", "Resource": "*"},
                {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_B}:root"},
                 "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"},
            ],
        }
        owner.put_key_policy(KeyId=arn, PolicyName="default", Policy=json.dumps(policy))
        blob = outsider.encrypt(KeyId=arn, Plaintext=b"shared")["CiphertextBlob"]
        self.assertEqual(owner.decrypt(CiphertextBlob=blob)["Plaintext"], b"shared")

    def test_unknown_key_ids_are_not_found(self):
        client = kms()
        self.assert_error(lambda: client.describe_key(KeyId="nope"), "NotFoundException", "Invalid keyId 'nope'")


if __name__ == "__main__":
    simulator.run(KmsSimulatorTest)
