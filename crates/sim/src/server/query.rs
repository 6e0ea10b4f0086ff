//! EC2's Query protocol, translated at the loopback endpoint to and from
//! the simulator's JSON: a form-encoded request (`Action=CopySnapshot&
//! Version=2016-11-15&SourceSnapshotId=…`) becomes the JSON request with
//! the API's member names, and the JSON answer becomes EC2's XML
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html>).
//!
//! Requests: a list is numbered from 1 under its query name (`UserId.1`,
//! `SnapshotId.1`), a structure's members follow a dot (`Filter.1.Name`,
//! `Filter.1.Value.1`, `CreateVolumePermission.Add.1.UserId`). Answers:
//! elements named in lower camel case (`snapshotId`) or by their own
//! location name (`State` is `status`, `Snapshots` is `snapshotSet`), lists
//! as `<item>` elements, booleans as `true`/`false`, times in ISO 8601.
//! Errors: `<Response><Errors><Error><Code>…</Code><Message>…</Message>
//! </Error></Errors><RequestID>…</RequestID></Response>`.
//!
//! Only the native binary has this: the labs' worker calls the simulator
//! in JSON.

use crate::platform::clock::iso8601;
use crate::platform::error::Error;
use serde_json::{Map, Value};

/// The namespace of EC2's answers.
pub const NAMESPACE: &str = "http://ec2.amazonaws.com/doc/2016-11-15/";

/// List members whose query name is not their member name: (query name,
/// member name).
const LISTS: &[(&str, &str)] = &[
    ("SnapshotId", "SnapshotIds"),
    ("VolumeId", "VolumeIds"),
    ("Owner", "OwnerIds"),
    ("RestorableBy", "RestorableByUserIds"),
    ("UserId", "UserIds"),
    ("UserGroup", "GroupNames"),
    ("Filter", "Filters"),
    ("Value", "Values"),
    ("TagSpecification", "TagSpecifications"),
    ("Tag", "Tags"),
];
const INTEGERS: &[&str] = &["Size", "MaxResults", "Iops", "Throughput"];
const BOOLEANS: &[&str] = &["Encrypted", "DryRun", "MultiAttachEnabled"];

/// Answer members whose element is not their name in lower camel case.
const ELEMENTS: &[(&str, &str)] = &[
    ("State", "status"),
    ("StateMessage", "statusMessage"),
    ("Snapshots", "snapshotSet"),
    ("Volumes", "volumeSet"),
    ("Attachments", "attachmentSet"),
    ("Tags", "tagSet"),
    ("CreateVolumePermissions", "createVolumePermission"),
];
/// Answer members that are times (epoch seconds in JSON).
const TIMES: &[&str] = &["StartTime", "CreateTime"];

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Puts `value` at the dotted `path` of `tree`.
fn insert(tree: &mut Map<String, Value>, path: &[&str], value: String) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        tree.insert((*first).to_owned(), Value::String(value));
        return;
    }
    let child = tree
        .entry((*first).to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(m) = child {
        insert(m, rest, value);
    }
}

/// Numbered members become lists (in number order) under their member
/// name; integers and booleans get their JSON types.
fn shape(name: &str, value: Value) -> (String, Value) {
    match value {
        Value::Object(m) if !m.is_empty() && m.keys().all(|k| k.parse::<u32>().is_ok()) => {
            let mut items: Vec<(u32, Value)> = m
                .into_iter()
                .map(|(k, v)| (k.parse().unwrap_or(0), shape("item", v).1))
                .collect();
            items.sort_by_key(|(n, _)| *n);
            let member = LISTS
                .iter()
                .find(|(q, _)| *q == name)
                .map_or(name, |(_, m)| m);
            let list = items.into_iter().map(|(_, v)| v).collect();
            (member.to_owned(), Value::Array(list))
        }
        Value::Object(m) => {
            let fields = m.into_iter().map(|(k, v)| shape(&k, v)).collect();
            (name.to_owned(), Value::Object(fields))
        }
        Value::String(s) if INTEGERS.contains(&name) => {
            let v = s.parse::<i64>().map_or(Value::String(s), Value::from);
            (name.to_owned(), v)
        }
        Value::String(s) if BOOLEANS.contains(&name) => {
            let v = match s.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(s),
            };
            (name.to_owned(), v)
        }
        other => (name.to_owned(), other),
    }
}

/// A form-encoded request: its `Action` and its members as JSON. Without
/// an `Action` it is EC2's MissingAction.
pub fn decode(body: &[u8]) -> Result<(String, Value), Error> {
    let text = String::from_utf8_lossy(body);
    let mut action = None;
    let mut tree = Map::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        match k.as_str() {
            "Action" => action = Some(v),
            "Version" => {}
            _ => insert(&mut tree, &k.split('.').collect::<Vec<_>>(), v),
        }
    }
    let action = action.ok_or_else(|| {
        Error::InvalidAction("The request must contain the parameter Action".to_owned())
    })?;
    let request = tree.into_iter().map(|(k, v)| shape(&k, v)).collect();
    Ok((action, Value::Object(request)))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The element of an answer member.
