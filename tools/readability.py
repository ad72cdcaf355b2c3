"""Readability of the information pages (app/src/pages/info/content.rs), in English.

Reads each page's words from the content file (its title, summary, headings, paragraphs, list
items and link words; lifetimes filled in as the site fills them) and scores them with textstat:
Flesch reading ease (higher is easier; 70-80 reads easily at about 12-13 years old, 80-90 at
about 11) and the Flesch-Kincaid grade (a US school grade; a reading age is about grade + 5).
Run by scripts/readability, which installs textstat in a virtual environment first.
"""

import re
import sys

import textstat

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
FILLS = {"{draft}": "30 days", "{idle}": "2 hours", "{kept}": "2 years"}


def pages(source: str):
    """(slug, text) for each page of the English list."""
    english = source.split("pub const EN: &[InfoPage] = &[", 1)[1]
    for chunk in english.split("InfoPage {")[1:]:
        literals = [m.group(1).replace('\\"', '"') for m in STRING.finditer(chunk)]
        slug = literals[0]
        words = [w for w in literals[1:] if not w.startswith("/")]
        text = []
        for w in words:
            for k, v in FILLS.items():
                w = w.replace(k, v)
            # Headings, list items and link words stand as sentences of their own.
            text.append(w if w.rstrip().endswith((".", "?", "!", ":")) else w + ".")
        yield slug, " ".join(text)


def main(path: str) -> None:
    textstat.set_lang("en_GB")
    print("| page | words | sentences | Flesch reading ease | Flesch-Kincaid grade | reading age (about) |")
    print("|------|------:|----------:|--------------------:|---------------------:|--------------------:|")
    for slug, text in pages(open(path, encoding="utf-8").read()):
        grade = textstat.flesch_kincaid_grade(text)
        print(
            f"| `{slug}` | {textstat.lexicon_count(text)} | {textstat.sentence_count(text)} "
            f"| {textstat.flesch_reading_ease(text):.0f} | {grade:.1f} | {grade + 5:.0f} |"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "app/src/pages/info/content.rs")
