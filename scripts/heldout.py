#!/usr/bin/env python3
"""Held-out evaluation: human French that no rule was written for, with artifacts injected.

    python3 scripts/heldout.py build          # download, extract, split, inject (target/heldout)
    python3 scripts/heldout.py eval dev       # tune on this one
    python3 scripts/heldout.py eval test      # report this one; never tune on it
    python3 scripts/heldout.py eval dev --reports   # list every false report of check

Text: four Debian documentation packages translated into French by people (pinned
versions, fetched with `apt-get download`, nothing stored in the repository): the Debian
Administrator's Handbook (a book: technical prose with history and explanations), the
Developer's Reference, the New Maintainers' Guide and the Debian Reference. Each HTML page
is cut into articles at its section headings, one paragraph per line, as the seed articles
are. Whole pages are assigned to `dev` or `test` by a hash of their name (about 1 in 3 to
dev), so the two never share a page; each article's injection is seeded by its own name,
so changing one article changes nothing elsewhere.

Injection: a fixed random seed puts new instances of each artifact class of the seed
articles into a copy of each article and records them in `gold.jsonl` (file, class, byte
span in the injected text, what was there, what was put). English stand-ins come from
FreeDict (a French word replaced by one of its English translations); furniture lines come
from two disjoint phrase lists, one per split, so that the test split's furniture is
phrasing no rule has seen. The clean originals are kept, so false changes and false
reports are counted on text with no injected artifact at all.

`eval` runs the release build of glossfix over both copies and prints, per class, the
recall (an injected artifact counts as found when a finding of the class's rules overlaps
it) and, for `fix`: repairs that restore the original exactly, wrong safe repairs (a change
at an injected artifact that does not restore it, or any change to a clean article), and
false changes and false reports per 10,000 words of clean text.
"""
import hashlib
import html.parser
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from glossfix_scripts import release_binary

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "heldout"
PACKAGES = {
    "debian-handbook": "11.20220922",
    "developers-reference-fr": "12.18",
    "maint-guide-fr": "1.2.53",
    "debian-reference-fr": "2.100",
    # Development text only (added 2026-11-24, after the test split's figures had been
    # read: the development split was small and the rules fitted it; these grow it with
    # documentation no rule had seen, and the test split stays exactly as it was).
    "debian-faq-fr": "11.1",
    "aptitude-doc-fr": "0.8.13-5",
    "ubuntu-packaging-guide-html-fr": "1.0.4",
    "debian-edu-doc-fr": "2.12.23~deb12u1",
    "gimp-help-fr": "2.10.34-2",
    # Added 2026-11-24 (second session of that day), for the same reason: two more
    # manuals of the test packages' kind (DocBook technical prose), dev only.
    "harden-doc": "3.19+nmu1",
    "installation-guide-amd64": "20230508+deb12u1",
}
# Pages of French HTML in each package (glob relative to the extracted tree).
PAGES = [
    ("handbook", "usr/share/doc/debian-handbook/html/fr-FR/*.html"),
    ("devref", "usr/share/developers-reference/fr/*.html"),
    ("maint", "usr/share/doc/maint-guide-fr/html/*.fr.html"),
    ("reference", "usr/share/debian-reference/*.fr.html"),
]
# Pages that always go to the development split (from the development-only packages).
DEV_PAGES = [
    ("faq", "usr/share/doc/debian/FAQ/fr/*.html"),
    ("aptitude", "usr/share/doc/aptitude/html/fr/*.html"),
    ("ubuntu", "usr/share/doc/ubuntu-packaging-guide-html-fr/*.html"),
    ("edu", "usr/share/doc/debian-edu-doc-fr/debian-edu-bookworm-manual.html"),
    ("gimp", "usr/share/gimp/2.0/help/fr/*.html"),
    ("harden", "usr/share/doc/harden-doc/html/fr-FR/*.html"),
    ("install", "usr/share/doc/installation-guide-amd64/fr/*.html"),
]
SEED = 20261123

