//! Alignment output: hunalign-style TSV, JSON, and TMX 1.4 translation memories.

use crate::aligner::Group;
use glossfix_text::display::{one_line, xml_escape};
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
/// score as a `<prop type="x-score">`.
pub fn to_tmx(groups: &[Group], source: &[&str], target: &[&str], source_lang: &str, target_lang: &str) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n  \
         <header creationtool=\"glossfix\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"glossfix\" \
         adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        xml_escape(source_lang)
    );
    for g in groups.iter().filter(|g| !g.source.is_empty() && !g.target.is_empty()) {
        let seg = |texts: &[&str], r: &Range<usize>| {
            xml_escape(&texts[r.clone()].iter().map(|s| one_line(s)).collect::<Vec<_>>().join(" "))
        };
        out.push_str(&format!(
            "    <tu>\n      <prop type=\"x-score\">{:.3}</prop>\n      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n    </tu>\n",
            g.score,
            xml_escape(source_lang),
            seg(source, &g.source),
            xml_escape(target_lang),
            seg(target, &g.target)
        ));
    }
    out.push_str("  </body>\n</tmx>\n");
    out
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
        assert!(tmx.contains("<tuv xml:lang=\"fr\"><seg>Un &amp; deux.</seg></tuv>"), "{tmx}");
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
