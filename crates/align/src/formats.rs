//! Alignment output: hunalign-style TSV, JSON, and TMX 1.4 translation memories.

use crate::aligner::Group;
use glossfix_text::display::{one_line, xml_safe};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::ops::Range;

/// `source \t target \t score`, one group per line; the sentences of a group are joined
/// with ` ~~~ ` as hunalign does.
pub fn to_tsv(groups: &[Group], source: &[&str], target: &[&str]) -> String {
    let join = |texts: &[&str], r: &Range<usize>| {
        texts[r.clone()].iter().map(|s| one_line(s)).collect::<Vec<_>>().join(" ~~~ ")
    };
    groups
        .iter()
        .map(|g| format!("{}\t{}\t{:.3}\n", join(source, &g.source), join(target, &g.target), g.score))
        .collect()
}

/// One JSON object per group: sentence indices, texts and score.
pub fn to_json(groups: &[Group], source: &[&str], target: &[&str]) -> String {
    let items: Vec<serde_json::Value> = groups
        .iter()
        .map(|g| {
            serde_json::json!({
                "source": source[g.source.clone()].iter().map(|s| one_line(s)).collect::<Vec<_>>(),
                "target": target[g.target.clone()].iter().map(|s| one_line(s)).collect::<Vec<_>>(),
                "source_sentences": [g.source.start, g.source.end],
                "target_sentences": [g.target.start, g.target.end],
                "score": (g.score * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("groups serialize") + "\n"
}

/// A TMX 1.4 translation memory: one `<tu>` per group that has both sides, with its
/// score as a `<prop type="x-score">`. Written with quick-xml, which escapes markup
/// characters; characters XML 1.0 forbids become U+FFFD ([`xml_safe`]), so the output
/// always parses.
pub fn to_tmx(groups: &[Group], source: &[&str], target: &[&str], source_lang: &str, target_lang: &str) -> String {
    write_tmx(groups, source, target, source_lang, target_lang).expect("writing XML to memory cannot fail")
}

fn write_tmx(
    groups: &[Group],
    source: &[&str],
    target: &[&str],
    source_lang: &str,
    target_lang: &str,
) -> std::io::Result<String> {
    let (source_lang, target_lang) = (xml_safe(source_lang), xml_safe(target_lang));
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped("tmx SYSTEM \"tmx14.dtd\"")))?;
    w.create_element("tmx").with_attribute(("version", "1.4")).write_inner_content(|w| {
        w.create_element("header")
            .with_attributes([
                ("creationtool", "glossfix"),
                ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                ("segtype", "sentence"),
                ("o-tmf", "glossfix"),
                ("adminlang", "en"),
                ("srclang", &source_lang),
                ("datatype", "plaintext"),
            ])
            .write_empty()?;
        w.create_element("body").write_inner_content(|w| {
            for g in groups.iter().filter(|g| !g.source.is_empty() && !g.target.is_empty()) {
                let seg = |texts: &[&str], r: &Range<usize>| {
                    texts[r.clone()].iter().map(|s| one_line(s)).collect::<Vec<_>>().join(" ")
                };
                w.create_element("tu").write_inner_content(|w| {
                    w.create_element("prop")
                        .with_attribute(("type", "x-score"))
                        .write_text_content(BytesText::new(&format!("{:.3}", g.score)))?;
                    for (lang, text) in [(&source_lang, seg(source, &g.source)), (&target_lang, seg(target, &g.target))]
                    {
                        w.create_element("tuv").with_attribute(("xml:lang", lang.as_ref())).write_inner_content(
                            |w| {
                                // One line: no indentation inside the segment.
                                w.create_element("seg").write_text_content(BytesText::new(&xml_safe(&text)))?;
                                Ok::<_, std::io::Error>(())
                            },
                        )?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes).expect("the writer was given UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aligner::Aligner;

    #[test]
    fn outputs() {
        let en = ["One & two.", "Three."];
        let fr = ["Un & deux.", "Trois."];
        let groups = Aligner::new(&[]).align(&en, &fr);
        let tsv = to_tsv(&groups, &en, &fr);
        assert!(tsv.starts_with("One & two.\tUn & deux.\t"), "{tsv}");
        let tmx = to_tmx(&groups, &en, &fr, "en", "fr");
        assert!(tmx.contains("<seg>Un &amp; deux.</seg>"), "{tmx}");
        roxmltree::Document::parse_with_options(
            &tmx,
            roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
        )
        .expect("well-formed");
        let json: serde_json::Value = serde_json::from_str(&to_json(&groups, &en, &fr)).unwrap();
        assert_eq!(json[1]["target"][0], "Trois.");
    }

    #[test]
    fn tmx_is_well_formed_whatever_the_text_holds() {
        // Control characters XML 1.0 forbids, and markup characters.
        let en = ["Bell\u{7} and <tag> & \u{1B}[0m.", "Two."];
        let fr = ["Cloche\u{7} et <balise> & \u{FFFF}.", "Deux."];
        let groups = Aligner::new(&[]).align(&en, &fr);
        let tmx = to_tmx(&groups, &en, &fr, "en", "fr");
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        let doc = roxmltree::Document::parse_with_options(&tmx, options).expect("well-formed");
        let first = doc.descendants().find(|n| n.has_tag_name("seg")).and_then(|n| n.text()).unwrap();
        assert_eq!(first, "Bell\u{FFFD} and <tag> & \u{FFFD}[0m.");
    }
}
