#!/usr/bin/env python3
"""Derives src/main/resources/assistant/synonyms/sudachi-synonyms.txt from the SudachiDict synonym file.

Input: sudachi-synonyms-dictionary.json of the npm package sudachi-synonyms-dictionary 18.0.0 (Apache-2.0;
https://registry.npmjs.org/sudachi-synonyms-dictionary/-/sudachi-synonyms-dictionary-18.0.0.tgz), a JSON
conversion of WorksApplications/SudachiDict src/main/text/synonyms.txt.

Output, one synonym group per line: the group's vocabularies (語彙) separated by TAB, the forms of one vocabulary
(異表記, 略語, 別称 ...) separated by ','. A form prefixed with '^' never triggers expansion itself
(expandControl 1) but is added when another word of its group is found; forms with expandControl 2 ("never
expand", kept upstream only as a deletion record) are left out. Words are NFKC-normalised and lower-cased,
as the engine normalises text.

    python3 tools/sudachi-synonyms.py package/sudachi-synonyms-dictionary.json > .../sudachi-synonyms.txt
"""
import json
import sys
import unicodedata


def norm(s):
    return unicodedata.normalize("NFKC", s).lower().replace("\t", " ").replace(",", " ").strip()


def main(path):
    groups = json.load(open(path, encoding="utf-8"))
    print("# SudachiDict synonyms (sudachi-synonyms-dictionary 18.0.0, Apache-2.0), derived by tools/sudachi-synonyms.py")
    for g in groups:
        vocab = {}
        for it in g["items"]:
            if it["expandControl"] == 2:
                continue
            w = norm(it["midashi"])
            if not w:
                continue
            form = ("^" if it["expandControl"] == 1 else "") + w
            forms = vocab.setdefault(it["vocabularyNumber"] or 0, [])
            if form not in forms and w not in [f.lstrip("^") for f in forms]:
                forms.append(form)
        words = sum(len(v) for v in vocab.values())
        if words >= 2:
            print("\t".join(",".join(v) for v in vocab.values()))


if __name__ == "__main__":
    main(sys.argv[1])
