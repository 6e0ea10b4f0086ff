//! `aws ssm`: the Parameter Store operations the simulator implements, with
//! the members, types and required members of the Systems Manager API
//! reference (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Operations.html>),
//! in the order `aws ssm` lists them.

use super::model::STR1_LIST;
use super::model::{
    self, op, opt, req, Member, Operation, Service, Shape, INT1, NEXT_TOKEN, STR, STR1,
};

const NAME: Member = req("Name", STR1);
const NAMES: Member = req("Names", STR1_LIST);
const DECRYPT: Member = opt("WithDecryption", Shape::Bool);
const MAX_RESULTS: Member = opt("MaxResults", INT1);
const NEXT: Member = opt("NextToken", STR);
const LABELS: Member = req("Labels", STR1_LIST);
const TAG: [Member; 2] = [req("Key", STR1), req("Value", STR)];
const FILTER: [Member; 3] = [
    req("Key", STR1),
    opt("Option", STR1),
    opt("Values", STR1_LIST),
];
const FILTERS: Member = opt("ParameterFilters", Shape::List(&Shape::Structure(&FILTER)));

const fn paged(
    name: &'static str,
    synopsis: &'static str,
    members: &'static [Member],
) -> Operation {
    model::paged(name, synopsis, members, "Parameters", NEXT_TOKEN)
}

pub const SSM: Service = Service {
    name: "ssm",
    endpoint: "ssm",
    operations: OPERATIONS,
};

#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    op("DeleteParameter", "Deletes a parameter with all its versions.", &[NAME]),
    op("DeleteParameters", "Deletes up to 10 parameters; names that match none are listed as invalid.", &[NAMES]),
    paged("DescribeParameters", "Lists the metadata of parameters, never their values.", &[FILTERS, MAX_RESULTS, NEXT]),
    op("GetParameter", "Reads a parameter: name, name:version or name:label.", &[NAME, DECRYPT]),
    paged("GetParameterHistory", "Lists every version of a parameter still kept, with its labels.", &[NAME, DECRYPT, MAX_RESULTS, NEXT]),
    op("GetParameters", "Reads up to 10 parameters; names that match none are listed as invalid.", &[NAMES, DECRYPT]),
    paged("GetParametersByPath", "Reads the parameters under a path: one level, or all with --recursive.", &[
        req("Path", STR1), opt("Recursive", Shape::Bool), FILTERS, DECRYPT, MAX_RESULTS, NEXT,
    ]),
    op("LabelParameterVersion", "Attaches labels to a version of a parameter (the latest by default), moving them from others.", &[
        NAME, opt("ParameterVersion", INT1), LABELS,
    ]),
    op("PutParameter", "Creates a parameter, or with --overwrite a new version of one.", &[
        NAME, opt("Description", STR), req("Value", STR), opt("Type", STR1), opt("KeyId", STR1),
        opt("Overwrite", Shape::Bool), opt("AllowedPattern", STR), opt("Tags", Shape::List(&Shape::Structure(&TAG))),
        opt("Tier", STR1), opt("Policies", STR1), opt("DataType", STR1),
    ]),
    op("UnlabelParameterVersion", "Removes labels from a version of a parameter.", &[
        NAME, req("ParameterVersion", INT1), LABELS,
    ]),
];
