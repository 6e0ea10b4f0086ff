//! The dashboard's calendar numbers: reviews per study day, the due
//! forecast, the streak and the totals, bucketed by local study day.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Berlin;
use keydeck_study::day::LocalClock;
use keydeck_study::deck::Deck;
use keydeck_study::progress::{Progress, Review};
use keydeck_study::schedule::{Grade, Memory, MemoryState};
use keydeck_study::stats::forecast::FORECAST_DAYS;
use keydeck_study::stats::heatmap::HEATMAP_DAYS;
use keydeck_study::stats::{Forecast, Heatmap, Streak, Totals};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Noon in Berlin on `day`.
fn noon(day: NaiveDate) -> DateTime<Utc> {
    Berlin.to_utc(day.and_hms_opt(12, 0, 0).unwrap())
}

fn review_at(at: DateTime<Utc>) -> Review {
    Review {
        card: "a1".into(),
        grade: Grade::Good,
        at,
        was_new: false,
        state_before: MemoryState::Review,
        interval_secs: 86_400,
    }
}

fn with_reviews_at(times: impl IntoIterator<Item = DateTime<Utc>>) -> Progress {
    Progress {
        reviews: times.into_iter().map(review_at).collect(),
        ..Progress::default()
    }
}

/// One review at noon on each study day `ago` days before `today`.
fn studied_days_ago(today: NaiveDate, ago: impl IntoIterator<Item = u64>) -> Progress {
    with_reviews_at(ago.into_iter().map(|n| noon(today - Days::new(n))))
}

fn count_on(heatmap: &Heatmap, day: &str) -> usize {
    let day = date(day);
    heatmap.days.iter().find(|(d, _)| *d == day).unwrap().1
}

fn deck() -> Deck {
    let card = |id: &str| {
        format!("## {id}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ {id}\n\n### Back\nA {id}\n\n")
    };
    let a = format!("# A\n\n{}{}{}", card("a1"), card("a2"), card("a3"));
    let b = format!("# B\n\n{}{}", card("b1"), card("b2"));
    Deck::parse([("a.md", a.as_str()), ("b.md", b.as_str())]).unwrap()
}

fn due_at(due: DateTime<Utc>) -> Memory {
    Memory {
        due,
        last_review: due - Duration::days(3),
        stability: 3.0,
        state: MemoryState::Review,
        ..Memory::default()
    }
}

#[test]
fn a_review_before_the_rollover_hour_counts_for_the_previous_study_day() {
    // 02:30 and 04:00 in Berlin (CET) on 10 January, with the day starting at 4 a.m.
    let mut p = with_reviews_at([utc("2026-01-10T01:30:00Z"), utc("2026-01-10T03:00:00Z")]);
    let now = utc("2026-01-10T12:00:00Z");
    let heatmap = Heatmap::new(&p, now, &Berlin);
    assert_eq!(count_on(&heatmap, "2026-01-09"), 1);
    assert_eq!(count_on(&heatmap, "2026-01-10"), 1);

    p.settings.rollover_hour = 0;
    let heatmap = Heatmap::new(&p, now, &Berlin);
    assert_eq!(count_on(&heatmap, "2026-01-09"), 0);
    assert_eq!(count_on(&heatmap, "2026-01-10"), 2);
}

#[test]
fn reviews_around_the_autumn_clock_change_fall_on_their_local_study_day() {
    // Berlin repeats 02:00–03:00 on 25 October 2026 (CEST → CET at 01:00 UTC).
    let p = with_reviews_at([
        utc("2026-10-25T00:30:00Z"), // 02:30 CEST: still the 24th
        utc("2026-10-25T02:30:00Z"), // 03:30 CET: still the 24th
        utc("2026-10-25T03:00:00Z"), // 04:00 CET: the 25th begins
    ]);
    let heatmap = Heatmap::new(&p, utc("2026-10-25T12:00:00Z"), &Berlin);
    assert_eq!(count_on(&heatmap, "2026-10-24"), 2);
    assert_eq!(count_on(&heatmap, "2026-10-25"), 1);
}

