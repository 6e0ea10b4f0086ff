//! The AWS CLI v2's error texts and exit statuses, character for
//! character: command-line errors (252), service errors (254) and the rest
//! (255).

#[path = "cli_support.rs"]
mod support;

use support::{Lab, USAGE_PREAMBLE};

fn usage_error(message: &str) -> String {
    format!("{USAGE_PREAMBLE}aws: error: {message}\n\n")
}

#[test]
fn missing_required_arguments_are_named_together() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms encrypt"),
        (
            252,
            usage_error("the following arguments are required: --key-id, --plaintext")
        )
    );
    assert_eq!(
        lab.fails("kms describe-key --grant-tokens t"),
        (
            252,
            usage_error("the following arguments are required: --key-id")
        )
    );
    assert_eq!(
        lab.fails("kms"),
        (
            252,
            usage_error("the following arguments are required: operation")
        )
    );
    assert_eq!(
        lab.fails(""),
        (
            252,
            usage_error("the following arguments are required: command")
        )
    );
}

#[test]
fn unknown_options_are_listed_with_their_values() {
    let mut lab = Lab::new();
    let expected = format!("{USAGE_PREAMBLE}Unknown options: --foo, bar\n\n");
    assert_eq!(lab.fails("kms list-keys --foo bar"), (252, expected));
    let expected = format!("{USAGE_PREAMBLE}Unknown options: extra\n\n");
    assert_eq!(
        lab.fails("kms describe-key --key-id k extra"),
        (252, expected)
    );
}

#[test]
fn an_option_needs_its_value() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms describe-key --key-id"),
        (252, usage_error("argument --key-id: expected one argument"))
    );
    assert_eq!(
        lab.fails("kms create-key --description --tags TagKey=a,TagValue=b"),
        (
            252,
            usage_error("argument --description: expected one argument")
        )
    );
}

#[test]
fn an_ambiguous_abbreviation_is_refused() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms create-key --key k"),
        (
            252,
            usage_error("ambiguous option: --key could match --key-usage, --key-spec")
        )
    );
}

fn choices_text(choices: &[&str]) -> String {
    let rows: Vec<String> = choices
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|c| format!("{c:<40}"))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    rows.join("\n")
}

#[test]
fn an_unknown_operation_lists_the_choices_and_the_close_ones() {
    let mut lab = Lab::new();
    let mut ops = keydeck_lab::cli::operations("kms");
    ops.push("help");
    let expected = usage_error(&format!(
        "argument operation: Invalid choice, valid choices are:\n\n{}\n\n\nInvalid choice: 'encrpyt', maybe you meant:\n\n  * encrypt",
        choices_text(&ops)
    ));
    assert_eq!(lab.fails("kms encrpyt --key-id k"), (252, expected));
    let (_, err) = lab.fails("kms list-key");
    assert!(
        err.ends_with("Invalid choice: 'list-key', maybe you meant:\n\n  * list-keys\n\n"),
        "{err}"
    );
    let (_, err) = lab.fails("kms gen-data-key");
    assert!(
        err.ends_with("maybe you meant:\n\n  * generate-data-key\n\n"),
        "{err}"
    );
    let (_, err) = lab.fails("kms frobnicate");
    assert!(!err.contains("maybe you meant"), "{err}");
}

#[test]
fn an_unknown_service_lists_the_commands() {
    let mut lab = Lab::new();
    let expected = usage_error(&format!(
        "argument command: Invalid choice, valid choices are:\n\n{}\n\n\nInvalid choice: 'kmss', maybe you meant:\n\n  * kms",
        choices_text(&["ec2", "iam", "kms", "secretsmanager", "ssm", "sts", "configure", "help"])
    ));
    assert_eq!(lab.fails("kmss list-keys"), (252, expected));
}

#[test]
fn an_invalid_output_format_is_a_choice_error() {
    let mut lab = Lab::new();
    let (status, err) = lab.fails("kms list-keys --output jsn");
    assert_eq!(status, 252);
    assert!(err.contains("aws: error: argument --output: Invalid choice, valid choices are:\n\njson                                     | text                                    \n"), "{err}");
    assert!(
        err.ends_with("Invalid choice: 'jsn', maybe you meant:\n\n  * json\n\n"),
        "{err}"
    );
}

#[test]
fn bad_base64_is_reported_with_the_value() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms encrypt --key-id alias/x --plaintext hello"),
        (255, "\nInvalid base64: \"hello\"\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms decrypt --ciphertext-blob aGk"),
        (255, "\nInvalid base64: \"aGk\"\n".to_owned())
    );
}

#[test]
fn a_missing_paramfile_names_the_file() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms put-key-policy --key-id k --policy file://x.json"),
        (252, "\nError parsing parameter '--policy': Unable to load paramfile file://x.json: [Errno 2] No such file or directory: 'x.json'\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms decrypt --ciphertext-blob fileb://secret.enc"),
        (252, "\nError parsing parameter '--ciphertext-blob': Unable to load paramfile fileb://secret.enc: [Errno 2] No such file or directory: 'secret.enc'\n".to_owned())
    );
    lab.file("key.bin", &[0xff, 0xfe, 0x00]);
    assert_eq!(
        lab.fails("kms put-key-policy --key-id k --policy file://key.bin"),
        (252, "\nError parsing parameter '--policy': Unable to load paramfile (key.bin), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.\n".to_owned())
    );
}

#[test]
fn bad_shorthand_points_at_the_error() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms encrypt --key-id k --plaintext aGk= --encryption-context foo"),
        (252, "\nError parsing parameter '--encryption-context': Expected: '=', received: 'EOF' for input:\n foo\n   ^\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms encrypt --key-id k --plaintext aGk= --encryption-context a=b,a=c"),
        (252, "\nError parsing parameter '--encryption-context': Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceding \",\" instead of a space.\n".to_owned())
    );
}

