"""boto3's secretsmanager client against KeyDeck's Secrets Manager simulator,
over real HTTP and SigV4.

Run it as test_kms.py is run (see that file's docstring; the suites share
simulator.py), against a fresh `keydeck-sim serve --port 0`:

    .tools/venv/bin/python crates/sim/tests/boto3/test_secretsmanager.py --endpoint http://127.0.0.1:<port>

The simulated rotation function is named by RotationLambdaARN; one whose
name ends in `fail-at-testSecret` fails at that step. The database user a
rotation changes is read with the non-AWS `KeyDeck.GetSecretDatabaseUser`,
and the clock moves with `KeyDeck.AdvanceClock`. It exits non-zero on
failure and ends with a line "N passed, N failed".
"""

import json

import simulator
from simulator import SimulatorTest, control

ACCOUNT_A = "111122223333"
ACCOUNT_B = "444455556666"
FUNCTION = f"arn:aws:lambda:us-east-1:{ACCOUNT_A}:function:rotator"
FAILING = f"arn:aws:lambda:us-east-1:{ACCOUNT_A}:function:rotator-fail-at-testSecret"
DB = json.dumps({"engine": "postgres", "username": "app", "password": "first-password"})


def client(service, account=ACCOUNT_A, region="us-east-1"):
    return simulator.client(service, f"root-{account}", region)


def stages(sm, secret_id):
    return sm.describe_secret(SecretId=secret_id)["VersionIdsToStages"]


def password(sm, secret_id, stage="AWSCURRENT"):
    value = sm.get_secret_value(SecretId=secret_id, VersionStage=stage)["SecretString"]
    return json.loads(value)["password"]


def database_password(secret_id):
    return control("GetSecretDatabaseUser", {"SecretId": secret_id})["Password"]


