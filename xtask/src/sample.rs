//! `cargo xtask sample-history DAYS OUT`: realistic review history for the
//! dashboard's screenshots and browser tests, as the app stores it.

use keydeck_study::builtin;
use keydeck_study::stats::sample;

use crate::Result;

pub fn run(args: &[String]) -> Result<()> {
    let usage = "usage: cargo xtask sample-history DAYS OUT.json";
    let days: u32 = args.first().and_then(|d| d.parse().ok()).ok_or(usage)?;
    let out = args.get(1).ok_or(usage)?;
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
