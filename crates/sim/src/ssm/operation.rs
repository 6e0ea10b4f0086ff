//! The operations of the Systems Manager API that Parameter Store answers:
//! the one list of their names. The IAM action of each is `ssm:<name>`
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Operations.html>).

use crate::platform::aws_enum::aws_enum;

aws_enum!(
    /// A Parameter Store operation the simulator implements.
    Operation {
        PutParameter,
        GetParameter,
        GetParameters,
        GetParametersByPath,
        GetParameterHistory,
        DescribeParameters,
        DeleteParameter,
        DeleteParameters,
        LabelParameterVersion,
        UnlabelParameterVersion,
    }
);