#[test]
fn bad_json_says_what_was_received() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails(r#"kms encrypt --key-id k --plaintext aGk= --encryption-context '{"a": }'"#),
        (252, "\nError parsing parameter '--encryption-context': Invalid JSON: Expecting value: line 1 column 7 (char 6)\nJSON received: {\"a\": }\n".to_owned())
    );
}

#[test]
fn client_side_validation_runs_before_the_call() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms generate-random --number-of-bytes 0"),
        (252, "\nParameter validation failed:\nInvalid value for parameter NumberOfBytes, value: 0, valid min value: 1\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms describe-key --key-id ''"),
        (252, "\nParameter validation failed:\nInvalid length for parameter KeyId, value: 0, valid min length: 1\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms encrypt --key-id k --plaintext aGk= --encryption-context a=b,c"),
        (252, "\nParameter validation failed:\nInvalid type for parameter EncryptionContext.a, value: ['b', 'c'], type: <class 'list'>, valid types: <class 'str'>\n".to_owned())
    );
    assert_eq!(
        lab.fails("kms tag-resource --key-id k --tags TagKey=a"),
        (
            252,
            "\nParameter validation failed:\nMissing required parameter in Tags[0]: \"TagValue\"\n"
                .to_owned()
        )
    );
    assert_eq!(
        lab.fails("kms create-grant --key-id k --grantee-principal p --operations Decrypt --constraints Subset={a=b}"),
        (252, "\nParameter validation failed:\nUnknown parameter in Constraints: \"Subset\", must be one of: EncryptionContextSubset, EncryptionContextEquals\n".to_owned())
    );
}

#[test]
fn a_bad_integer_is_pythons_error() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms generate-random --number-of-bytes 3.5"),
        (
            255,
            "\ninvalid literal for int() with base 10: '3.5'\n".to_owned()
        )
    );
}

#[test]
fn an_unknown_profile_is_not_found() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms list-keys --profile nope"),
        (
            255,
            "\nThe config profile (nope) could not be found\n".to_owned()
        )
    );
}

#[test]
fn service_errors_print_the_code_operation_and_message() {
    let mut lab = Lab::new();
    let missing = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    assert_eq!(
        lab.fails(&format!("kms encrypt --key-id {missing} --plaintext aGVsbG8=")),
        (254, format!("\nAn error occurred (NotFoundException) when calling the Encrypt operation: Key '{missing}' does not exist\n"))
    );
}

#[test]
fn errors_without_a_message_end_after_the_colon() {
    let mut lab = Lab::new();
    lab.key("");
    assert_eq!(
        lab.fails("kms decrypt --ciphertext-blob aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBibG9i"),
        (254, "\nAn error occurred (InvalidCiphertextException) when calling the Decrypt operation: \n".to_owned())
    );
}

#[test]
fn access_denied_names_the_caller_and_the_policy() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let (status, err) = lab.fails(&format!(
        "kms encrypt --key-id {key} --plaintext aGVsbG8= --profile developer"
    ));
    assert_eq!(status, 254);
    assert_eq!(
        err,
        format!("\nAn error occurred (AccessDeniedException) when calling the Encrypt operation: User: arn:aws:iam::111122223333:user/developer is not authorized to perform: kms:Encrypt on resource: arn:aws:kms:us-east-1:111122223333:key/{key} because no identity-based policy allows the kms:Encrypt action\n")
    );
}

#[test]
fn a_bad_query_is_refused_before_anything_runs() {
    let mut lab = Lab::new();
    let (status, err) = lab.fails("kms list-keys --query 'Keys[.KeyId'");
    assert_eq!(status, 252);
    assert!(
        err.starts_with("\nBad value for --query Keys[.KeyId: "),
        "{err}"
    );
}

#[test]
fn a_malformed_region_is_refused() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms list-keys --region 'us east'"),
        (
            255,
            "\nProvided region_name 'us east' doesn't match a supported format.\n".to_owned()
        )
    );
    assert_eq!(
        lab.fails("kms list-keys --region moon-1"),
        (
            255,
            "\nCould not connect to the endpoint URL: \"https://kms.moon-1.amazonaws.com/\"\n"
                .to_owned()
        )
    );
}

#[test]
fn paging_options_do_not_mix_with_no_paginate() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.fails("kms list-keys --no-paginate --max-items 1"),
        (
            252,
            "\nCannot specify --no-paginate along with pagination arguments: --max-items\n"
                .to_owned()
        )
    );
}

#[test]
fn errors_come_in_the_order_the_cli_meets_them() {
    let mut lab = Lab::new();
    // Reading the command line, then the profile, then base64 and validation.
    assert_eq!(
        lab.fails("kms encrypt --key-id k --plaintext file://none --profile nope").1,
        "\nError parsing parameter '--plaintext': Unable to load paramfile file://none: [Errno 2] No such file or directory: 'none'\n"
    );
    assert_eq!(
        lab.fails("kms encrypt --key-id k --plaintext hello --profile nope")
            .1,
        "\nThe config profile (nope) could not be found\n"
    );
    assert_eq!(
        lab.fails("kms encrypt --key-id '' --plaintext hello --region moon-1")
            .1,
        "\nInvalid base64: \"hello\"\n"
    );
    assert_eq!(
        lab.fails("kms encrypt --key-id '' --plaintext aGk= --region moon-1").1,
        "\nParameter validation failed:\nInvalid length for parameter KeyId, value: 0, valid min length: 1\n"
    );
}