#[test]
fn reviews_around_the_spring_clock_change_fall_on_their_local_study_day() {
    // Berlin skips 02:00–03:00 on 29 March 2026, so 4 a.m. is 02:00 UTC.
    let p = with_reviews_at([utc("2026-03-29T01:59:00Z"), utc("2026-03-29T02:00:00Z")]);
    let now = utc("2026-03-29T12:00:00Z");
    let heatmap = Heatmap::new(&p, now, &Berlin);
    assert_eq!(count_on(&heatmap, "2026-03-28"), 1);
    assert_eq!(count_on(&heatmap, "2026-03-29"), 1);
    assert_eq!(Streak::new(&p, now, &Berlin).current, 2);
}

#[test]
fn the_heatmap_covers_365_study_days_ending_today_with_zeros() {
    let today = date("2026-06-15");
    let p = studied_days_ago(today, [0, 0, 364, 365]);
    let heatmap = Heatmap::new(&p, noon(today), &Berlin);
    assert_eq!(heatmap.days.len(), HEATMAP_DAYS);
    assert_eq!(heatmap.days.last().unwrap(), &(today, 2));
    assert_eq!(heatmap.days[0], (date("2025-06-16"), 1));
    assert!(heatmap
        .days
        .windows(2)
        .all(|w| w[0].0.succ_opt() == Some(w[1].0)));
    assert_eq!(heatmap.days.iter().filter(|(_, n)| *n == 0).count(), 363);
    assert_eq!(heatmap.max, 2);
    assert_eq!(heatmap.first_weekday, Weekday::Mon);

    let empty = Heatmap::new(&Progress::default(), noon(today), &Berlin);
    assert_eq!(empty.days.len(), HEATMAP_DAYS);
    assert_eq!(empty.max, 0);
    assert!(empty.days.iter().all(|(_, n)| *n == 0));
}

#[test]
fn the_heatmap_grid_puts_each_day_in_its_weekday_row() {
    let today = date("2026-06-17");
    let heatmap = Heatmap::new(&studied_days_ago(today, [0]), noon(today), &Berlin);
    for week_start in [Weekday::Sun, Weekday::Mon] {
        for (i, (day, _)) in heatmap.days.iter().enumerate() {
            let (column, row) = heatmap.cell(i, week_start);
            assert_eq!(row as u32, day.weekday().days_since(week_start));
            assert!(column < heatmap.weeks(week_start));
        }
        let last = heatmap.cell(HEATMAP_DAYS - 1, week_start).0;
        assert_eq!(last + 1, heatmap.weeks(week_start));
    }
    assert_eq!(heatmap.cell(0, Weekday::Sun).0, 0);
    assert_eq!(heatmap.weeks(Weekday::Sun), 53);
    assert_eq!((heatmap.level(0), heatmap.level(1)), (0, 4));
}

