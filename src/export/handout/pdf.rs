//! Writing set pages as a PDF with krilla: real text in the bundled fonts (embedded and
//! subset, so it selects, searches and prints the same everywhere), right-to-left runs in
//! display order, and a tag tree (title, headings, paragraphs, figures with their words) so
//! a screen reader reads the handout in order and skips page numbers.

use std::collections::HashMap;
use std::num::NonZeroU16;

use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use super::page::{Mark, Pages, Role};
use super::typeface::{Face, Typefaces};
use super::wrap::Style;

/// The PDF of `pages`, in language `lang` ("en").
pub fn write(pages: &Pages, faces: &Typefaces, lang: &str) -> Result<Vec<u8>, String> {
    let mut doc = Document::new_with(SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let mut fonts: HashMap<Face, Font> = HashMap::new();
    let mut font = |face: Face| -> Font {
        fonts
            .entry(face)
            .or_insert_with(|| Font::new(face.bytes().into(), 0).expect("the bundled fonts load"))
            .clone()
    };
    let mut tagged: Vec<Vec<Identifier>> = vec![Vec::new(); pages.blocks.len()];
    let mut link_ids: Vec<Vec<Identifier>> = vec![Vec::new(); pages.blocks.len()];
    let size = PageSettings::from_wh(pages.paper.width, pages.paper.height)
        .ok_or("the paper size is not a size")?;
    for page in &pages.pages {
        let mut p = doc.start_page_with(size.clone());
        let mut surface = p.surface();
        let mut links = Vec::new();
        for mark in &page.marks {
            if let Mark::Link { rect, url, block } = mark {
                links.push((rect, url, block));
                continue;
            }
            let id = match mark.block() {
                Some(_) if matches!(mark, Mark::Text { .. }) => {
                    surface.start_tagged(ContentTag::Span(SpanTag::empty()))
                }
                Some(_) => surface.start_tagged(ContentTag::Other),
                None => surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    if matches!(mark, Mark::Text { .. }) {
                        ArtifactType::PaginationOther
                    } else {
                        ArtifactType::Layout
                    },
                ))),
            };
            match mark {
                Mark::Text {
                    x, y, text, style, ..
                } => {
                    draw_text(&mut surface, faces, &mut font, (*x, *y), text, *style);
                }
                Mark::Fill { points, colour, .. } => {
                    if let Some(path) = polygon(points, true) {
                        surface.set_stroke(None);
                        surface.set_fill(Some(Fill {
                            paint: rgb(*colour).into(),
                            ..Fill::default()
                        }));
                        surface.draw_path(&path);
                    }
                }
                Mark::Link { .. } => {}
                Mark::Stroke {
                    points,
                    width,
                    colour,
                    ..
                } => {
                    if let Some(path) = polygon(points, false) {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb(*colour).into(),
                            width: *width,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                    }
                }
            }
            surface.end_tagged();
            if let Some(b) = mark.block() {
                tagged[b].push(id);
            }
        }
        surface.finish();
        // Links after the page's content: each annotation a link node of its card.
        for ([x0, y0, x1, y1], url, block) in links {
            let Some(rect) = Rect::from_ltrb(*x0, *y0, *x1, *y1) else {
                continue;
            };
            let target = Target::Action(LinkAction::new(url.clone()).into());
            let annotation =
                Annotation::new_link(LinkAnnotation::new(rect, target), Some(url.clone()));
            match block {
                Some(b) => link_ids[*b].push(p.add_tagged_annotation(annotation)),
                None => p.add_annotation(annotation),
            }
        }
        p.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
    for ((role, ids), links) in pages.blocks.iter().zip(tagged).zip(link_ids) {
        if ids.is_empty() {
            continue;
        }
        let kind: TagKind = match role {
            // PDF 1.7 has no title tag (krilla maps it to a paragraph): a first-level heading.
            Role::Title => Tag::Hn(NonZeroU16::MIN, Some(pages.title.clone())).into(),
            Role::Heading(level) => {
                Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), None).into()
            }
            Role::Paragraph => Tag::P.into(),
            Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        let mut group = TagGroup::new(kind);
        for id in ids {
            group.push(id);
        }
        for link in links {
            group.push(TagGroup::with_children(Tag::Link, vec![link.into()]));
        }
        tree.push(group);
    }
    doc.set_tag_tree(tree);
    doc.set_metadata(
        Metadata::new()
            .title(pages.title.clone())
            .language(lang.to_owned())
            .creator("Claimline".to_owned()),
    );
    doc.finish()
        .map_err(|e| format!("the PDF could not be written: {e:?}"))
}

fn rgb([r, g, b]: [u8; 3]) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn polygon(points: &[(f32, f32)], close: bool) -> Option<krilla::geom::Path> {
    let (first, rest) = points.split_first()?;
    let mut pb = PathBuilder::new();
    pb.move_to(first.0, first.1);
    for p in rest {
        pb.line_to(p.0, p.1);
    }
    if close {
        pb.close();
    }
    pb.finish()
}

/// One line of text from `(x, baseline)`: cut into runs of one direction in display order,
/// each cut again into runs of one face, drawn one after another.
fn draw_text(
    surface: &mut krilla::surface::Surface,
    faces: &Typefaces,
    font: &mut impl FnMut(Face) -> Font,
    (x, y): (f32, f32),
    text: &str,
    style: Style,
) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: rgb(style.colour).into(),
        ..Fill::default()
    }));
    let mut x = x;
    for (range, rtl) in visual_runs(text) {
        let run = &text[range];
        let mut parts = faces.runs(run, style.bold);
        let direction = if rtl {
            // Within a right-to-left run the last part is leftmost.
            parts.reverse();
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        for (face, r) in parts {
            let part = &run[r];
            surface.draw_text(
                Point::from_xy(x, y),
                font(face),
                style.size,
                part,
                false,
                direction,
            );
            x += faces.run_width(face, part, style.size);
        }
    }
}

/// The line's runs of one direction, in the order they show from left to right, and whether
/// each reads right to left.
fn visual_runs(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let bidi = unicode_bidi::BidiInfo::new(text, None);
    if !bidi.has_rtl() {
        return vec![(0..text.len(), false)];
    }
    let mut out = Vec::new();
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            out.push((run, rtl));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::visual_runs;

    #[test]
    fn hebrew_inside_english_is_its_own_run_in_display_order() {
        let text = "He said שלום עולם today";
        let runs = visual_runs(text);
        let words: Vec<(&str, bool)> = runs
            .iter()
            .map(|(r, rtl)| (&text[r.clone()], *rtl))
            .collect();
        assert_eq!(words.len(), 3, "{words:?}");
        assert!(words[1].1 && words[1].0.contains("שלום"), "{words:?}");
        assert!(!words[0].1 && !words[2].1);
    }
}
