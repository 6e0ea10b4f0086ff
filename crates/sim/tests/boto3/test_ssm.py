"""boto3's ssm client against KeyDeck's Parameter Store simulator, over real
HTTP and SigV4.

Run it as test_kms.py is run (see that file's docstring; both suites share
simulator.py), against a fresh `keydeck-sim serve --port 0`:

    .tools/venv/bin/python crates/sim/tests/boto3/test_ssm.py --endpoint http://127.0.0.1:<port>

It reads the simulated clock with `KeyDeck.GetClock` and moves it with
`KeyDeck.AdvanceClock`. It exits non-zero on failure and ends with a line
"N passed, N failed".
"""

import json
from datetime import datetime, timedelta, timezone

import simulator
from simulator import SimulatorTest, control

ACCOUNT = "111122223333"
ROOT = f"arn:aws:iam::{ACCOUNT}:root"


def client(service, access_key=f"root-{ACCOUNT}"):
    return simulator.client(service, access_key)


def key_with_policy(*statements):
    admin = {"Effect": "Allow", "Principal": {"AWS": ROOT},
             "Action": ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy"], "Resource": "*"}
    policy = {"Version": "2012-10-17", "Statement": [admin, *statements]}
    key = client("kms").create_key(Policy=json.dumps(policy), BypassPolicyLockoutSafetyCheck=True)
    return key["KeyMetadata"]["Arn"]


class SsmSimulatorTest(SimulatorTest):
    def test_secure_string_round_trip_under_the_aws_managed_key(self):
        ssm = client("ssm")
        put = ssm.put_parameter(Name="/boto/db/password", Value="hunter2", Type="SecureString")
        self.assertEqual((put["Version"], put["Tier"]), (1, "Standard"))
        plain = ssm.get_parameter(Name="/boto/db/password", WithDecryption=True)["Parameter"]
        self.assertEqual(plain["Value"], "hunter2")
        sealed = ssm.get_parameter(Name="/boto/db/password")["Parameter"]
        self.assertNotEqual(sealed["Value"], "hunter2")
        described = ssm.describe_parameters(
            ParameterFilters=[{"Key": "Name", "Values": ["/boto/db/password"]}])["Parameters"]
        self.assertEqual(described[0]["KeyId"], "alias/aws/ssm")

    def test_a_key_policy_without_encrypt_denies_the_secure_string(self):
        key = key_with_policy()
        self.assert_error(
            lambda: client("ssm").put_parameter(Name="/boto/denied", Value="v", Type="SecureString", KeyId=key),
            "AccessDeniedException",
            f"User: {ROOT} is not authorized to perform: kms:Encrypt on resource: {key} "
            "because no resource-based policy allows the kms:Encrypt action")

    def test_kms_via_service_must_name_ssm(self):
        def via(service):
            return {"Effect": "Allow", "Principal": {"AWS": ROOT}, "Action": ["kms:Encrypt", "kms:Decrypt"],
                    "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": f"{service}.us-east-1.amazonaws.com"}}}
        ssm = client("ssm")
        wrong = key_with_policy(via("secretsmanager"))
        self.assert_error(
            lambda: ssm.put_parameter(Name="/boto/via", Value="v", Type="SecureString", KeyId=wrong),
            "AccessDeniedException")
        right = key_with_policy(via("ssm"))
        ssm.put_parameter(Name="/boto/via", Value="v", Type="SecureString", KeyId=right)
        self.assertEqual(ssm.get_parameter(Name="/boto/via", WithDecryption=True)["Parameter"]["Value"], "v")
        # The same key refuses a direct call: only the one through ssm is allowed.
        self.assert_error(lambda: client("kms").encrypt(KeyId=right, Plaintext=b"v"), "AccessDeniedException")

    def test_a_user_needs_an_iam_allow_for_ssm(self):
        client("ssm").put_parameter(Name="/boto/iam/x", Value="v", Type="String")
        alice = client("ssm", f"user-{ACCOUNT}-alice")
        self.assert_error(
            lambda: alice.get_parameter(Name="/boto/iam/x"), "AccessDeniedException",
            f"User: arn:aws:iam::{ACCOUNT}:user/alice is not authorized to perform: ssm:GetParameter on resource: "
            f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/boto/iam/x because no identity-based policy allows the ssm:GetParameter action")
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:GetParameter",
                                                          "Resource": f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/boto/iam/*"}]}
        control("PutPrincipalPolicy", {"PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/alice", "PolicyName": "read",
                                       "PolicyDocument": json.dumps(policy)})
        self.assertEqual(alice.get_parameter(Name="/boto/iam/x")["Parameter"]["Value"], "v")

    def test_label_selectors(self):
        ssm = client("ssm")
        for value in ["one", "two", "three"]:
            ssm.put_parameter(Name="/boto/app/flag", Value=value, Type="String", Overwrite=True)
        out = ssm.label_parameter_version(Name="/boto/app/flag", ParameterVersion=1, Labels=["stable", "1bad"])
        self.assertEqual(out["InvalidLabels"], ["1bad"])
        self.assertEqual(ssm.get_parameter(Name="/boto/app/flag:stable")["Parameter"]["Value"], "one")
        self.assertEqual(ssm.get_parameter(Name="/boto/app/flag:2")["Parameter"]["Value"], "two")
        ssm.label_parameter_version(Name="/boto/app/flag", Labels=["stable"])
        moved = ssm.get_parameter(Name="/boto/app/flag:stable")["Parameter"]
        self.assertEqual((moved["Value"], moved["Selector"]), ("three", ":stable"))
        self.assert_error(lambda: ssm.get_parameter(Name="/boto/app/flag:9"), "ParameterVersionNotFound",
                          "Systems Manager could not find version 9 of /boto/app/flag. Verify the version and try again.")
        found = ssm.get_parameters(Names=["/boto/app/flag:stable", "/boto/app/none"])
        self.assertEqual(found["InvalidParameters"], ["/boto/app/none"])

    def test_recursive_by_path_read_in_pages(self):
        ssm = client("ssm")
        names = [f"/boto/tree/{a}/{b}" for a in "xyz" for b in "12"] + ["/boto/tree/top"]
        for name in names:
            ssm.put_parameter(Name=name, Value=name, Type="String")
        pages = ssm.get_paginator("get_parameters_by_path").paginate(
            Path="/boto/tree", Recursive=True, PaginationConfig={"PageSize": 2})
        seen = [p["Name"] for page in pages for p in page["Parameters"]]
        self.assertEqual(seen, sorted(names))
        one_level = ssm.get_parameters_by_path(Path="/boto/tree")["Parameters"]
        self.assertEqual([p["Name"] for p in one_level], ["/boto/tree/top"])

    def test_an_expiration_policy_deletes_the_parameter_when_the_clock_moves(self):
        ssm = client("ssm")
        now = datetime.fromtimestamp(control("GetClock", {})["Now"], tz=timezone.utc)
        at = (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        policy = [{"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": at}}]
        put = ssm.put_parameter(Name="/boto/temp", Value="v", Type="String", Tier="Advanced",
                                Policies=json.dumps(policy))
        self.assertEqual(put["Tier"], "Advanced")
        control("AdvanceClock", {"Days": 1})
        self.assertEqual(ssm.get_parameter(Name="/boto/temp")["Parameter"]["Value"], "v")
        control("AdvanceClock", {"Days": 2})
        self.assert_error(lambda: ssm.get_parameter(Name="/boto/temp"), "ParameterNotFound")
        events = control("LookupEvents", {})["Events"]
        fired = [e for e in events if e["eventName"] == "Parameter Store Policy Action"]
        self.assertEqual(fired[-1]["requestParameters"]["policyType"], "Expiration")


if __name__ == "__main__":
    simulator.run(SsmSimulatorTest)