#[test]
fn heatmap_levels_split_the_busiest_day_into_quarters() {
    let today = date("2026-06-17");
    let p = studied_days_ago(today, [0; 8]);
    let heatmap = Heatmap::new(&p, noon(today), &Berlin);
    assert_eq!(heatmap.max, 8);
    let levels: Vec<u8> = (0..=8).map(|n| heatmap.level(n)).collect();
    assert_eq!(levels, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
}

#[test]
fn the_forecast_counts_overdue_cards_on_day_zero() {
    let now = utc("2026-06-10T10:00:00Z"); // 12:00 in Berlin
    let mut p = Progress::default();
    let cards = [
        ("a1", utc("2026-06-08T10:00:00Z")),   // two days overdue
        ("a2", utc("2026-06-11T00:30:00Z")),   // 02:30 tomorrow, before the rollover
        ("a3", utc("2026-06-13T10:00:00Z")),   // in three days
        ("b1", utc("2026-07-20T10:00:00Z")),   // after the forecast
        ("b2", utc("2026-07-09T10:00:00Z")),   // the forecast's last day
        ("gone", utc("2026-06-10T11:00:00Z")), // no longer in the deck
    ];
    for (id, due) in cards {
        p.cards.insert(id.into(), due_at(due));
    }
    let forecast = Forecast::new(&deck(), &p, now, &Berlin);
    assert_eq!(forecast.days.len(), FORECAST_DAYS);
    assert_eq!(forecast.days[0], (date("2026-06-10"), 2));
    assert_eq!(forecast.overdue, 1);
    assert_eq!(forecast.days[3], (date("2026-06-13"), 1));
    assert_eq!(forecast.days[29], (date("2026-07-09"), 1));
    assert_eq!(forecast.later, 1);
    assert_eq!(forecast.total(), 4);
    assert_eq!(forecast.max, 2);
    let zeros = forecast.days.iter().filter(|(_, n)| *n == 0).count();
    assert_eq!(zeros, FORECAST_DAYS - 3);
}

#[test]
fn the_forecast_is_empty_before_any_study() {
    let forecast = Forecast::new(
        &deck(),
        &Progress::default(),
        noon(date("2026-06-10")),
        &Berlin,
    );
    assert_eq!(forecast.days.len(), FORECAST_DAYS);
    assert_eq!(
        (
            forecast.total(),
            forecast.max,
            forecast.overdue,
            forecast.later
        ),
        (0, 0, 0, 0)
    );
}

#[test]
fn a_streak_that_includes_today_ends_today() {
    let today = date("2026-06-10");
    let streak = Streak::new(&studied_days_ago(today, [0, 1, 2]), noon(today), &Berlin);
    assert_eq!(
        streak,
        Streak {
            current: 3,
            longest: 3,
            studied_today: true
        }
    );
}

#[test]
fn a_streak_ending_yesterday_still_counts_until_today_ends() {
    let today = date("2026-06-10");
    let streak = Streak::new(&studied_days_ago(today, [1, 2, 3]), noon(today), &Berlin);
    assert_eq!(
        streak,
        Streak {
            current: 3,
            longest: 3,
            studied_today: false
        }
    );
}

#[test]
fn a_missed_day_breaks_the_streak_but_the_longest_is_kept() {
    let today = date("2026-06-10");
    let p = studied_days_ago(today, [0, 1, 3, 4, 5, 6, 7]);
    let streak = Streak::new(&p, noon(today), &Berlin);
    assert_eq!((streak.current, streak.longest), (2, 5));

    let lapsed = Streak::new(&studied_days_ago(today, [2, 3]), noon(today), &Berlin);
    assert_eq!((lapsed.current, lapsed.longest), (0, 2));
    assert_eq!(
        Streak::new(&Progress::default(), noon(today), &Berlin),
        Streak::default()
    );
}

#[test]
fn a_session_past_midnight_keeps_yesterdays_streak() {
    // 01:00 in Berlin on the 10th belongs to the study day of the 9th.
    let p = with_reviews_at([utc("2026-06-08T10:00:00Z"), utc("2026-06-09T23:00:00Z")]);
    let streak = Streak::new(&p, utc("2026-06-10T10:00:00Z"), &Berlin);
    assert_eq!((streak.current, streak.studied_today), (2, false));
}

#[test]
fn totals_count_todays_reviews_all_reviews_and_studied_cards() {
    let today = date("2026-06-10");
    let mut p = studied_days_ago(today, [0, 0, 0, 2, 9]);
    p.cards.insert("a1".into(), due_at(noon(today)));
    p.cards.insert("a2".into(), due_at(noon(today)));
    let totals = Totals::new(&p, noon(today), &Berlin);
    assert_eq!(totals.reviews_today, 3);
    assert_eq!(totals.reviews, 5);
    assert_eq!(totals.cards_studied, 2);
    assert_eq!(totals.days_studied, 3);
    let range = totals.range.unwrap();
    assert_eq!(
        (range.first_day, range.last_day),
        (date("2026-06-01"), today)
    );
    assert_eq!(range.first, noon(date("2026-06-01")));
    assert_eq!(range.last, noon(today));
    assert_eq!(
        Totals::new(&Progress::default(), noon(today), &Berlin).range,
        None
    );
}