fn element(member: &str) -> String {
    if let Some((_, e)) = ELEMENTS.iter().find(|(m, _)| *m == member) {
        return (*e).to_owned();
    }
    let mut chars = member.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The content of an element holding `value` (of member `member`).
fn content(member: &str, value: &Value, out: &mut String) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                write(k, v, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str("<item>");
                content("item", item, out);
                out.push_str("</item>");
            }
        }
        Value::Number(n) if TIMES.contains(&member) => {
            let iso = iso8601(n.as_i64().unwrap_or_default());
            out.push_str(&iso.replace('Z', ".000Z"));
        }
        Value::String(s) => out.push_str(&escape(s)),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::Null => {}
    }
}

fn write(member: &str, value: &Value, out: &mut String) {
    if value.is_null() {
        return;
    }
    let name = element(member);
    out.push('<');
    out.push_str(&name);
    out.push('>');
    content(member, value, out);
    out.push_str("</");
    out.push_str(&name);
    out.push('>');
}

/// EC2's XML answer to `action`: `<{Action}Response>` with the request ID
/// and the answer's members; an empty answer says `<return>true</return>`.
pub fn encode(action: &str, answer: &Value, request_id: &str) -> String {
    let mut body = String::new();
    match answer.as_object() {
        Some(m) if !m.is_empty() => content("", answer, &mut body),
        _ => body.push_str("<return>true</return>"),
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{action}Response xmlns=\"{NAMESPACE}\"><requestId>{request_id}</requestId>{body}</{action}Response>"
    )
}

/// EC2's XML error.
pub fn encode_error(error: &Error, request_id: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{}</Code><Message>{}</Message></Error></Errors><RequestID>{request_id}</RequestID></Response>",
        escape(error.code()),
        escape(error.message().unwrap_or_default())
    )
}

/// The HTTP status of an EC2 error: 412 for a dry run, 403 for a denial,
/// else 400.
pub fn status(error: &Error) -> u16 {
    match error {
        Error::DryRunOperation(_) => 412,
        Error::UnauthorizedOperation(_) => 403,
        _ => 400,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbered_members_become_lists_under_their_member_names() {
        let body = b"Action=DescribeSnapshots&Version=2016-11-15&Owner.1=self&SnapshotId.2=snap-2&SnapshotId.1=snap-1\
&Filter.1.Name=status&Filter.1.Value.1=completed&Filter.2.Name=encrypted&Filter.2.Value.1=true&MaxResults=5&DryRun=false";
        let (action, request) = decode(body).unwrap();
        assert_eq!(action, "DescribeSnapshots");
        assert_eq!(
            request,
            json!({
                "OwnerIds": ["self"], "SnapshotIds": ["snap-1", "snap-2"],
                "Filters": [{"Name": "status", "Values": ["completed"]}, {"Name": "encrypted", "Values": ["true"]}],
                "MaxResults": 5, "DryRun": false
            })
        );
    }

    #[test]
    fn structures_in_lists_and_escapes_are_read() {
        let body = b"Action=ModifySnapshotAttribute&SnapshotId=snap-1\
&CreateVolumePermission.Add.1.UserId=444455556666&CreateVolumePermission.Remove.1.Group=all\
&Description=a+b%26c%2Fd";
        let (_, request) = decode(body).unwrap();
        assert_eq!(request["SnapshotId"], "snap-1");
        assert_eq!(
            request["CreateVolumePermission"],
            json!({"Add": [{"UserId": "444455556666"}], "Remove": [{"Group": "all"}]})
        );
        assert_eq!(request["Description"], "a b&c/d");
        let legacy = b"Action=ModifySnapshotAttribute&SnapshotId=snap-1&Attribute=createVolumePermission&OperationType=add&UserId.1=444455556666";
        assert_eq!(
            decode(legacy).unwrap().1["UserIds"],
            json!(["444455556666"])
        );
        assert_eq!(decode(b"Version=1").unwrap_err().code(), "InvalidAction");
    }

    #[test]
    fn answers_are_ec2_xml() {
        let answer = json!({"Snapshots": [{
            "SnapshotId": "snap-1", "State": "completed", "StateMessage": "x<y",
            "StartTime": 1_767_225_600, "Encrypted": true, "VolumeSize": 8
        }], "NextToken": "5"});
        assert_eq!(
            encode("DescribeSnapshots", &answer, "req-1"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <DescribeSnapshotsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>req-1</requestId>\
             <snapshotSet><item><snapshotId>snap-1</snapshotId><status>completed</status><statusMessage>x&lt;y</statusMessage>\
             <startTime>2026-01-01T00:00:00.000Z</startTime><encrypted>true</encrypted><volumeSize>8</volumeSize></item></snapshotSet>\
             <nextToken>5</nextToken></DescribeSnapshotsResponse>"
        );
        let permissions = json!({"SnapshotId": "snap-1", "CreateVolumePermissions": [{"UserId": "444455556666"}]});
        assert!(encode("DescribeSnapshotAttribute", &permissions, "r").contains(
            "<snapshotId>snap-1</snapshotId><createVolumePermission><item><userId>444455556666</userId></item></createVolumePermission>"
        ));
        assert!(encode("DeleteSnapshot", &json!({}), "r")
            .contains("<requestId>r</requestId><return>true</return>"));
    }

    #[test]
    fn errors_are_ec2_xml() {
        let e = Error::InvalidSnapshotNotFound("The snapshot 'snap-1' does not exist.".into());
        assert_eq!(
            encode_error(&e, "req-2"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidSnapshot.NotFound</Code>\
             <Message>The snapshot 'snap-1' does not exist.</Message></Error></Errors><RequestID>req-2</RequestID></Response>"
        );
        assert_eq!(status(&e), 400);
    }
}
