//! Handouts (PDF) read back as a reader's PDF viewer would: the text, page by page. A tour of
//! an invented conflict (two parties, five events, one of them with 120 claims) printed from
//! the command line with no display: every caption, every claim's actor and every source
//! address is there once per mention, in step order; the long step runs over pages without
//! losing a line; Armenian letters come back as Armenian.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimline::cli::export::{Request, run};
use claimline::export::Target;
use claimline::export::handout::{self, Pages, Paper, page::Mark};
use claimline::query::Catalog;
use claimline::session::settings::{PaperSize, ThemeKind};
use claimline::ui::theme::Palette;

const LONG_NIGHT: usize = 120;
/// An invented place written in Armenian letters.
const MOROVAN: &str = "Մորովան";

/// An event of the fixture: id, title, day in March 2024, claims as (actor id, text).
type FixtureEvent = (String, String, u32, Vec<(&'static str, String)>);

fn events() -> Vec<FixtureEvent> {
    let mut long = Vec::new();
    for k in 1..=LONG_NIGHT {
        let actor = if k % 2 == 1 {
            "velmar-mod"
        } else {
            "ostrand-cmd"
        };
        long.push((
            actor,
            format!(
                "Statement {k:03} of the long night: the office said the firing near the \
                 crossing went on for another hour and that its posts reported it at once."
            ),
        ));
    }
    vec![
        (
            "crossing-fire".into(),
            "Firing at the Eastford crossing".into(),
            2,
            vec![
                (
                    "velmar-mod",
                    "The office said Ostrandi posts fired first.".into(),
                ),
                (
                    "ostrand-cmd",
                    "The command said Velmari posts fired first.".into(),
                ),
                (
                    "observers",
                    "The observers said they could not tell who fired first.".into(),
                ),
            ],
        ),
        (
            "morovan-shelling".into(),
            "Shelling reported at Morovan".into(),
            3,
            vec![
                (
                    "ostrand-rights",
                    format!("The commissioner said houses in {MOROVAN} were damaged."),
                ),
                (
                    "velmar-fo",
                    "The foreign office said no shells were fired.".into(),
                ),
            ],
        ),
        (
            "envoys-meet".into(),
            "Envoys meet at the lake".into(),
            5,
            vec![
                (
                    "velmar-fo",
                    "The foreign office said the talks were useful.".into(),
                ),
                (
                    "ostrand-cmd",
                    "The command said its envoy asked for a line of contact.".into(),
                ),
                (
                    "observers",
                    "The observers offered to watch the crossings.".into(),
                ),
            ],
        ),
        (
            "long-night".into(),
            "The long night at the crossing".into(),
            6,
            long,
        ),
        (
            "aid-convoy".into(),
            "An aid convoy reaches Eastford".into(),
            8,
            vec![
                ("observers", "The observers said the convoy passed.".into()),
                (
                    "velmar-mod",
                    "The office said it let the convoy through.".into(),
                ),
            ],
        ),
    ]
}

fn address(event: &str, k: usize) -> String {
    format!("https://news.example/{event}/s{k:03}.html")
}

/// The dataset file: every claim with a source of its own.
fn dataset() -> String {
    let mut sources = String::new();
    let mut evs = String::new();
    for (id, title, day, claims) in events() {
        let mut cl = String::new();
        for (k, (actor, text)) in claims.iter().enumerate() {
            let outlet = ["Harbour Post", "Lantern Wire", "Vale Courier"][k % 3];
            writeln!(
                sources,
                "(id: \"{id}-{k}\", outlet: \"{outlet}\", date: \"2024-03-{day:02}\", url: \"{}\", language: \"en\"),",
                address(&id, k)
            )
            .unwrap();
            // Said a minute apart, in the order written.
            writeln!(
                cl,
                "(id: \"{id}-c{k}\", actor: \"{actor}\", said: (at: \"2024-03-{day:02}T{:02}:{:02}\", precision: Exact), kind: Statement, text: \"{text}\", sources: [(source: \"{id}-{k}\")]),",
                8 + k / 60,
                k % 60
            )
            .unwrap();
        }
        writeln!(
            evs,
            "(id: \"{id}\", title: \"{title}\", when: (at: \"2024-03-{day:02}\", precision: Day), kind: ArmedClash, places: [\"eastford\"], summary: \"An invented event.\", claims: [{cl}]),"
        )
        .unwrap();
    }
    format!(
        r#"(
    format: 1,
    dataset: (title: "Vale handout fixture", description: "An invented conflict, for tests.", curator: "Fixture curator", licence: "CC0 1.0"),
    parties: [
        (id: "velmar", name: "Velmar", adjective: "Velmari"),
        (id: "ostrand", name: "Ostrand", adjective: "Ostrandi"),
    ],
    actors: [
        (id: "velmar-mod", name: "Velmar Defence Office", role: "defence office", party: "velmar", kind: Military),
        (id: "velmar-fo", name: "Velmar Foreign Office", role: "foreign office", party: "velmar", kind: Government),
        (id: "ostrand-cmd", name: "Ostrand Army Command", role: "army command", party: "ostrand", kind: Military),
        (id: "ostrand-rights", name: "Ostrand Rights Commissioner", role: "commissioner", party: "ostrand", kind: Official),
        (id: "observers", name: "Lake Union Observers", role: "observer mission", kind: InternationalOrganisation),
    ],
    places: [
        (id: "eastford", name: "Eastford", district: "Lake District", country: "Velmar", lat: -41.1, lon: -21.2),
    ],
    sources: [{sources}],
    events: [{evs}],
)"#
    )
}

/// The tour, in an order that is not the events' own.
const STEPS: [(&str, &str); 5] = [
    (
        "envoys-meet",
        "First the envoys: what each side said after the talks",
    ),
    (
        "crossing-fire",
        "Then the firing at the crossing, as each side told it",
    ),
    (
        "morovan-shelling",
        "The shelling at Morovan in two statements",
    ),
    ("long-night", "The long night, statement by statement"),
    ("aid-convoy", "Last, the convoy"),
];

fn tour() -> String {
    let steps: Vec<String> = STEPS
        .iter()
        .map(|(e, c)| format!("(event: \"{e}\", caption: \"{c}\")"))
        .collect();
    format!(
        "(format: 2, tours: [(id: \"lesson\", title: \"Five steps along the vale\", steps: [{}])])",
        steps.join(", ")
    )
}

/// The dataset and the tour written to a folder; their paths.
fn files(dir: &Path) -> Vec<PathBuf> {
    let data = dir.join("vale.ron");
    let lesson = dir.join("lesson.tour.ron");
    std::fs::write(&data, dataset()).unwrap();
    std::fs::write(&lesson, tour()).unwrap();
    vec![data, lesson]
}

fn request(out: PathBuf, files: Vec<PathBuf>, tour: Option<&str>) -> Request {
    Request {
        out,
        format: None,
        target: Target::Window,
        size: (1600, 1000),
        theme: ThemeKind::Light,
        scale: 1.0,
        caption: true,
        select: None,
        actors: vec![],
        districts: vec![],
        range: None,
        files,
        tour: tour.map(str::to_owned),
        paper: PaperSize::A4,
    }
}

/// Each page's text as a PDF reader extracts it.
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).expect("text"))
        .collect()
}