class SecretsManagerSimulatorTest(SimulatorTest):
    def test_a_full_rotation_cycle_through_the_staging_labels(self):
        sm = client("secretsmanager")
        first = sm.create_secret(Name="boto/db", SecretString=DB)["VersionId"]
        self.assertEqual(stages(sm, "boto/db"), {first: ["AWSCURRENT"]})
        new = sm.rotate_secret(SecretId="boto/db", RotationLambdaARN=FUNCTION,
                               RotationRules={"AutomaticallyAfterDays": 30})["VersionId"]
        self.assertEqual(stages(sm, "boto/db"), {first: ["AWSPREVIOUS"], new: ["AWSCURRENT"]})
        self.assertNotEqual(password(sm, "boto/db"), "first-password")
        self.assertEqual(password(sm, "boto/db", "AWSPREVIOUS"), "first-password")
        self.assertEqual(database_password("boto/db"), password(sm, "boto/db"))
        described = sm.describe_secret(SecretId="boto/db")
        self.assertTrue(described["RotationEnabled"])
        self.assertEqual(described["RotationRules"]["AutomaticallyAfterDays"], 30)
        self.assertEqual((described["NextRotationDate"] - described["LastRotatedDate"]).days, 30)

        # Thirty days on, the schedule rotates again by itself.
        control("AdvanceClock", {"Days": 30})
        after = stages(sm, "boto/db")
        self.assertEqual(after[new], ["AWSPREVIOUS"])
        self.assertNotIn(first, after)
        self.assertEqual(database_password("boto/db"), password(sm, "boto/db"))

    def test_a_rotation_failing_at_test_secret_leaves_pending_then_recovers(self):
        sm = client("secretsmanager")
        first = sm.create_secret(Name="boto/stuck", SecretString=DB)["VersionId"]
        pending = sm.rotate_secret(SecretId="boto/stuck", RotationLambdaARN=FAILING)["VersionId"]
        self.assertEqual(stages(sm, "boto/stuck"), {first: ["AWSCURRENT"], pending: ["AWSPENDING"]})
        self.assert_error(lambda: sm.rotate_secret(SecretId="boto/stuck", RotationLambdaARN=FUNCTION),
                          "InvalidRequestException",
                          "A previous rotation isn't complete. That rotation will be reattempted.")
        self.assertEqual(stages(sm, "boto/stuck"), {first: ["AWSPREVIOUS"], pending: ["AWSCURRENT"]})
        self.assertEqual(database_password("boto/stuck"), password(sm, "boto/stuck"))

    def test_another_account_reads_with_a_resource_policy_and_a_customer_managed_key(self):
        key_policy = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_A}:root"},
             "Action": "kms:*", "Resource": "*"},
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_B}:root"},
             "Action": "kms:Decrypt", "Resource": "*"}]}
        key = client("kms").create_key(Policy=json.dumps(key_policy))["KeyMetadata"]["Arn"]
        sm = client("secretsmanager")
        shared = sm.create_secret(Name="boto/shared", SecretString="for-b", KmsKeyId=key)["ARN"]
        managed = sm.create_secret(Name="boto/managed", SecretString="not-for-b")["ARN"]
        partner = client("secretsmanager", ACCOUNT_B)
        self.assert_error(
            lambda: partner.get_secret_value(SecretId=shared), "AccessDeniedException",
            f"User: arn:aws:iam::{ACCOUNT_B}:root is not authorized to perform: secretsmanager:GetSecretValue "
            f"on resource: {shared} because no resource-based policy allows the secretsmanager:GetSecretValue action")
        resource_policy = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_B}:root"},
            "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}
        for name in ["boto/shared", "boto/managed"]:
            sm.put_resource_policy(SecretId=name, ResourcePolicy=json.dumps(resource_policy),
                                   BlockPublicPolicy=True)
        self.assertEqual(partner.get_secret_value(SecretId=shared)["SecretString"], "for-b")
        # Under the AWS managed key, KMS refuses the other account.
        self.assert_error(lambda: partner.get_secret_value(SecretId=managed), "AccessDeniedException",
                          "Access to KMS is not allowed")

    def test_deletion_and_restore(self):
        sm = client("secretsmanager")
        sm.create_secret(Name="boto/old", SecretString="v")
        deleted = sm.delete_secret(SecretId="boto/old", RecoveryWindowInDays=7)
        self.assertIn("DeletionDate", deleted)
        self.assert_error(lambda: sm.get_secret_value(SecretId="boto/old"), "InvalidRequestException",
                          "You can't perform this operation on the secret because it was marked for deletion.")
        self.assertIn("DeletedDate", sm.describe_secret(SecretId="boto/old"))
        sm.restore_secret(SecretId="boto/old")
        self.assertEqual(sm.get_secret_value(SecretId="boto/old")["SecretString"], "v")
        sm.delete_secret(SecretId="boto/old", RecoveryWindowInDays=7)
        control("AdvanceClock", {"Days": 7})
        self.assert_error(lambda: sm.describe_secret(SecretId="boto/old"), "ResourceNotFoundException",
                          "Secrets Manager can't find the specified secret.")

    def test_replicas_paging_and_random_passwords(self):
        sm = client("secretsmanager")
        out = sm.create_secret(Name="boto/global", SecretString="v1",
                               AddReplicaRegions=[{"Region": "eu-west-1"}])
        self.assertEqual(out["ReplicationStatus"][0]["Status"], "InSync")
        sm.put_secret_value(SecretId="boto/global", SecretString="v2")
        eu = client("secretsmanager", region="eu-west-1")
        replica = eu.get_secret_value(SecretId="boto/global")
        self.assertEqual(replica["SecretString"], "v2")
        self.assertEqual(eu.describe_secret(SecretId="boto/global")["PrimaryRegion"], "us-east-1")
        for i in range(5):
            sm.create_secret(Name=f"boto/page/{i}", SecretString="v")
        pages = sm.get_paginator("list_secrets").paginate(
            Filters=[{"Key": "name", "Values": ["boto/page/"]}], PaginationConfig={"PageSize": 2})
        names = [s["Name"] for page in pages for s in page["SecretList"]]
        self.assertEqual(names, [f"boto/page/{i}" for i in range(5)])
        pw = sm.get_random_password(PasswordLength=20, ExcludePunctuation=True)["RandomPassword"]
        self.assertEqual(len(pw), 20)
        self.assertTrue(pw.isalnum())


if __name__ == "__main__":
    simulator.run(SecretsManagerSimulatorTest)
