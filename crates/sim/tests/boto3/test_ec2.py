"""boto3's ec2 client against KeyDeck's EBS simulation, over real HTTP,
SigV4 and EC2's Query protocol: the five steps of copying an encrypted
snapshot to another account, with the copy failing first while the key
policy leaves the other account out.

Run it as test_kms.py is run (see that file's docstring; the suites share
simulator.py), against a fresh `keydeck-sim serve --port 0`:

    .tools/venv/bin/python crates/sim/tests/boto3/test_ec2.py --endpoint http://127.0.0.1:<port>

It exits non-zero on failure and ends with a line "N passed, N failed".
"""

import json

import simulator
from simulator import SimulatorTest, control

A = "111122223333"
B = "444455556666"


def client(service, access_key):
    return simulator.client(service, access_key)


def key_policy(with_b):
    statements = [{"Sid": "Enable IAM policies", "Effect": "Allow",
                   "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": "kms:*", "Resource": "*"}]
    if with_b:
        statements.append({
            "Sid": "Account B may use the key for its copies", "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{B}:root"},
            "Action": ["kms:DescribeKey", "kms:CreateGrant", "kms:Decrypt", "kms:ReEncrypt*",
                       "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"],
            "Resource": "*"})
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


class Ec2SimulatorTest(SimulatorTest):
    def setUp(self):
        self.ec2_a = client("ec2", f"root-{A}")
        self.kms_a = client("kms", f"root-{A}")
        self.ec2_b = client("ec2", f"user-{B}-copier")
        self.kms_b = client("kms", f"root-{B}")
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:*", "kms:*"],
                                                          "Resource": "*"}]}
        control("PutPrincipalPolicy", {"PrincipalArn": f"arn:aws:iam::{B}:user/copier", "PolicyName": "copier",
                                       "PolicyDocument": json.dumps(policy)})

    def shared_snapshot(self):
        """Steps 1 and 3: A's key, encrypted volume and snapshot, shared with B."""
        key_a = self.kms_a.create_key(Policy=key_policy(False))["KeyMetadata"]["Arn"]
        volume = self.ec2_a.create_volume(AvailabilityZone="us-east-1a", Size=8, VolumeType="gp3",
                                          Encrypted=True, KmsKeyId=key_a)
        self.assertEqual((volume["State"], volume["KmsKeyId"]), ("creating", key_a))
        snapshot = self.ec2_a.create_snapshot(VolumeId=volume["VolumeId"], Description="orders db")
        self.assertEqual((snapshot["State"], snapshot["Encrypted"]), ("pending", True))
        snapshot_id = snapshot["SnapshotId"]
        self.ec2_a.modify_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission",
                                             OperationType="add", UserIds=[B])
        shared = self.ec2_a.describe_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission")
        self.assertEqual(shared["CreateVolumePermissions"], [{"UserId": B}])
        return key_a, snapshot_id

    def test_five_steps_copy_an_encrypted_snapshot_to_another_account(self):
        key_a, snapshot_id = self.shared_snapshot()
        key_b = self.kms_b.create_key()["KeyMetadata"]["Arn"]
        seen = self.ec2_b.describe_snapshots(OwnerIds=[A], RestorableByUserIds=["self"])["Snapshots"]
        self.assertEqual([s["SnapshotId"] for s in seen], [snapshot_id])
        self.assertEqual(seen[0]["State"], "completed")

        # Before step 2 the copy fails: A's key policy leaves account B out.
        failed = self.ec2_b.copy_snapshot(SourceSnapshotId=snapshot_id, SourceRegion="us-east-1",
                                          Encrypted=True, KmsKeyId=key_b)["SnapshotId"]
        failed = self.ec2_b.describe_snapshots(SnapshotIds=[failed])["Snapshots"][0]
        self.assertEqual((failed["State"], failed["StateMessage"]), ("error", "Given key ID is not accessible"))

        # 2: A lets account B use its key.
        self.kms_a.put_key_policy(KeyId=key_a, PolicyName="default", Policy=key_policy(True))
        # 4: B copies the snapshot under its own key.
        copied = self.ec2_b.copy_snapshot(SourceSnapshotId=snapshot_id, SourceRegion="us-east-1",
                                          Encrypted=True, KmsKeyId=key_b, Description="copy in B")["SnapshotId"]
        copy = self.ec2_b.describe_snapshots(
            OwnerIds=["self"], Filters=[{"Name": "status", "Values": ["completed"]},
                                        {"Name": "encrypted", "Values": ["true"]}])["Snapshots"]
        self.assertEqual([s["SnapshotId"] for s in copy], [copied])
        self.assertEqual((copy[0]["KmsKeyId"], copy[0]["OwnerId"], copy[0]["Description"]), (key_b, B, "copy in B"))
        # 5: B creates a volume from its copy, under its own key.
        volume = self.ec2_b.create_volume(AvailabilityZone="us-east-1b", SnapshotId=copied)
        volume = self.ec2_b.describe_volumes(VolumeIds=[volume["VolumeId"]])["Volumes"][0]
        self.assertEqual((volume["State"], volume["Encrypted"], volume["KmsKeyId"], volume["Size"]),
                         ("available", True, key_b, 8))

        events = control("LookupEvents", {})["Events"]
        decrypts = [e for e in events if e["eventName"] == "Decrypt"]
        self.assertEqual(decrypts[0]["errorCode"], "AccessDeniedException")
        self.assertEqual(decrypts[0]["userIdentity"]["invokedBy"], "ec2.us-east-1.amazonaws.com")
        self.assertNotIn("errorCode", decrypts[-1])

    def test_a_snapshot_under_the_aws_managed_key_cannot_be_shared(self):
        volume = self.ec2_a.create_volume(AvailabilityZone="us-east-1a", Size=1, Encrypted=True)
        snapshot_id = self.ec2_a.create_snapshot(VolumeId=volume["VolumeId"])["SnapshotId"]
        self.assert_error(
            lambda: self.ec2_a.modify_snapshot_attribute(
                SnapshotId=snapshot_id, CreateVolumePermission={"Add": [{"UserId": B}]}),
            "OperationNotPermitted", "Encrypted snapshots with EBS default key cannot be shared")

    def test_errors_come_back_in_ec2_form(self):
        self.assert_error(lambda: self.ec2_a.describe_snapshots(SnapshotIds=["snap-0123456789abcdef0"]),
                          "InvalidSnapshot.NotFound", "The snapshot 'snap-0123456789abcdef0' does not exist.")
        self.assert_error(lambda: self.ec2_a.describe_volumes(VolumeIds=["vol-0123456789abcdef0"]),
                          "InvalidVolume.NotFound", "The volume 'vol-0123456789abcdef0' does not exist.")
        self.assert_error(lambda: self.ec2_a.create_volume(AvailabilityZone="us-east-1a", Size=8,
                                                           KmsKeyId="alias/aws/ebs"),
                          "InvalidParameterDependency",
                          "The parameter KmsKeyId requires the parameter Encrypted to be set.")
        intern = client("ec2", f"user-{B}-intern")
        self.assert_error(lambda: intern.describe_snapshots(), "UnauthorizedOperation",
                          f"You are not authorized to perform this operation. User: arn:aws:iam::{B}:user/intern "
                          "is not authorized to perform: ec2:DescribeSnapshots because no identity-based policy "
                          "allows the ec2:DescribeSnapshots action")
        self.assert_error(lambda: self.ec2_a.create_volume(AvailabilityZone="us-east-1a", Size=8, DryRun=True),
                          "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")

    def test_paging_and_deleting(self):
        volume = self.ec2_a.create_volume(AvailabilityZone="us-east-1c", Size=2)["VolumeId"]
        made = [self.ec2_a.create_snapshot(VolumeId=volume)["SnapshotId"] for _ in range(6)]
        pages = self.ec2_a.get_paginator("describe_snapshots").paginate(
            OwnerIds=["self"], Filters=[{"Name": "volume-id", "Values": [volume]}],
            PaginationConfig={"PageSize": 5})
        self.assertEqual([s["SnapshotId"] for page in pages for s in page["Snapshots"]], made)
        self.ec2_a.delete_snapshot(SnapshotId=made[0])
        self.assert_error(lambda: self.ec2_a.delete_snapshot(SnapshotId=made[0]), "InvalidSnapshot.NotFound")


if __name__ == "__main__":
    simulator.run(Ec2SimulatorTest)