# Furniture lines for injection: one list per split, no phrase in both. Neither list is
# the shipped furniture list (crates/rules/src/furniture_phrases.rs); the dev list may be
# read when writing it, the test list may not.
FURNITURE = {
    "dev": [
        "Advertisement", "Publicité", "Read more", "Lire aussi", "Partager", "Follow",
        "Share this article", "Contenu partenaire", "Abonnez-vous", "Newsletter",
        "Sponsored", "Related articles", "Tweet", "Imprimer", "Commentaires",
    ],
    "test": [
        "Advertisement continues below", "À lire également", "Partager sur Facebook",
        "Sign up for our newsletter", "La suite après cette publicité", "Suivez-nous",
        "Recommended for you", "Sur le même sujet", "Share on Twitter", "Article réservé aux abonnés",
        "Voir aussi", "Continue reading", "Contenu sponsorisé", "Email", "Fermer",
    ],
}

ELIDED = {"l": ["le", "la"], "d": ["de"], "qu": ["que"], "j": ["je"], "n": ["ne"], "m": ["me"], "t": ["te"]}
DOUBLE = ["le", "la", "les", "de", "des", "et", "à", "un", "une", "en", "du"]
CLASSES = {
    # class: the rule ids whose findings count for it
    "english-leak": {"english-leak", "fix"},
    "elision": {"elision"},
    "quote-mismatch": {"quote-mismatch", "unbalanced-quote"},
    "doubled-word": {"doubled-word"},
    "doubled-period": {"doubled-period"},
    "space-before-punctuation": {"space-before-punctuation"},
    "stray-brackets": {"stray-brackets"},
    "furniture": {"page-furniture", "furniture"},
    "spelling": {"spelling", "fix"},
    "agreement": {"agreement", "fix"},
    "capitalisation": {"capitalisation", "fix", "term"},
}


def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)


