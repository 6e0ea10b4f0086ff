//! The site's navigation, as far as it is not drawing: where each
//! destination is, its icon, the links' markup, and which destination a
//! path belongs to.

/// Line icons drawn for KeyDeck on a 24×24 grid. Decorative: the text
/// beside each icon carries its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Home,
    Cards,
    Quiz,
    Walkthrough,
    Lab,
    Chart,
    Info,
    Sun,
    Moon,
}

impl Glyph {
    /// The icon's outline, an SVG path.
    pub fn path(self) -> &'static str {
        match self {
            Glyph::Home => "M3 11 12 4l9 7M5 9.5V20h5v-6h4v6h5V9.5",
            Glyph::Cards => "M4 8h12v12H4zM8 8V4h12v12h-4",
            Glyph::Quiz => "M4 4h16v16H4zM8 12.5l2.5 2.5L16 9.5",
            Glyph::Walkthrough => "M4 18h4v-4h4v-4h4V6h4M4 6l5 5",
            Glyph::Lab => "M9 3h6M10 3v6.5L4.6 18.4A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.4-2.6L14 9.5V3M7.5 15h9",
            Glyph::Chart => "M3 21h18M6 17v-5M11 17V6M16 17v-8M21 17v-3",
            Glyph::Info => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5v.5",
            Glyph::Sun => "M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
            Glyph::Moon => "M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z",
        }
    }

    /// The icon as markup, hidden from assistive technology. The path is
    /// written as it is: it holds no character markup would escape (see
    /// the tests).
    pub fn markup(self, out: &mut String) {
        out.push_str(r#"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=""#);
        out.push_str(self.path());
        out.push_str(r#""></path></svg>"#);
    }
}

/// The brand in the top bar, the inside of its link home: the mark, two
/// key cards, and the name.
pub static BRAND: &str = concat!(
    r#"<svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">"#,
    r#"<rect x="3" y="7" width="20" height="16" rx="3"></rect>"#,
    r#"<rect x="9" y="3" width="20" height="16" rx="3"></rect>"#,
    r#"<circle cx="17" cy="11" r="3"></circle>"#,
    r#"<path d="M19.2 13.2 24 18M22 16l-1.5 1.5"></path></svg>"#,
    "<span>KeyDeck</span>",
);

/// A place the navigation leads to.
pub struct Destination {
    pub href: &'static str,
    /// Soft hyphens let the tab bar break a long label on a narrow phone.
    pub label: &'static str,
    pub glyph: Glyph,
    /// On phones, secondary destinations move from the tab bar to the top bar.
    pub primary: bool,
}

/// Every destination, in the order the navigation lists them.
pub static DESTINATIONS: [Destination; 7] = [
    Destination {
        href: "/",
        label: "Home",
        glyph: Glyph::Home,
        primary: true,
    },
    Destination {
        href: "/study",
        label: "Study",
        glyph: Glyph::Cards,
        primary: true,
    },
    Destination {
        href: "/quiz",
        label: "Quiz",
        glyph: Glyph::Quiz,
        primary: true,
    },
    Destination {
        href: "/walkthroughs",
        label: "Walk\u{ad}throughs",
        glyph: Glyph::Walkthrough,
        primary: true,
    },
    Destination {
        href: "/labs",
        label: "Labs",
        glyph: Glyph::Lab,
        primary: true,
    },
    Destination {
        href: "/progress",
        label: "Progress",
        glyph: Glyph::Chart,
        primary: false,
    },
    Destination {
        href: "/about",
        label: "About",
        glyph: Glyph::Info,
        primary: false,
    },
];

/// The list items of the navigation's links, as markup: every destination
/// (`all`), or only the secondary ones that the top bar holds on phones.
/// A secondary item is classed `secondary`. The links say which one is
/// current through `aria-current`, which the page sets as the path
/// changes ([`is_current`]). The destinations are written as they are:
/// none holds a character markup would escape (the tests check it), so
/// the page's first module needs no escaping code.
pub fn link_items(all: bool) -> String {
    let mut out = String::new();
    for d in DESTINATIONS.iter().filter(|d| all || !d.primary) {
        out.push_str(if d.primary {
            "<li>"
        } else {
            r#"<li class="secondary">"#
        });
        out.push_str(r#"<a href=""#);
        out.push_str(d.href);
        out.push_str(r#"">"#);
        d.glyph.markup(&mut out);
        out.push_str(r#"<span class="label">"#);
        out.push_str(d.label);
        out.push_str("</span></a></li>");
    }
    out
}

/// The document's title for a page titled `page`: the page's title and
/// the site's name, or the site's name alone for the home page (`""`).
pub fn document_title(page: &str) -> String {
    if page.is_empty() {
        "KeyDeck".to_owned()
    } else {
        format!("{page} · KeyDeck")
    }
}

/// Whether the page at `path` is the destination `href`'s, so its link is
/// marked current: the home page on `/` alone, any other destination on
/// its own path and every path below it (a walkthrough's step, a lab), but
/// not on a path that merely starts with the same letters.
pub fn is_current(href: &str, path: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::{document_title, is_current, link_items, Glyph, BRAND, DESTINATIONS};

    #[test]
    fn a_page_is_titled_with_the_site_after_it_and_the_home_page_with_the_site_alone() {
        assert_eq!(document_title("Study"), "Study · KeyDeck");
        assert_eq!(document_title("Page not found"), "Page not found · KeyDeck");
        assert_eq!(document_title(""), "KeyDeck");
    }

    #[test]
    fn home_is_current_on_the_home_page_alone() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/study"));
        assert!(!is_current("/", "/walkthroughs/snapshot-copy/2"));
    }

    #[test]
    fn a_destination_is_current_on_its_path_and_below_it() {
        assert!(is_current("/study", "/study"));
        assert!(is_current("/walkthroughs", "/walkthroughs/snapshot-copy/2"));
        assert!(is_current("/labs", "/labs/first-key"));
        assert!(!is_current("/labs", "/labsx"));
        assert!(!is_current("/quiz", "/study"));
        assert!(!is_current("/study", "/"));
    }

    #[test]
    fn the_main_links_are_every_destination_in_order_with_its_icon() {
        let items = link_items(true);
        let hrefs: Vec<&str> = items
            .split(r#"<a href=""#)
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert_eq!(
            hrefs,
            [
                "/",
                "/study",
                "/quiz",
                "/walkthroughs",
                "/labs",
                "/progress",
                "/about"
            ]
        );
        assert!(items.starts_with(concat!(
            r#"<li><a href="/"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">"#,
            r#"<path d="M3 11 12 4l9 7M5 9.5V20h5v-6h4v6h5V9.5"></path></svg>"#,
            r#"<span class="label">Home</span></a></li><li><a href="/study">"#,
        )));
        assert!(items.contains("<span class=\"label\">Walk\u{ad}throughs</span>"));
        assert!(items.ends_with(concat!(
            r#"<li class="secondary"><a href="/about"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">"#,
            r#"<path d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5v.5"></path></svg>"#,
            r#"<span class="label">About</span></a></li>"#,
        )));
        assert!(!items.contains("aria-current"));
    }

    #[test]
    fn the_top_bar_holds_only_the_secondary_links() {
        let items = link_items(false);
        assert_eq!(items.matches("<li").count(), 2);
        assert_eq!(items.matches(r#"<li class="secondary">"#).count(), 2);
        assert!(items.contains(r#"<a href="/progress">"#));
        assert!(items.contains(r#"<a href="/about">"#));
    }

    #[test]
    fn an_icon_is_its_path_in_a_hidden_svg() {
        let mut out = String::new();
        Glyph::Moon.markup(&mut out);
        assert_eq!(
            out,
            r#"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z"></path></svg>"#
        );
    }

    #[test]
    fn the_links_are_written_as_they_are_because_nothing_in_them_needs_escaping() {
        let glyphs = [
            Glyph::Home,
            Glyph::Cards,
            Glyph::Quiz,
            Glyph::Walkthrough,
            Glyph::Lab,
            Glyph::Chart,
            Glyph::Info,
            Glyph::Sun,
            Glyph::Moon,
        ];
        let written = DESTINATIONS
            .iter()
            .flat_map(|d| [d.href, d.label])
            .chain(glyphs.iter().map(|g| g.path()));
        for text in written {
            let mut escaped = String::new();
            crate::html::attribute(&mut escaped, text);
            assert_eq!(escaped, text, "{text:?} needs escaping");
            escaped.clear();
            crate::html::text(&mut escaped, text);
            assert_eq!(escaped, text, "{text:?} needs escaping");
        }
        assert!(BRAND.ends_with("<span>KeyDeck</span>"));
    }
}
