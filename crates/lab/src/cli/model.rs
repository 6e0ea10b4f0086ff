//! The shape of an API's input, as far as the CLI needs it: member names,
//! member types, which members are required, and the minimums botocore
//! checks on the client before sending (`Parameter validation failed`).
//!
//! Types follow the service models the AWS CLI is generated from (the
//! "Request Syntax" and "Request Parameters" sections of each page of the
//! API reference, e.g.
//! <https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html>).

/// A member's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string of at least `min` characters.
    Str {
        min: usize,
    },
    /// An integer of at least `min`.
    Int {
        min: i64,
    },
    Bool,
    /// Binary data: base64 on the command line and on the wire.
    Blob,
    /// A point in time: ISO 8601 or epoch seconds on the command line,
    /// epoch seconds on the wire.
    Timestamp,
    /// A map of strings to strings (`EncryptionContext`).
    Map,
    /// A list of items of one shape.
    List(&'static Shape),
    /// A structure with named members (`Tag`, `GrantConstraints`).
    Structure(&'static [Member]),
}

/// One member of an input structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The API's member name, e.g. `KeyId`.
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

/// How the CLI pages through a list operation: the token and limit
/// members become `--starting-token`, `--page-size` and `--max-items`, and
/// the pages' `result_key` lists are joined into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub result_key: &'static str,
    pub tokens: Tokens,
}

/// A service's paging members: the request's token and page size, the
/// response's next token, and the member that says more pages follow
/// (`None` where the next token alone says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tokens {
    pub input: &'static str,
    pub output: &'static str,
    pub limit: &'static str,
    pub more: Option<&'static str>,
}

/// KMS: `Marker`, `NextMarker`, `Limit` and `Truncated`.
pub const MARKERS: Tokens = Tokens {
    input: "Marker",
    output: "NextMarker",
    limit: "Limit",
    more: Some("Truncated"),
};

/// Systems Manager: `NextToken` both ways and `MaxResults`.
pub const NEXT_TOKEN: Tokens = Tokens {
    input: "NextToken",
    output: "NextToken",
    limit: "MaxResults",
    more: None,
};

/// An operation the CLI calls once.
pub const fn op(
    name: &'static str,
    synopsis: &'static str,
    members: &'static [Member],
) -> Operation {
    Operation {
        name,
        synopsis,
        members,
        paging: None,
    }
}

/// A list operation the CLI pages through, joining the `result_key` lists.
pub const fn paged(
    name: &'static str,
    synopsis: &'static str,
    members: &'static [Member],
    result_key: &'static str,
    tokens: Tokens,
) -> Operation {
    Operation {
        name,
        synopsis,
        members,
        paging: Some(Paging { result_key, tokens }),
    }
}

impl Operation {
    /// Whether `member` is a paging member the CLI hides behind its
    /// pagination options.
    pub fn pages_with(&self, member: &str) -> bool {
        self.paging
            .is_some_and(|p| member == p.tokens.input || member == p.tokens.limit)
    }
}

/// One API operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The API name, e.g. `GenerateDataKey`.
    pub name: &'static str,
    /// One line saying what it does.
    pub synopsis: &'static str,
    pub members: &'static [Member],
    pub paging: Option<Paging>,
}

/// A service the `aws` command knows, with its operations in the order
/// the CLI lists them (alphabetical by API name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// The name typed after `aws`, e.g. `kms`.
    pub name: &'static str,
    /// The endpoint prefix, for "Could not connect" messages.
    pub endpoint: &'static str,
    pub operations: &'static [Operation],
}

impl Service {
    /// The operation whose kebab-case CLI name is `cli_name`.
    pub fn operation(&self, cli_name: &str) -> Option<&'static Operation> {
        self.operations
            .iter()
            .find(|op| crate::cli::names::kebab(op.name) == cli_name)
    }
}

impl Operation {
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

pub const fn req(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: true,
    }
}

pub const fn opt(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: false,
    }
}

/// Strings with no minimum length.
pub const STR: Shape = Shape::Str { min: 0 };
/// Strings of at least one character: key IDs, names, tokens.
pub const STR1: Shape = Shape::Str { min: 1 };
pub const INT1: Shape = Shape::Int { min: 1 };
pub const STR_LIST: Shape = Shape::List(&STR);
pub const STR1_LIST: Shape = Shape::List(&STR1);
