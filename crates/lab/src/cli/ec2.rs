//! `aws ec2`: the EBS operations the simulator implements, with the
//! members, types and required members of the EC2 API reference
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/OperationList-query-ebs.html>),
//! in the order `aws ec2` lists them. The CLI speaks EC2's Query protocol
//! to AWS; here it calls the simulator in JSON with the same member names,
//! and prints what the CLI prints (`Snapshots`, `SnapshotId`, …).

use super::model::{
    self, op, opt, req, Member, Operation, Service, Shape, INT1, NEXT_TOKEN, STR, STR1, STR_LIST,
};

const DRY_RUN: Member = opt("DryRun", Shape::Bool);
const SNAPSHOT_ID: Member = req("SnapshotId", STR1);
const ENCRYPTED: Member = opt("Encrypted", Shape::Bool);
const KMS_KEY_ID: Member = opt("KmsKeyId", STR1);
const DESCRIPTION: Member = opt("Description", STR);
const MAX_RESULTS: Member = opt("MaxResults", INT1);
const NEXT: Member = opt("NextToken", STR);
const FILTER: [Member; 2] = [opt("Name", STR), opt("Values", STR_LIST)];
const FILTERS: Member = opt("Filters", Shape::List(&Shape::Structure(&FILTER)));
const PERMISSION: [Member; 2] = [opt("UserId", STR), opt("Group", STR)];
const PERMISSIONS: Shape = Shape::List(&Shape::Structure(&PERMISSION));
const MODIFICATIONS: [Member; 2] = [opt("Add", PERMISSIONS), opt("Remove", PERMISSIONS)];

pub const EC2: Service = Service {
    name: "ec2",
    endpoint: "ec2",
    operations: OPERATIONS,
};

#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    op("CopySnapshot", "Copies a snapshot you own or that is shared with you, re-encrypted under --kms-key-id if given.", &[
        DESCRIPTION, opt("DestinationRegion", STR), ENCRYPTED, KMS_KEY_ID, req("SourceRegion", STR1),
        req("SourceSnapshotId", STR1), DRY_RUN,
    ]),
    op("CreateSnapshot", "Takes a snapshot of a volume; a snapshot of an encrypted volume is encrypted under its key.", &[
        DESCRIPTION, req("VolumeId", STR1), DRY_RUN,
    ]),
    op("CreateVolume", "Creates a volume, empty or from a snapshot; --encrypted encrypts it under --kms-key-id or aws/ebs.", &[
        req("AvailabilityZone", STR1), ENCRYPTED, opt("Iops", INT1), KMS_KEY_ID, opt("Size", INT1),
        opt("SnapshotId", STR1), opt("VolumeType", STR1), opt("Throughput", INT1), DRY_RUN,
    ]),
    op("DeleteSnapshot", "Deletes a snapshot you own.", &[SNAPSHOT_ID, DRY_RUN]),
    op("DescribeSnapshotAttribute", "Shows a snapshot's createVolumePermission (who it is shared with) or productCodes.", &[
        req("Attribute", STR1), SNAPSHOT_ID, DRY_RUN,
    ]),
    model::paged("DescribeSnapshots", "Lists the snapshots you own and those shared with you.", &[
        MAX_RESULTS, NEXT, opt("OwnerIds", STR_LIST), opt("RestorableByUserIds", STR_LIST),
        opt("SnapshotIds", STR_LIST), DRY_RUN, FILTERS,
    ], "Snapshots", NEXT_TOKEN),
    model::paged("DescribeVolumes", "Lists your volumes.", &[
        opt("VolumeIds", STR_LIST), DRY_RUN, FILTERS, NEXT, MAX_RESULTS,
    ], "Volumes", NEXT_TOKEN),
    op("ModifySnapshotAttribute", "Shares a snapshot with accounts (createVolumePermission), or stops sharing it.", &[
        opt("Attribute", STR1), opt("CreateVolumePermission", Shape::Structure(&MODIFICATIONS)),
        opt("GroupNames", STR_LIST), opt("OperationType", STR1), SNAPSHOT_ID, opt("UserIds", STR_LIST), DRY_RUN,
    ]),
];