/// The names of the fonts a PDF embeds.
fn embedded_fonts(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice()))
        .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

/// The structure elements of a tagged PDF: each one's kind ("H1", "P", "Figure") and its
/// description in words, if any.
fn structure(bytes: &[u8]) -> Vec<(String, Option<String>)> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let text = |o: &lopdf::Object| match o {
        lopdf::Object::String(b, _) => Some(
            lopdf::decode_text_string(o)
                .unwrap_or_else(|_| String::from_utf8_lossy(b).into_owned()),
        ),
        _ => None,
    };
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"P"))
        .filter_map(|d| {
            let kind = d.get(b"S").and_then(|s| s.as_name()).ok()?;
            let alt = d.get(b"Alt").ok().and_then(text);
            Some((String::from_utf8_lossy(kind).into_owned(), alt))
        })
        .collect()
}

/// The web addresses a PDF's links open.
fn link_addresses(bytes: &[u8]) -> std::collections::BTreeSet<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Link".as_slice()))
        .filter_map(|d| {
            let action = d.get(b"A").ok()?;
            let action = match action {
                lopdf::Object::Reference(r) => doc.get_object(*r).ok()?,
                a => a,
            };
            let uri = action.as_dict().ok()?.get(b"URI").ok()?.as_str().ok()?;
            Some(String::from_utf8_lossy(uri).into_owned())
        })
        .collect()
}

