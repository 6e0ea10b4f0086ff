//! `aws help`, `aws <service> help`, `aws <service> <operation> help` and
//! `keydeck help`: short pages in the spirit of the CLI's own (which are
//! man pages, <https://docs.aws.amazon.com/cli/latest/reference/>).

use super::globals::GLOBAL_OPTIONS;
use super::model::{Member, Operation, Service, Shape};
use super::names::{kebab, option};
use super::operation::{option_names, PAGING_OPTIONS};
use super::profiles::profiles;
use super::SERVICES;

pub fn aws() -> String {
    let mut out = String::from(
        "AWS()\n\nNAME\n       aws -\n\nDESCRIPTION\n       The AWS Command Line Interface, speaking to KeyDeck's simulated AWS.\n\n\
         SYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nOPTIONS\n",
    );
    for o in GLOBAL_OPTIONS {
        out += &format!("       {o}\n");
    }
    out += "\nAVAILABLE SERVICES\n";
    for s in SERVICES {
        out += &format!("       o {}\n", s.name);
    }
    out += "       o configure\n\nPROFILES (--profile NAME)\n";
    for p in profiles() {
        out += &format!("       {:<18} {} {}\n", p.name, p.account, p.description);
    }
    out + "\n       Without --profile, commands run as \"default\".\n"
}

pub fn service(s: &Service) -> String {
    let mut out = format!(
        "{}()\n\nNAME\n       {} -\n\nAVAILABLE COMMANDS\n",
        s.name.to_ascii_uppercase(),
        s.name
    );
    for op in s.operations {
        out += &format!("       o {:<44} {}\n", kebab(op.name), op.synopsis);
    }
    if s.name == "iam" {
        out += "\n       IAM calls are authorized by the caller's IAM policies: root and the\n\
                \x20      Admin role may; developer may not until a policy allows it.\n\
                \x20      The users and roles are developer and Admin, in the caller's account.\n";
    }
    out
}

fn type_name(shape: &Shape) -> &'static str {
    match shape {
        Shape::Str { .. } => "string",
        Shape::Int { .. } => "integer",
        Shape::Bool => "boolean",
        Shape::Blob => "blob",
        Shape::Timestamp => "timestamp",
        Shape::Map => "map",
        Shape::List(_) => "list",
        Shape::Structure(_) => "structure",
    }
}

fn member_line(m: &Member) -> String {
    let flag = option(m.name);
    let syntax = match m.shape {
        Shape::Bool => format!("{flag} | --no-{}", &flag[2..]),
        Shape::Map => format!("{flag} KeyName1=string,KeyName2=string"),
        Shape::List(Shape::Structure(members)) => {
            let parts: Vec<String> = members
                .iter()
                .map(|m| format!("{}=string", m.name))
                .collect();
            format!("{flag} {} ...", parts.join(","))
        }
        Shape::List(_) => format!("{flag} <value> <value> ..."),
        Shape::Blob => format!("{flag} <base64 | fileb://FILE>"),
        _ => format!("{flag} <value>"),
    };
    format!("       {syntax}  ({})\n", type_name(&m.shape))
}

pub fn operation(s: &Service, op: &Operation) -> String {
    let mut out = format!(
        "{}()\n\nNAME\n       {} -\n\nDESCRIPTION\n       {}\n\nSYNOPSIS\n          {}\n",
        kebab(op.name),
        kebab(op.name),
        op.synopsis,
        kebab(op.name)
    );
    for name in option_names(op) {
        let required = op
            .members
            .iter()
            .any(|m| m.required && option(m.name) == name);
        out += &if required {
            format!("          {name} <value>\n")
        } else {
            format!("          [{name} <value>]\n")
        };
    }
    let (required, optional): (Vec<&Member>, Vec<&Member>) =
        op.members.iter().partition(|m| m.required);
    out += "\nREQUIRED OPTIONS\n";
    out += &required.iter().map(|m| member_line(m)).collect::<String>();
    out += "\nOPTIONAL OPTIONS\n";
    out += &optional
        .iter()
        .filter(|m| !op.pages_with(m.name))
        .map(|m| member_line(m))
        .collect::<String>();
    if op.paging.is_some() {
        out += &PAGING_OPTIONS
            .iter()
            .map(|o| format!("       {o} <value>  (pagination)\n"))
            .collect::<String>();
    }
    out + &format!(
        "\n       Blobs are base64, or fileb://FILE for raw bytes. See also: aws {} help\n",
        s.name
    )
}

pub fn configure() -> String {
    "CONFIGURE()\n\nNAME\n       configure -\n\nAVAILABLE COMMANDS\n\
     \x20      o list            the profile, keys and Region in use\n\
     \x20      o list-profiles   every profile\n\
     \x20      o get NAME        one setting (region, aws_access_key_id, ...)\n\n\
     \x20      The lab's profiles are set up for you; choose one with --profile NAME.\n"
        .to_owned()
}

pub fn keydeck() -> String {
    "keydeck: the simulation's own controls (not part of AWS)\n\n\
     \x20 keydeck clock show                          the simulated date and time\n\
     \x20 keydeck clock advance --days N [--hours N]  move time forward: rotations,\n\
     \x20                                             deletions and expiries fall due\n\
     \x20 keydeck events                              the CloudTrail-style log, as JSON\n\
     \x20 keydeck help                                this text\n"
        .to_owned()
}
