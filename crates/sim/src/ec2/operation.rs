//! The operations of the EC2 API that the EBS simulation answers: the one
//! list of their names. The IAM action of each is `ec2:<name>`
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/OperationList-query-ebs.html>).

use crate::platform::aws_enum::aws_enum;

aws_enum!(
    /// An EC2 operation the simulator implements.
    Operation {
        CreateVolume,
        DescribeVolumes,
        CreateSnapshot,
        DescribeSnapshots,
        ModifySnapshotAttribute,
        DescribeSnapshotAttribute,
        CopySnapshot,
        DeleteSnapshot,
    }
);
