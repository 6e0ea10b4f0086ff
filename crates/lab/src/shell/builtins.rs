//! The small builtins: `cat`, `echo`, `history`, `ls` and `rm`, each
//! behaving and failing like its GNU coreutils or bash namesake.

use lexopt::Arg;

use super::options::{option_error, parser, text, usage_error};
use crate::io::{CommandOutput, Vfs};

/// `cat [FILE]...`: prints the files one after another. With no FILE, or
/// where FILE is `-`, prints standard input. A missing file is reported
/// (`cat: x: No such file or directory`) and the others still print; the
/// status is then 1.
pub fn cat(files: &Vfs, args: &[String], stdin: &[u8]) -> CommandOutput {
    let mut names = Vec::new();
    let mut p = parser(args);
    loop {
        match p.next() {
            Ok(Some(Arg::Value(v))) => names.push(text(v)),
            Ok(None) => break,
            Ok(Some(arg)) => return option_error("cat", 1, &arg.unexpected()),
            Err(e) => return option_error("cat", 1, &e),
        }
    }
    if names.is_empty() {
        names.push("-".to_owned());
    }
    let mut out = CommandOutput::ok(Vec::new());
    for name in &names {
        match (name.as_str(), files.read(name)) {
            ("-", _) => out.stdout.extend_from_slice(stdin),
            (_, Some(bytes)) => out.stdout.extend_from_slice(bytes),
            (_, None) => {
                out.stderr += &format!("cat: {name}: No such file or directory\n");
                out.status = 1;
            }
        }
    }
    out
}

/// `echo [-n] [STRING]...`: prints the strings separated by spaces and
/// followed by a newline; `-n` leaves the newline out. As in bash, any other
/// word starting with `-` is printed as it is.
pub fn echo(args: &[String]) -> CommandOutput {
    let newline = args.first().is_none_or(|a| a != "-n");
    let words = if newline { args } else { &args[1..] };
    let mut line = words.join(" ");
    if newline {
        line.push('\n');
    }
    CommandOutput::ok(line)
}

/// `history`: every command line typed in this lab, oldest first, numbered
/// from 1 as bash numbers them.
pub fn history(lines: &[String]) -> CommandOutput {
    let listing: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| format!("{:>5}  {line}\n", i + 1))
        .collect();
    CommandOutput::ok(listing)
}

/// `ls [-l] [FILE]...`: lists the files, one per line in name order, or only
/// the FILEs named. `-l` adds each file's size in bytes. A missing FILE gives
/// `ls: cannot access 'x': No such file or directory` and status 2.
pub fn ls(files: &Vfs, args: &[String]) -> CommandOutput {
    let mut long = false;
    let mut names = Vec::new();
    let mut p = parser(args);
    loop {
        match p.next() {
            Ok(Some(Arg::Short('l'))) => long = true,
            Ok(Some(Arg::Value(v))) => names.push(text(v)),
            Ok(None) => break,
            Ok(Some(arg)) => return option_error("ls", 2, &arg.unexpected()),
            Err(e) => return option_error("ls", 2, &e),
        }
    }
    let mut out = CommandOutput::ok(Vec::new());
    let listed: Vec<(String, usize)> = if names.is_empty() {
        files.list().map(|(n, size)| (n.to_owned(), size)).collect()
    } else {
        names.sort();
        names
            .into_iter()
            .filter_map(|n| match files.read(&n) {
                Some(bytes) => Some((n, bytes.len())),
                None => {
                    out.stderr += &format!("ls: cannot access '{n}': No such file or directory\n");
                    out.status = 2;
                    None
                }
            })
            .collect()
    };
    out.stdout = listing(&listed, long).into_bytes();
    out
}

fn listing(files: &[(String, usize)], long: bool) -> String {
    let width = files
        .iter()
        .map(|(_, size)| size.to_string().len())
        .max()
        .unwrap_or(1);
    files
        .iter()
        .map(|(name, size)| {
            if long {
                format!("-rw-r--r-- 1 learner learner {size:>width$} {name}\n")
            } else {
                format!("{name}\n")
            }
        })
        .collect()
}

/// `rm [-f] FILE...`: removes the files. A missing FILE gives `rm: cannot
/// remove 'x': No such file or directory` and status 1, unless `-f`.
pub fn rm(files: &mut Vfs, args: &[String]) -> CommandOutput {
    let mut force = false;
    let mut names = Vec::new();
    let mut p = parser(args);
    loop {
        match p.next() {
            Ok(Some(Arg::Short('f') | Arg::Long("force"))) => force = true,
            Ok(Some(Arg::Value(v))) => names.push(text(v)),
            Ok(None) => break,
            Ok(Some(arg)) => return option_error("rm", 1, &arg.unexpected()),
            Err(e) => return option_error("rm", 1, &e),
        }
    }
    if names.is_empty() && !force {
        return usage_error("rm", 1, "missing operand");
    }
    let mut out = CommandOutput::ok(Vec::new());
    for name in names {
        if !files.remove(&name) && !force {
            out.stderr += &format!("rm: cannot remove '{name}': No such file or directory\n");
            out.status = 1;
        }
    }
    out
}