/// Text without any white space: lines broken anywhere still match.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(&squeezed(needle)).count()
}

fn printed_tour(dir: &Path) -> Vec<String> {
    let out = dir.join("lesson.pdf");
    let said = run(&request(out.clone(), files(dir), Some("lesson"))).expect("printed");
    assert!(said.contains("lesson.pdf"), "{said}");
    pdf_pages(&std::fs::read(&out).unwrap())
}

#[test]
fn every_caption_actor_and_address_prints_once_per_mention_in_step_order() {
    let dir = tempfile::tempdir().unwrap();
    let pages = printed_tour(dir.path());
    let text = squeezed(&pages.concat());

    // Captions, once each, in the tour's order (not the events').
    let at: Vec<usize> = STEPS
        .iter()
        .map(|(_, caption)| {
            assert_eq!(count(&text, caption), 1, "caption {caption:?}");
            text.find(&squeezed(caption)).unwrap()
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "steps out of order: {at:?}"
    );

    // Every claim's actor once per claim they made; every address once per citation and
    // once more in the list of sources.
    let evs = events();
    for (name, id) in [
        ("Velmar Defence Office", "velmar-mod"),
        ("Velmar Foreign Office", "velmar-fo"),
        ("Ostrand Army Command", "ostrand-cmd"),
        ("Ostrand Rights Commissioner", "ostrand-rights"),
        ("Lake Union Observers", "observers"),
    ] {
        let claims = evs
            .iter()
            .flat_map(|e| &e.3)
            .filter(|(a, _)| *a == id)
            .count();
        assert!(claims > 0);
        assert_eq!(count(&text, name), claims, "{name}");
    }
    for (event, _, _, claims) in &evs {
        for k in 0..claims.len() {
            let url = address(event, k);
            assert_eq!(count(&text, &url), 2, "{url}");
        }
    }
    // Tagged for screen readers: the title, a heading per step, each timeline picture with
    // its description in words.
    let bytes = std::fs::read(dir.path().join("lesson.pdf")).unwrap();
    let tags = structure(&bytes);
    let kinds = |k: &str| tags.iter().filter(|t| t.0 == k).count();
    assert_eq!(kinds("H1"), 1, "{:?}", &tags[..4]);
    assert_eq!(
        kinds("H2"),
        STEPS.len() + 1,
        "a heading per step and the sources'"
    );
    let figures: Vec<&String> = tags
        .iter()
        .filter(|t| t.0 == "Figure")
        .filter_map(|t| t.1.as_ref())
        .collect();
    assert_eq!(figures.len(), STEPS.len());
    assert!(
        figures.iter().all(|alt| alt.starts_with("Timeline from ")),
        "{figures:?}"
    );
    assert!(kinds("P") > 130);
    // Every address a link that opens it, and no link elsewhere.
    let expected: std::collections::BTreeSet<String> = (evs.iter())
        .flat_map(|(event, _, _, claims)| (0..claims.len()).map(|k| address(event, k)))
        .collect();
    assert_eq!(link_addresses(&bytes), expected);
    // The sources' list comes last, after every step.
    let list = text.find("Sources(").expect("a list of sources");
    assert!(list > *at.last().unwrap());
}

#[test]
fn armenian_letters_print_and_extract_as_armenian() {
    let dir = tempfile::tempdir().unwrap();
    let pages = printed_tour(dir.path());
    let text = squeezed(&pages.concat());
    assert!(
        text.contains(&squeezed(&format!("houses in {MOROVAN} were damaged"))),
        "{:?}",
        text.find("housesin")
            .map(|i| text[i..].chars().take(24).collect::<String>())
    );
    // Drawn in the Armenian face (a PDF maps even a missing glyph's box back to its
    // letter, so the text alone would not tell).
    let bytes = std::fs::read(dir.path().join("lesson.pdf")).unwrap();
    assert!(
        embedded_fonts(&bytes)
            .iter()
            .any(|f| f.contains("NotoSansArmenian"))
    );
    // Not one credit for the tour file: it adds no data of its own.
    assert_eq!(
        count(
            &text,
            "Made with Claimline from “Vale handout fixture” (curated by Fixture curator; CC0 1.0)."
        ),
        1
    );
}

fn set_tour(paper: Paper) -> (Catalog, Pages) {
    let dir = tempfile::tempdir().unwrap();
    let out = claimline::import::load_paths(&files(dir.path()));
    let cat = Catalog::new(out.dataset.expect("the fixture loads"));
    let inks = Palette::new(ThemeKind::Light, Some(&cat.dataset)).inks();
    let tour = cat.dataset.tours[0].clone();
    let pages = handout::tour_pages(&cat, &tour, None, paper, &inks);
    (cat, pages)
}

/// Each block's text, its lines joined in the order set (page by page).
fn blocks_text(pages: &Pages) -> Vec<String> {
    let mut out = vec![String::new(); pages.blocks.len()];
    for page in &pages.pages {
        for m in &page.marks {
            if let Mark::Text {
                text,
                block: Some(b),
                ..
            } = m
            {
                out[*b].push(' ');
                out[*b].push_str(text);
            }
        }
    }
    out.iter().map(|b| squeezed(b)).collect()
}

#[test]
fn a_step_of_120_claims_runs_over_pages_without_losing_or_cutting_a_line() {
    for paper in [Paper::A4, Paper::LETTER] {
        let (_, pages) = set_tour(paper);
        // No line below the content's end or above the top, on any page.
        for (p, page) in pages.pages.iter().enumerate() {
            for m in &page.marks {
                if let Mark::Text {
                    y,
                    text,
                    style,
                    block: Some(_),
                    ..
                } = m
                {
                    assert!(
                        *y - style.size >= 0.0 && *y <= paper.height - 50.0,
                        "page {p}: {text:?} at {y}"
                    );
                }
            }
        }
        // The long night's claims: each whole, in one card, once, in the order said.
        let blocks = blocks_text(&pages);
        let (_, _, _, long) = &events()[3];
        let mut last = 0;
        for (k, (_, text)) in long.iter().enumerate() {
            let whole = squeezed(text);
            let holding: Vec<usize> = (0..blocks.len())
                .filter(|&b| blocks[b].contains(&whole))
                .collect();
            assert_eq!(holding.len(), 1, "claim {k} in {holding:?}");
            assert!(holding[0] > last, "claim {k} out of order");
            last = holding[0];
        }
        // Over several pages, each with the columns' headings repeated at its top.
        let pages_of_long: Vec<usize> = (pages.lines())
            .filter(|(_, l)| l.starts_with("Statement ") || l.contains("(continued)"))
            .map(|(p, _)| p)
            .collect();
        let first = pages_of_long[0];
        let last_page = *pages_of_long.last().unwrap();
        assert!(last_page >= first + 3, "{first}..{last_page}");
        for p in first + 1..=last_page {
            let continued = pages
                .lines()
                .filter(|(q, l)| *q == p && l.ends_with("(continued)"));
            assert_eq!(continued.count(), 2, "page {p}: both columns' headings");
        }
    }
}

#[test]
fn both_parties_columns_and_cards_are_set_alike() {
    let (cat, pages) = set_tour(Paper::A4);
    let ds = &cat.dataset;
    // Each party's heading in its own colour, the same size and weight.
    let heads: Vec<(f32, bool, [u8; 3])> = pages.pages[0..]
        .iter()
        .flat_map(|p| &p.marks)
        .filter_map(|m| match m {
            Mark::Text { text, style, .. }
                if style.bold && (text == "Velmari side" || text == "Ostrandi side") =>
            {
                Some((style.size, style.bold, style.colour))
            }
            _ => None,
        })
        .collect();
    assert!(heads.len() >= 2, "{heads:?}");
    assert!(heads.iter().all(|h| h.0 == heads[0].0 && h.1 == heads[0].1));
    let inks = Palette::new(ThemeKind::Light, Some(ds)).inks();
    let colours: Vec<[u8; 3]> = heads.iter().map(|h| h.2).collect();
    assert!(colours.contains(&inks.text[0]) && colours.contains(&inks.text[1]));
    // Their cards' actor lines alike but for colour.
    let who = |name: &str| {
        pages
            .pages
            .iter()
            .flat_map(|p| &p.marks)
            .find_map(|m| match m {
                Mark::Text { text, style, .. } if text == name => Some(*style),
                _ => None,
            })
            .unwrap()
    };
    let (a, b) = (who("Velmar Defence Office"), who("Ostrand Army Command"));
    assert_eq!((a.size, a.bold), (b.size, b.bold));
    assert_ne!(a.colour, b.colour);
}

#[test]
fn the_filtered_events_print_in_time_order_and_a_bad_tour_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    // The observers' events: three, in time order, each once.
    let out = dir.path().join("observers.pdf");
    let mut req = request(out.clone(), files.clone(), None);
    req.actors = vec!["observers".into()];
    run(&req).expect("printed");
    let text = squeezed(&pdf_pages(&std::fs::read(&out).unwrap()).concat());
    let titles = [
        "Firing at the Eastford crossing",
        "Envoys meet at the lake",
        "An aid convoy reaches Eastford",
    ];
    let at: Vec<usize> = titles
        .iter()
        .map(|t| {
            assert_eq!(count(&text, t), 1, "{t}");
            text.find(&squeezed(t)).unwrap()
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert_eq!(count(&text, "The long night at the crossing"), 0);
    assert!(text.contains(&squeezed("Filters: actor: Lake Union Observers")));

    // A tour that is not there, with the one that is suggested; --tour with a picture.
    let err = run(&request(
        dir.path().join("x.pdf"),
        files.clone(),
        Some("lessen"),
    ))
    .unwrap_err();
    assert!(
        err.contains("unknown tour \"lessen\"; did you mean \"lesson\"?"),
        "{err}"
    );
    let err = run(&request(dir.path().join("x.png"), files, Some("lesson"))).unwrap_err();
    assert!(err.contains("must end in .pdf"), "{err}");
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn a_tour_file_of_the_bundled_data_prints_from_its_file_alone() {
    // A teacher's tour of the bundled dataset, saved from the window: five steps.
    let bundled = claimline::load::load_bundled().dataset.unwrap();
    let steps: Vec<&claimline::model::Event> = bundled.events.iter().step_by(9).take(5).collect();
    let written: Vec<String> = (steps.iter().enumerate())
        .map(|(k, e)| {
            format!(
                "(event: \"{}\", caption: \"Step {} of the lesson\")",
                e.id,
                k + 1
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("lesson.tour.ron");
    std::fs::write(
        &lesson,
        format!(
            "(format: 2, tours: [(id: \"lesson\", title: \"A lesson\", steps: [{}])])",
            written.join(", ")
        ),
    )
    .unwrap();
    let out = dir.path().join("lesson.pdf");
    run(&request(out.clone(), vec![lesson], Some("lesson"))).expect("printed");
    let text = squeezed(&pdf_pages(&std::fs::read(&out).unwrap()).concat());
    let at: Vec<usize> = (steps.iter().enumerate())
        .map(|(k, e)| {
            let caption = format!("Step {} of the lesson", k + 1);
            assert_eq!(count(&text, &caption), 1, "{caption}");
            let heading = text.find(&squeezed(&caption)).unwrap();
            // The step's event follows its caption.
            assert!(text[heading..].starts_with(&squeezed(&format!("{caption}{}", e.title))));
            heading
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn each_step_starts_on_the_page_of_its_first_claim() {
    use claimline::export::handout::page::Role;
    let cat = Catalog::new(claimline::load::load_bundled().dataset.unwrap());
    let inks = Palette::new(ThemeKind::Light, Some(&cat.dataset)).inks();
    for paper in [Paper::A4, Paper::LETTER] {
        let tour = cat.dataset.tours[0].clone();
        let pages = handout::tour_pages(&cat, &tour, None, paper, &inks);
        // The page each block starts on.
        let mut first_page = vec![usize::MAX; pages.blocks.len()];
        for (p, page) in pages.pages.iter().enumerate() {
            for b in page.marks.iter().filter_map(Mark::block) {
                first_page[b] = first_page[b].min(p);
            }
        }
        let mut steps = 0;
        for (b, role) in pages.blocks.iter().enumerate() {
            if *role != Role::Heading(2) || b + 1 == pages.blocks.len() {
                continue;
            }
            // The step's first card: the first paragraph after its picture.
            let after_picture = (b..pages.blocks.len())
                .skip_while(|&k| !matches!(pages.blocks[k], Role::Figure(_)))
                .find(|&k| pages.blocks[k] == Role::Paragraph);
            let Some(card) = after_picture else { continue };
            steps += 1;
            assert_eq!(
                first_page[b], first_page[card],
                "step {steps} heads page {} but its first claim is on page {}",
                first_page[b], first_page[card]
            );
        }
        assert_eq!(steps, tour.steps.len());
    }
}

#[test]
fn each_link_lies_over_its_address_on_its_line() {
    let faces = handout::typeface::Typefaces::new();
    let (_, pages) = set_tour(Paper::A4);
    let mut links = 0;
    for page in &pages.pages {
        for m in &page.marks {
            let Mark::Link {
                rect: [x0, y0, x1, y1],
                url,
                ..
            } = m
            else {
                continue;
            };
            links += 1;
            // The line under it: on the same baseline band, holding a piece of the address
            // that starts where the link does.
            let under = page.marks.iter().find_map(|t| match t {
                Mark::Text {
                    x, y, text, style, ..
                } if *y > *y0
                    && *y < *y1
                    && *x <= *x0
                    && *x0 < x + faces.width(text, style.size, style.bold) =>
                {
                    let piece_at =
                        (0..text.len())
                            .filter(|&i| text.is_char_boundary(i))
                            .find(|&i| {
                                url.contains(&text[i..]) || text[i..].starts_with(url.as_str())
                            })?;
                    let left = x + faces.width(&text[..piece_at], style.size, style.bold);
                    let right = x + faces.width(text, style.size, style.bold);
                    Some((left, right))
                }
                _ => None,
            });
            let (left, right) = under.unwrap_or_else(|| panic!("no line under the link to {url}"));
            assert!(
                (x0 - left).abs() < 0.01,
                "{url}: link from {x0}, address from {left}"
            );
            assert!(*x1 <= right + 0.01, "{url}: link to {x1}, line to {right}");
        }
    }
    assert!(links >= 2 * 130, "{links} links");
}

#[test]
fn a_step_whose_event_is_not_open_says_so_and_the_rest_print() {
    // A tour built on other data than is open now (the teacher opened another file).
    let (cat, _) = set_tour(Paper::A4);
    let mut tour = cat.dataset.tours[0].clone();
    tour.steps[1].event = "gone-event".into();
    let inks = Palette::new(ThemeKind::Light, Some(&cat.dataset)).inks();
    let pages = handout::tour_pages(&cat, &tour, None, Paper::A4, &inks);
    let lines: Vec<&str> = pages.lines().map(|(_, l)| l).collect();
    assert!(
        lines.contains(&"Event “gone-event” is not in the open files"),
        "{lines:?}"
    );
    // Its caption still stands, and every other step prints whole.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Then the firing at the crossing"))
    );
    assert!(lines.contains(&"Envoys meet at the lake"));
    assert!(lines.contains(&"An aid convoy reaches Eastford"));
    assert!(handout::to_pdf(&pages).is_ok());
}
