//! The progress dashboard's charts, drawn as SVG from the study crate's
//! statistics. Each has a text label or a table for screen readers.

use chrono::{Datelike, Weekday};
use leptos::prelude::*;

use keydeck_study::stats::forecast::Forecast;
use keydeck_study::stats::heatmap::Heatmap;
use keydeck_study::stats::mastery::TopicMastery;
use keydeck_study::stats::retention::RetentionTable;
use keydeck_study::{day, wording};

const CELL: usize = 11;
const GAP: usize = 3;

/// A year of reviews, one square per study day, weeks as columns.
#[component]
pub fn ReviewHeatmap(heatmap: Heatmap) -> impl IntoView {
    let weeks = heatmap.weeks(Weekday::Mon);
    let pitch = CELL + GAP;
    let (width, height) = (weeks * pitch + 28, 7 * pitch + 18);
    let total: usize = heatmap.days.iter().map(|(_, n)| n).sum();
    let active = heatmap.days.iter().filter(|(_, n)| *n > 0).count();
    let label = format!(
        "Reviews over the last 365 days: {total} reviews on {active} days; the busiest day had {}.",
        heatmap.max
    );
    let mut months = Vec::new();
    let cells = heatmap
        .days
        .iter()
        .enumerate()
        .map(|(i, (date, count))| {
            let (col, row) = heatmap.cell(i, Weekday::Mon);
            if date.day() == 1 {
                months.push((col, day::month_short(*date)));
            }
            let (x, y) = (28 + col * pitch, 16 + row * pitch);
            let title = format!("{}: {}", day::short_date_with_year(*date), wording::count(*count, "review"));
            view! {
                <rect x=x y=y width=CELL height=CELL rx="2" class=format!("heat heat-{}", heatmap.level(*count))>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <div class="chart-scroll">
            <svg class="chart heatmap" viewBox=format!("0 0 {width} {height}") width=width height=height role="img" aria-label=label.clone()>
                {months.into_iter().map(|(col, name)| view! {
                    <text x=28 + col * pitch y="10" class="axis">{name}</text>
                }).collect_view()}
                {[(0, "Mon"), (2, "Wed"), (4, "Fri")].map(|(row, name)| view! {
                    <text x="0" y=16 + row * pitch + CELL - 2 class="axis">{name}</text>
                })}
                {cells}
            </svg>
        </div>
        <p class="chart-caption">{label}</p>
    }
}

/// Cards falling due on each of the next 30 days.
#[component]
pub fn DueForecast(forecast: Forecast) -> impl IntoView {
    let (bar, gap, chart_h) = (14usize, 4usize, 120usize);
    let width = forecast.days.len() * (bar + gap);
    let max = forecast.max.max(1);
    let label = format!(
        "{} cards fall due in the next 30 days, {} of them today (with {} overdue); {} more later.",
        forecast.total(),
        forecast.days.first().map_or(0, |d| d.1),
        forecast.overdue,
        forecast.later
    );
    let bars = forecast
        .days
        .iter()
        .enumerate()
        .map(|(i, (date, n))| {
            let h = (n * chart_h / max).max(usize::from(*n > 0));
            let title = format!("{}: {n} due", day::short_date(*date));
            view! {
                <rect x=i * (bar + gap) y=chart_h - h width=bar height=h rx="2" class="bar">
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let rows = forecast.days.clone();
    view! {
        <svg class="chart forecast" viewBox=format!("0 0 {width} {}", chart_h + 16) preserveAspectRatio="none" role="img" aria-label=label.clone()>
            <line x1="0" x2=width y1=chart_h + 1 y2=chart_h + 1 class="baseline"/>
            {bars}
            <text x="0" y=chart_h + 14 class="axis">"Today"</text>
            <text x=width y=chart_h + 14 class="axis" text-anchor="end">"+30 days"</text>
        </svg>
        <p class="chart-caption">{label}</p>
        <details class="chart-table">
            <summary>"Show the forecast as a table"</summary>
            <table>
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Cards due"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(d, n)| view! {
                        <tr><th scope="row">{day::short_date(d)}</th><td>{n}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// Anki's true retention: passed reviews of review-state cards, by period.
#[component]
pub fn RetentionTableView(table: RetentionTable) -> impl IntoView {
    view! {
        <div class="table-scroll">
        <table class="retention-table" aria-label="True retention by period">
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col">"Young"</th>
                    <th scope="col">"Mature"</th>
                    <th scope="col">"All"</th>
                    <th scope="col">"Reviews"</th>
                </tr>
            </thead>
            <tbody>
                {table.rows.into_iter().map(|(period, r)| view! {
                    <tr>
                        <th scope="row">{period.label()}</th>
                        <td>{wording::percent(r.young.rate())}</td>
                        <td>{wording::percent(r.mature.rate())}</td>
                        <td><strong>{wording::percent(r.rate())}</strong></td>
                        <td>{r.passed() + r.failed()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// Per topic: how much is studied, how much is mature, and recall today.
#[component]
pub fn MasteryBars(topics: Vec<TopicMastery>) -> impl IntoView {
    view! {
        <ul class="mastery">
            {topics.into_iter().map(|t| {
                let studied = t.studied * 100 / t.cards.max(1);
                let mature = t.mature * 100 / t.cards.max(1);
                let text = format!(
                    "{} of {} cards studied, {} mature; average recall {:.0}%",
                    t.studied, t.cards, t.mature, t.retrievability * 100.0
                );
                view! {
                    <li data-topic=t.topic.clone()>
                        <div class="mastery-head">
                            <span class="mastery-title">{t.title.clone()}</span>
                            <span class="mastery-figure">{format!("{studied}%")}</span>
                        </div>
                        <svg class="mastery-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                            <rect width="100" height="8" rx="4" class="track"/>
                            <rect width=studied height="8" rx="4" class="studied"/>
                            <rect width=mature height="8" rx="4" class="mature"/>
                        </svg>
                        <p class="mastery-text">{text}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