class Blocks(html.parser.HTMLParser):
    """Paragraph text of an HTML page, with the section headings that cut it."""

    BLOCK = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "blockquote", "td", "th", "title"}
    SKIP = {"pre", "script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.buf, self.skip, self.code, self.depth = [], [], 0, 0, []

    # Code in running text is written between backquotes, as in Markdown or a README.
    CODE = {"code", "tt", "kbd", "samp"}
    CODE_CLASSES = "command|package|filename|literal|option|systemitem|envar|varname|userinput|computeroutput|replaceable"
    VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr"}

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        skipping = tag in self.SKIP or (tag == "div" and bool(re.search(r"nav|toc|footer|header|legalnotice", cls)))
        code = tag in self.CODE or bool(re.search(r"\b(%s)\b" % self.CODE_CLASSES, cls))
        if tag not in self.VOID:
            self.depth.append((tag, skipping, code))
            self.skip += skipping
            if code:
                self.code += 1
                if self.code == 1:
                    self.buf.append("`")
        if tag in self.BLOCK or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if any(t == tag for t, _, _ in self.depth):
            while self.depth:
                open_tag, skipping, code = self.depth.pop()
                self.skip -= skipping
                if code:
                    self.code -= 1
                    if self.code == 0:
                        self.buf.append("`")
                if open_tag == tag:
                    break
        if tag in self.BLOCK:
            self.flush(heading=tag in ("h1", "h2", "h3"))

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def flush(self, heading=False):
        text = re.sub(r"\s+", " ", "".join(self.buf)).replace("``", "").strip()
        if text.count("`") % 2:
            text = text.replace("`", "")
        self.buf = []
        if text:
            self.out.append(("h" if heading else "p", text))


def page_blocks(path):
    parser = Blocks()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.flush()
    return parser.out


def french_enough(line):
    """A paragraph of French: some French function words, and more than English ones (the
    packages leave some paragraphs untranslated; those are not French text)."""
    words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿœ]+", re.sub(r"`[^`]*`", " ", line))]
    fr = sum(w in FUNCTION for w in words)
    en = sum(w in ENGLISH for w in words)
    return len(words) >= 4 and fr >= 1 and fr > 2 * en


def drop_english_sentences(paragraph):
    """The paragraph without its untranslated sentences: a sentence with at least two
    English function words and no more French ones is English, not French text."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“])", paragraph)
    kept = []
    for sentence in sentences:
        words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿœ]+", re.sub(r"`[^`]*`", " ", sentence))]
        en = sum(w in ENGLISH for w in words)
        fr = sum(w in FUNCTION for w in words)
        if not (en >= 2 and en >= fr):
            kept.append(sentence)
    return " ".join(kept)


# English function words (none is also a French word): a sentence with two of them and no
# more French ones was left untranslated.
ENGLISH = set("""the and of to is it this that these those for with are was were be been by from which what
who whom whose doesn don can will would should could you your they them their we our us he she his her its
not only also some any all each every there here when where while if then than into onto about after before
because but or nor so such very more most other another has have had does did do being""".split())


FUNCTION = set("le la les de des du un une et est que qui pour dans sur avec par pas une au aux ce cette il elle on vous nous en ne".split())


def build():
    debs = WORK / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    for name, version in PACKAGES.items():
        if not list(debs.glob(f"{name}_{version}_*.deb")):
            sh("apt-get", "download", f"{name}={version}", cwd=debs)
    tree = WORK / "x"
    tree.mkdir(exist_ok=True)
    for deb in sorted(debs.glob("*.deb")):
        stamp = tree / f".{deb.name}.extracted"
        if not stamp.exists():
            sh("dpkg-deb", "-x", str(deb), str(tree))
            stamp.touch()
    articles = []  # (name, page, paragraphs); names are stable: page and rank in it
    dev_pages = set()
    for source, pattern in PAGES + DEV_PAGES:
        for page in sorted(tree.glob(pattern)):
            if (source, pattern) in DEV_PAGES:
                dev_pages.add(f"{source}-{page.stem}")
            current, rank, page_id = [], 0, f"{source}-{page.stem}"

            def close():
                nonlocal current, rank
                articles.append((f"{page_id}-{rank}", page_id, current))
                current, rank = [], rank + 1

            for kind, text in page_blocks(page):
                if kind == "h" and len(current) >= 3:
                    close()
                if kind == "p" and french_enough(text):
                    current.append(drop_english_sentences(text))
                    if len(current) >= 40:
                        close()
            if len(current) >= 2:
                close()
    lexicon = load_lexicon()
    fr_en = load_fr_en(lexicon)
    for split in ("dev", "test"):
        for sub in ("clean", "injected"):
            d = WORK / split / sub
            d.mkdir(parents=True, exist_ok=True)
            for f in d.glob("*.txt"):
                f.unlink()
    gold = {"dev": [], "test": []}
    counts = Counter()
    for name, page_id, paragraphs in articles:
        # Whole pages go to one split, so that no split sees another's pages.
        split = "dev" if page_id in dev_pages or int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 3 == 0 else "test"
        rng = random.Random(f"{SEED}-{name}")  # each article's injection depends on it alone
        text = "\n".join(paragraphs) + "\n"
        fname = re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".txt"
        (WORK / split / "clean" / fname).write_text(text, encoding="utf-8")
        injected, items = inject(text, rng, fr_en, lexicon, FURNITURE[split])
        (WORK / split / "injected" / fname).write_text(injected, encoding="utf-8")
        for item in items:
            item["file"] = fname
            gold[split].append(item)
        counts[split] += 1
    for split in ("dev", "test"):
        with open(WORK / split / "gold.jsonl", "w", encoding="utf-8") as out:
            for item in gold[split]:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        words = sum(len(p.read_text().split()) for p in (WORK / split / "clean").glob("*.txt"))
        by_class = Counter(i["class"] for i in gold[split])
        print(f"{split}: {counts[split]} articles, {words} words, {len(gold[split])} artifacts: {dict(sorted(by_class.items()))}")


def load_lexicon():
    lex = {}
    with open(ROOT / "crates/data-wordfreq/lexicon.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, fr, en = line.rstrip("\n").split("\t")
            lex[w] = (int(fr) / 10, int(en) / 10)
    return lex


def load_fr_en(lexicon):
    """French word -> English translations that are clearly English (not French words)."""
    fr_en = defaultdict(list)
    with open(ROOT / "crates/data-freedict/en-fr.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            en, frs = line.rstrip("\n").split("\t")
            if not re.fullmatch(r"[a-z]{3,}", en):
                continue
            for fr in frs.split("|"):
                if re.fullmatch(r"[a-zàâçéèêëîïôûùüÿœ]{4,}", fr) and fr != en:
                    fr_en[fr].append(en)
    return fr_en


def inject(text, rng, fr_en, lexicon, furniture):
    """The text with artifacts injected, and the gold record of each (spans in the result)."""
    lines = text.split("\n")
    edits = []  # (line index, start, end, new, class)
    for li, line in enumerate(lines):
        if not line:
            continue
        roll = rng.random()
        if roll < 0.10:
            m = pick(rng, re.finditer(r"(?<![\w.’'/-])([LlDdJjNnMmTt]|[Qq]u)[’']([aeiouéèêàâîôûh][a-zàâçéèêëîïôûùüÿœ-]+)", line))
            if m:
                short = m.group(1)
                full = rng.choice(ELIDED[short.lower()])
                full = full.capitalize() if short[0].isupper() else full
                edits.append((li, m.start(), m.start(2), full + " ", "elision"))
        elif roll < 0.22:
            words = [m for m in re.finditer(r"(?<![\w’'/.-])([a-zàâçéèêëîïôûùüÿœ]{4,})(?![\w’'/.-])", line) if m.group(1) in fr_en]
            m = pick(rng, words)
            if m:
                en = rng.choice(fr_en[m.group(1)])
                fr_z, en_z = lexicon.get(en, (0.0, 0.0))
                edits.append((li, m.start(), m.end(), en, "english-leak" if fr_z < 3.0 else "english-leak-ambiguous"))
        elif roll < 0.27:
            m = pick(rng, re.finditer(r"«[^«»]{3,}?»", line))
            if m:
                edits.append((li, m.end() - 1, m.end(), rng.choice(["“", "”"]), "quote-mismatch"))
        elif roll < 0.34:
            m = pick(rng, re.finditer(r"(?<![\w’'-])(%s) (?=\w)" % "|".join(DOUBLE), line))
            if m:
                edits.append((li, m.start(), m.start(), m.group(1) + " ", "doubled-word"))
        elif roll < 0.39:
            m = pick(rng, re.finditer(r"(?<=[a-zàâçéèêëîïôûùüÿœ]{3})\.(?= [A-ZÀÉ])", line))
            if m:
                edits.append((li, m.start(), m.end(), "..", "doubled-period"))
        elif roll < 0.45:
            m = pick(rng, re.finditer(r"(?<=[a-zàâçéèêëîïôûùüÿœ]{3})(,)(?= [a-zàâçéèêëîïôûùüÿœ])", line))
            if m:
                edits.append((li, m.start(), m.start(), " ", "space-before-punctuation"))
        elif roll < 0.48:
            m = pick(rng, re.finditer(r"(?<=[a-zàâçéèêëîïôûùüÿœ]{3})\.(?= [A-ZÀÉ])", line))
            if m:
                edits.append((li, m.start(), m.start(), rng.choice([" (.)", " ()"]), "stray-brackets"))
    # Typos, from a stream of their own so that the other injections stay as they were:
    # a common French word cut at its end (what a spinner does), or a letter dropped,
    # doubled or swapped with the next.
    typo_rng = random.Random(hash_seed(lines))
    edited = {e[0] for e in edits}
    for li, line in enumerate(lines):
        if not line or li in edited or typo_rng.random() >= 0.06:
            continue
        words = [m for m in re.finditer(r"(?<![\w’'`/.-])([a-zàâçéèêëîïôûùüÿœ]{6,})(?![\w’'`/.-])", line)
                 if lexicon.get(m.group(1), (0, 0))[0] >= 3.0]
        m = pick(typo_rng, words)
        if not m:
            continue
        w = m.group(1)
        kind = typo_rng.choice(["cut", "drop", "double", "swap"])
        i = typo_rng.randrange(1, len(w) - 2)
        typo = {"cut": w[:-1], "drop": w[:i] + w[i + 1:], "double": w[:i] + w[i] + w[i:], "swap": w[:i] + w[i + 1] + w[i] + w[i + 2:]}[kind]
        if typo != w and typo not in lexicon:
            edits.append((li, m.start(), m.end(), typo, "spelling"))
    # Agreement slips, from a stream of their own: a determiner of the other gender
    # before a noun ("la" for "le"), or an adjective's gender flipped after its noun.
    agree_rng = random.Random(hash_seed(lines) + 1)
    edited = {e[0] for e in edits}
    flip = {"le": "la", "la": "le", "un": "une", "une": "un", "ce": "cette", "cette": "ce"}
    for li, line in enumerate(lines):
        if not line or li in edited or agree_rng.random() >= 0.05:
            continue
        pairs = [m for m in re.finditer(r"(?<![\w’'`/.-])(le|la|un|une|ce|cette) ([bcdfgjklmnpqrstvwxz][a-zàâçéèêëîïôûùüÿœ]{3,})(?![\w’'`/.-])", line)]
        m = pick(agree_rng, pairs)
        if m:
            edits.append((li, m.start(1), m.end(1), flip[m.group(1)], "agreement"))
    # Capitals, from a stream of their own: a nationality or language word capitalised
    # ("en Anglais", "le système Français"), or one occurrence of a name the article
    # capitalises several times written in lower case ("debian").
    cap_rng = random.Random(hash_seed(lines) + 2)
    edited = {e[0] for e in edits}
    names = Counter(m.group(0) for l in lines for m in re.finditer(r"(?<=[a-zà-ÿ,] )[A-Z][a-z]{3,}\b", l))
    nationality = r"(?:(?<=\ben )|(?<=[a-zà-ÿ]{3} ))((?:angl|franç|japon|allem|anglo-sax)ais[e]?|(?:itali|europé|améric|coré|canadi|austral|indi)[a-zé]*n[ne]*)\b"
    for li, line in enumerate(lines):
        if not line or li in edited or cap_rng.random() >= 0.08:
            continue
        choices = [("n", m) for m in re.finditer(nationality, line)]
        choices += [("l", m) for m in re.finditer(r"(?<=[a-zà-ÿ,] )([A-Z][a-z]{3,})\b(?![’'/.-]\w)", line) if names[m.group(1)] >= 3]
        if not choices:
            continue
        kind, m = cap_rng.choice(choices)
        w = m.group(1)
        edits.append((li, m.start(1), m.end(1), w.capitalize() if kind == "n" else w.lower(), "capitalisation"))
    # Apply line edits right to left, then furniture lines.
    by_line = defaultdict(list)
    for e in edits:
        by_line[e[0]].append(e)
    records_by_line = defaultdict(list)
    for li, es in by_line.items():
        line = lines[li]
        for (_, s, e, new, cls) in sorted(es, key=lambda x: -x[1]):
            old = line[s:e]
            line = line[:s] + new + line[e:]
            # later (left) edits shift nothing to their right: recompute spans after.
            records_by_line[li].append([s, new, old, cls])
        lines[li] = line
    furniture_at = set()
    n = len([l for l in lines if l])
    for _ in range(1 + (n > 8)):
        if rng.random() < 0.6:
            furniture_at.add(rng.choice([0, n, rng.randrange(0, n + 1)]))
    out, records, offset = [], [], 0
    content = [l for l in lines if l]
    for i in range(len(content) + 1):
        if i in furniture_at:
            phrase = rng.choice(furniture)
            records.append({"class": "furniture", "start": offset, "end": offset + len(phrase.encode()) + 1, "put": phrase + "\n", "was": ""})
            out.append(phrase)
            offset += len(phrase.encode()) + 1
        if i < len(content):
            line = content[i]
            for s, new, old, cls in records_by_line.get(original_index(lines, i), []):
                start = offset + len(line[:s].encode())
                records.append({"class": cls, "start": start, "end": start + len(new.encode()), "put": new, "was": old})
            out.append(line)
            offset += len(line.encode()) + 1
    return "\n".join(out) + "\n", records


def hash_seed(lines):
    """A seed from the article's text, for the streams that must not disturb the others."""
    return int(hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16], 16)


def original_index(lines, i):
    """Index in `lines` of the i-th non-empty line."""
    seen = -1
    for li, l in enumerate(lines):
        if l:
            seen += 1
            if seen == i:
                return li
    return None


def pick(rng, matches):
    matches = list(matches)
    return rng.choice(matches) if matches else None


def run_glossfix(binary, args, folder):
    result = subprocess.run([str(binary), *args, str(folder)], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"glossfix {' '.join(args)} failed ({result.returncode}): {result.stderr[:2000]}")
    findings = defaultdict(list)
    for line in result.stdout.splitlines():
        f = json.loads(line)
        findings[Path(f["path"]).name].append(f)
    return findings


def evaluate(split, glossary, verbose):
    binary = release_binary()
    base = WORK / split
    gold = [json.loads(l) for l in open(base / "gold.jsonl", encoding="utf-8")]
    gargs = ["--glossary", glossary] if glossary else []
    clean = run_glossfix(binary, [*gargs, "check", "--format", "json"], base / "clean")
    injected = run_glossfix(binary, [*gargs, "check", "--format", "json"], base / "injected")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (base / "clean").glob("*.txt"))
    files = len(list((base / "clean").glob("*.txt")))
    print(f"{split}: {files} articles, {words} words of clean text, {len(gold)} injected artifacts")
    # Clean text: every safe edit is a false change, every finding a false report, but
    # for the errors of the packages themselves, each confirmed by reading it and listed
    # in scripts/heldout-errata.tsv (split, file, rule, byte offset, what is wrong).
    errata = set()
    for line in open(ROOT / "scripts" / "heldout-errata.tsv", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            e_split, e_file, e_rule, e_at, _ = line.rstrip("\n").split("\t")
            if e_split == split:
                errata.add((e_file, e_rule, int(e_at)))
    is_erratum = lambda f: (Path(f["path"]).name, f["rule"], f["byte_start"]) in errata
    safe = [f for fs in clean.values() for f in fs if f["applicability"] == "safe"]
    changes = [f for f in safe if not is_erratum(f)]
    reports = [f for fs in clean.values() for f in fs if not is_erratum(f)]
    per10k = lambda n: n * 10000 / max(words, 1)
    all_reports = sum(len(fs) for fs in clean.values())
    print(f"clean text: fix changes {len(changes)} ({per10k(len(changes)):.2f} per 10,000 words), "
          f"besides {len(safe) - len(changes)} repairs of errors in the packages; "
          f"check reports {len(reports)} ({per10k(len(reports)):.2f} per 10,000 words), "
          f"besides {all_reports - len(reports)} findings at errors in the packages, repairs included "
          f"({per10k(all_reports):.2f} per 10,000 words counting those)")
    print("  by rule: " + ", ".join(f"{r} {n}" for r, n in Counter(f["rule"] for f in reports).most_common()))
    if "--reports" in sys.argv:
        # Every false report on clean text, with its context (dev only: never read the
        # test split's reports to tune a rule).
        for f in reports:
            text = (base / "clean" / f["path"].split("/")[-1]).read_text(encoding="utf-8").encode()
            ctx = text[max(0, f["byte_start"] - 40): f["byte_end"] + 40].decode(errors="replace").replace("\n", "⏎")
            word = text[f["byte_start"]:f["byte_end"]].decode(errors="replace")
            print(f"  REPORT {f['rule']} {word!r} {f['path'].split('/')[-1]}: …{ctx}…")
    if verbose:
        for f in safe:
            text = (base / "clean" / f["path"].split("/")[-1]).read_text(encoding="utf-8").encode()
            ctx = text[max(0, f["byte_start"] - 40): f["byte_end"] + 40].decode(errors="replace").replace("\n", "⏎")
            tag = "ERRATUM" if is_erratum(f) else "CHANGE"
            print(f"  {tag} {f['rule']} {f['path'].split('/')[-1]} @{f['byte_start']}: …{ctx}… -> {f['replacement']!r}")
    # Injected text.
    gold_by_file = defaultdict(list)
    for g in gold:
        gold_by_file[g["file"]].append(g)
    stats = defaultdict(Counter)
    wrong = []
    for fname, items in gold_by_file.items():
        fs = injected.get(fname, [])
        for g in items:
            rules = CLASSES.get(g["class"].replace("-ambiguous", ""), set())
            hit = [f for f in fs if f["rule"] in rules and f["byte_start"] < max(g["end"], g["start"] + 1) and f["byte_end"] > g["start"] - (1 if g["class"] == "doubled-word" else 0)]
            stats[g["class"]]["total"] += 1
            if hit:
                stats[g["class"]]["found"] += 1
            elif verbose and g["class"] in ("english-leak", "english-leak-ambiguous", "quote-mismatch", "furniture", "elision", "capitalisation", "agreement", "spelling"):
                text = (base / "injected" / fname).read_bytes()
                ctx = text[max(0, g["start"] - 30): g["end"] + 30].decode(errors="replace").replace("\n", "⏎")
                print(f"  MISS {g['class']} {fname}: …{ctx}… ({g['put']!r} was {g['was']!r})")
        # Safe edits at injected artifacts: do they restore the original?
        for f in fs:
            if f["applicability"] != "safe":
                continue
            for e in f["edits"]:
                # Overlapping the artifact, or an insertion or deletion touching it.
                at = [g for g in items if e["byte_start"] < g["end"] and e["byte_end"] > g["start"]
                      or (e["byte_start"] == e["byte_end"] or g["start"] == g["end"]) and g["start"] <= e["byte_start"] <= g["end"]
                      or g["class"] == "doubled-word" and e["byte_end"] == g["end"]]
                if not at:
                    continue
                g = at[0]
                stats[g["class"]]["repaired"] += 1
                if not restores(base / "injected" / fname, e, g):
                    stats[g["class"]]["wrong"] += 1
                    wrong.append((fname, f, g))
    print(f"{'class':28} {'injected':>8} {'found':>6} {'recall':>7} {'safe edits':>10} {'wrong':>6}")
    for cls in sorted(stats):
        s = stats[cls]
        print(f"{cls:28} {s['total']:8} {s['found']:6} {s['found'] / max(s['total'], 1):7.2f} {s['repaired']:10} {s['wrong']:6}")
    for fname, f, g in wrong[:40]:
        print(f"  WRONG {fname} {f['rule']} edit {f['edits']} at {g}")


def restores(path, edit, g):
    """Whether a safe edit at an injected artifact gives back what was there."""
    text = path.read_bytes()
    lo = min(edit["byte_start"], g["start"])
    hi = max(edit["byte_end"], g["end"])
    before = text[lo:edit["byte_start"]] + edit["replacement"].encode() + text[edit["byte_end"]:hi]
    want = text[lo:g["start"]] + g["was"].encode() + text[g["end"]:hi]
    # The rule may write ’ where the original had ' (the text's apostrophe style).
    norm = lambda b: b.decode(errors="replace").replace("’", "'").replace("\n", "")
    return norm(before) == norm(want) or (g["class"] == "doubled-word" and norm(before).split() == norm(want).split())


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "build":
        build()
    elif len(sys.argv) >= 3 and sys.argv[1] == "eval" and sys.argv[2] in ("dev", "test"):
        glossary = None
        for a in sys.argv[3:]:
            if a.startswith("--glossary="):
                glossary = a.split("=", 1)[1]
        evaluate(sys.argv[2], glossary or str(ROOT / "glossary.toml"), "-v" in sys.argv)
    else:
        sys.exit(__doc__)
