//! `cargo xtask sample-history DAYS OUT`: realistic review history for the
//! dashboard's screenshots and browser tests, as the app stores it.

use keydeck_study::builtin;
use keydeck_study::stats::sample;

use crate::Result;

pub fn run(args: &mut lexopt::Parser) -> Result<()> {
    use lexopt::ValueExt;
    let usage = "usage: cargo xtask sample-history DAYS OUT.json";
    let mut values = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Value(value) => values.push(value.string()?),
            other => return Err(format!("{}\n{usage}", other.unexpected()).into()),
        }
    }
    let [days, out] = values.as_slice() else {
        return Err(usage.into());
    };
    let days: u32 = days.parse().map_err(|_| usage)?;
    let deck = builtin::deck().map_err(|e| format!("the shipped decks do not parse: {}", e[0]))?;
    let now = chrono::Utc::now();
    // Browsers in the suite run in UTC, like this machine.
    let progress = sample::history(&deck, days, 7, now, &chrono::Utc);
    std::fs::write(out, progress.to_json())?;
    println!(
        "{} reviews over {days} days written to {out}",
        progress.reviews.len()
    );
    Ok(())
}
