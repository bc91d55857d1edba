"""The real-data labelled set for `tthc dedupe-names`: labels from unit codes only.

`python -m benchmarks.reallabelled build` writes `tests/data/dedupe-real-labelled.csv`
(deterministic, seeded) from the official lists in `../shared/data/raw`. A label never comes from
tthc or from a judgement of similarity: it comes from the codes.

- **DUP: the same code written two ways in two official lists.**
  - the pre-2025 communes: the statistics office's list
    (`vietnamadminunits/danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv`, `Mã` and `Tên`)
    against the old-commune list of `dvhcvn-20250701/mapping/splits.json` (`level3_id`, `name`):
    every code whose two names differ (after NFC);
  - the same statistics office list: `Tên` against its own unmarked `Tên Tiếng Anh`
    ("Vinh Phuc Commune"; the English word for the type dropped), every code where that column
    is the name without marks (a few rows hold a renamed unit's name or a note instead);
  - the 3,321 communes of 2025: `pypi-vietnam-provinces/flat-divisions.json` (`code`, `name`)
    against `dvhcvn-20250701/mapping/merges.json` (`level2_id`, `name`) and
    `vietnamadminunits/2025_34-province-3221-ward_with_location.csv` (`wardCode`, `ward`): every
    code whose names differ; and `name` against the same file's unmarked `codename`
    (`xa_phu_nghia`), a seeded sample of :data:`CODENAME_SAMPLE` codes.
- **NOT: two codes of one official register inside one district.** Pairs of pre-2025 communes
  of one district (`Mã QH`) of the statistics office's list, with two different codes and two
  different names, are sorted by the kind of difference between the two written names (see
  :func:`kind_of`, plain text comparison, no tthc) and at most :data:`PER_KIND` pairs of each kind
  are drawn with the seed. Names are as the register writes them: its own unmarked names
  ("Ia Bang" beside "Ia Băng", "Sa Pa" beside "Sa Pả") are the "typed without marks" kind. Two
  codes whose names are identical once the type word is dropped are left out (one name, two
  units), and so are pairs that differ in more than one way ("other").

Each name loses its commune type word (Xã, Phường, Thị trấn, Đặc khu). A seeded third of the
pairs are then compared bare (hamlet), a third with "Thôn " in front of both names (hamlet),
and a third with "Đường " in front of both (street); an unmarked second name gets "Thon " or
"Duong " half the time, the marked type word the other half. Rows have the columns of
`benchmarks/labelled.py` (`kind, ward, a, b, label, how, source`); `how` is the kind of
difference.

`python -m benchmarks labelled` scores this set and the synthetic one (`benchmarks/labelled.py`):
the precision of `duplicate` (a `duplicate` on a NOT pair is a false merge), the recall of any
verdict on DUP pairs, and the share of NOT pairs that get any verdict although they are not
tone-only or word-order variants of each other ("other false flags"); overall and per kind.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import labelled
from benchmarks.labelled import Pair
from benchmarks.rawdata import RAW

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "dedupe-real-labelled.csv"
GSO = RAW / "vietnamadminunits" / "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv"
SPLITS = RAW / "dvhcvn-20250701" / "mapping" / "splits.json"
MERGES = RAW / "dvhcvn-20250701" / "mapping" / "merges.json"
PYPI = RAW / "pypi-vietnam-provinces" / "flat-divisions.json"
WARDS = RAW / "vietnamadminunits" / "2025_34-province-3221-ward_with_location.csv"
SEED = 20261204
CODENAME_SAMPLE = 160
PER_KIND = 50

_UNIT_TYPE_RE = re.compile(r"^\s*(?:xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)
_ENGLISH_TYPE_RE = re.compile(r"\s+(?:commune|ward|town(?:ship)?|precinct)\s*$", re.IGNORECASE)
_CODENAME_TYPE_RE = re.compile(r"^(?:xa|phuong|thi_tran|dac_khu)_")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Every diacritic off, đ -> d: how a name is written without marks."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(c for c in decomposed if not unicodedata.combining(c)))


def bare(name: str) -> str:
    """The name without its commune type word, spaces collapsed."""
    return " ".join(_UNIT_TYPE_RE.sub("", nfc(name)).split())


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", nfc(text).casefold()).split()


def _folded(text: str) -> list[str]:
    return _words(strip_marks(text))


_REGIONAL = (("s", "x", "s/x"), ("ch", "tr", "ch/tr"), ("l", "n", "l/n"))
_D_GI_R = ("d", "gi", "r")


def _regional(x: str, y: str) -> str | None:
    """ "s/x", "ch/tr", "d/gi/r" or "l/n" when two folded words differ only there, at the start."""
    for a, b, name in _REGIONAL:
        for p, q in ((a, b), (b, a)):
            if x.startswith(p) and y.startswith(q) and x[len(p) :] == y[len(q) :]:
                return name
    for p in _D_GI_R:
        for q in _D_GI_R:
            if p != q and x.startswith(p) and y.startswith(q) and x[len(p) :] == y[len(q) :]:
                # "gi" + "a" against "d" + "a", and "gi" + "ang" against "d" + "ang"
                return "d/gi/r"
    return None


def kind_of(a: str, b: str) -> str:
    """The kind of difference between two written names, by plain text comparison."""
    if a == b:
        return "identical"
    wa, wb = _words(a), _words(b)
    fa, fb = _folded(a), _folded(b)
    a_marked, b_marked = fa != wa, fb != wb
    if wa == wb:
        return "case, spacing or punctuation"
    if fa == fb:
        if a_marked != b_marked:
            return "typed without marks"
        if [_tone_parts(w) for w in wa] == [_tone_parts(w) for w in wb]:
            return "tone placement"
        return "tone or vowel marks only"
    if sorted(fa) == sorted(fb):
        return "word order"
    if any(ch.isdigit() for ch in a + b):
        return "number differs"
    if len(fa) != len(fb):
        short, long = (fa, fb) if len(fa) < len(fb) else (fb, fa)
        if all(w in long for w in short):
            return "word added"
        return "other"
    diffs = [(x, y) for x, y in zip(fa, fb, strict=True) if x != y]
    if len(diffs) == 1:
        x, y = diffs[0]
        if x.replace("y", "i") == y.replace("y", "i"):
            return "i/y"
        regional = _regional(x, y)
        if regional is not None:
            return f"one consonant {regional}"
        return "one syllable"
    return "other"


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _tone_parts(word: str) -> tuple[str, str]:
    """(the word without its tone mark, the tone mark): equal for hoà / hòa."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in decomposed if c in _TONES)
    return nfc("".join(c for c in decomposed if c not in _TONES)), tones


# --- reading the lists -------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    district: str = ""
    english: str = ""


def gso_units(path: Path = GSO) -> list[Unit]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Unit(r["Mã"], nfc(r["Tên"]), r["Mã QH"], nfc(r["Tên Tiếng Anh"]))
            for r in csv.DictReader(handle)
        ]


def splits_names(path: Path = SPLITS) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return {c["level3_id"]: nfc(c["name"]) for p in data for c in p["level3s"]}


def merges_names(path: Path = MERGES) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return {c["level2_id"]: nfc(c["name"]) for p in data for c in p["level2s"]}


def pypi_units(path: Path = PYPI) -> dict[str, tuple[str, str]]:
    """code -> (name, codename)."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {str(r["code"]).zfill(5): (nfc(r["name"]), r["codename"]) for r in rows}


def ward_names(path: Path = WARDS) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["wardCode"].zfill(5): nfc(r["ward"]) for r in csv.DictReader(handle)}


# --- pairs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    a: str
    b: str
    label: str
    source: str


def same_code_pairs(rng: random.Random) -> list[Raw]:
    """DUP: one code, two spellings in two official lists."""
    found: list[Raw] = []
    gso = gso_units()
    old = splits_names()
    for unit in gso:
        other = old.get(unit.code)
        if other is not None and bare(other) != bare(unit.name):
            found.append(Raw(bare(unit.name), bare(other), "DUP", f"GSO/splits.json {unit.code}"))
    for unit in gso:
        english = _ENGLISH_TYPE_RE.sub("", unit.english).strip()
        # Only where the column is the name typed without marks: a few rows hold a renamed
        # unit's name or a note instead.
        if english and english.casefold() == strip_marks(bare(unit.name)).casefold():
            found.append(Raw(bare(unit.name), english, "DUP", f"GSO Tên/Tên Tiếng Anh {unit.code}"))
    pypi = pypi_units()
    for other_list, label in (
        (merges_names(), "merges.json"),
        (ward_names(), "ward_with_location"),
    ):
        for code, (name, _codename) in sorted(pypi.items()):
            other = other_list.get(code)
            if other is not None and bare(other) != bare(name):
                found.append(Raw(bare(name), bare(other), "DUP", f"pypi/{label} {code}"))
    codes = sorted(pypi)
    for code in sorted(rng.sample(codes, CODENAME_SAMPLE)):
        name, codename = pypi[code]
        unmarked = _CODENAME_TYPE_RE.sub("", codename).replace("_", " ")
        found.append(Raw(bare(name), unmarked, "DUP", f"pypi name/codename {code}"))
    unique: dict[tuple[str, str], Raw] = {}
    for raw in found:
        if raw.a != raw.b:  # both lists write it alike ("Ia Ake"): nothing to tell apart
            unique.setdefault((raw.a, raw.b), raw)
    return list(unique.values())


def one_district_pairs(rng: random.Random) -> list[Raw]:
    """NOT: two codes of one district, sampled per kind of difference."""
    by_district: dict[str, list[Unit]] = defaultdict(list)
    for unit in gso_units():
        by_district[unit.district].append(unit)
    by_kind: dict[str, list[Raw]] = defaultdict(list)
    for district in sorted(by_district):
        units = by_district[district]
        for i, x in enumerate(units):
            for y in units[i + 1 :]:
                a, b = bare(x.name), bare(y.name)
                kind = kind_of(a, b)
                if kind in {"identical", "other", "case, spacing or punctuation"}:
                    continue  # one name for two units, or names nothing would confuse
                source = f"GSO district {district}: {x.code}/{y.code}"
                by_kind[kind].append(Raw(a, b, "NOT", source))
    chosen: list[Raw] = []
    for kind in sorted(by_kind):
        candidates = by_kind[kind]
        chosen += rng.sample(candidates, min(PER_KIND, len(candidates)))
    return chosen


_TYPE_WORDS = (("", "hamlet", ""), ("Thôn ", "hamlet", "Thon "), ("Đường ", "street", "Duong "))


def with_type_words(raw: Raw, rng: random.Random) -> Pair:
    marked, kind, unmarked = rng.choice(_TYPE_WORDS)
    a_unmarked = strip_marks(raw.a) == raw.a
    b_unmarked = strip_marks(raw.b) == raw.b
    prefix_b = unmarked if b_unmarked and not a_unmarked and rng.random() < 0.5 else marked
    how = kind_of(raw.a, raw.b)
    where = f"; type words '{marked.strip()}'/'{prefix_b.strip()}'" if marked else ""
    return Pair(kind, False, marked + raw.a, prefix_b + raw.b, raw.label, how, raw.source + where)


def build(seed: int = SEED) -> list[Pair]:
    rng = random.Random(seed)
    raws = same_code_pairs(rng) + one_district_pairs(rng)
    return [with_type_words(raw, rng) for raw in raws]


# --- scoring -------------------------------------------------------------------------------------


def _types_differ(pair: Pair) -> bool:
    """The same words after two different first words ("Thôn An Lại" / "Ấp An Lại")."""
    fa, fb = _folded(pair.a), _folded(pair.b)
    return (
        len(fa) > 1
        and len(fb) > 1
        and fa[0] != fb[0]
        and fa[-1] == fb[-1]
        and (
            fa[1:] == fb[1:]
            or fa[1:] == fb[2:]
            or fa[2:] == fb[1:]
            or fa[3:] == fb[1:]
            or fa[1:] == fb[3:]
        )
    )


def exempt(pair: Pair) -> bool:
    """NOT pairs that may well be flagged: tone-only or word-order variants of each other."""
    fa, fb = _folded(pair.a), _folded(pair.b)
    return fa == fb or sorted(fa) == sorted(fb)


@dataclass
class KindTally:
    label: str
    pairs: int = 0
    duplicate: int = 0
    similar: int = 0


@dataclass
class Table:
    kinds: dict[str, KindTally] = field(default_factory=dict)
    false_merges: int = 0
    duplicates: int = 0
    dup_pairs: int = 0
    dup_found: int = 0
    other_not: int = 0
    other_flagged: int = 0
    other_type_word: int = 0
    asymmetric: int = 0
    errors: list[tuple[Pair, str]] = field(default_factory=list)


def score(pairs: Iterable[Pair], kind_of_pair: str = "how") -> Table:
    table = Table()
    for pair in pairs:
        verdict, reverse = labelled.verdict_of(pair)
        table.asymmetric += verdict != reverse
        kind = getattr(pair, kind_of_pair)
        tally = table.kinds.setdefault(f"{pair.label} {kind}", KindTally(pair.label))
        tally.pairs += 1
        tally.duplicate += verdict == "duplicate"
        tally.similar += verdict == "similar"
        table.duplicates += verdict == "duplicate"
        if pair.label == "DUP":
            table.dup_pairs += 1
            table.dup_found += verdict is not None
            if verdict is None:
                table.errors.append((pair, "none"))
        else:
            if verdict == "duplicate":
                table.false_merges += 1
            if not exempt(pair):
                table.other_not += 1
                table.other_flagged += verdict is not None
                table.other_type_word += verdict is not None and _types_differ(pair)
            if verdict == "duplicate" or (verdict is not None and not exempt(pair)):
                table.errors.append((pair, verdict or "none"))
    return table


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def report(title: str, table: Table, errors: int = 20) -> list[str]:
    precision = table.duplicates - table.false_merges
    lines = [
        f"### {title}",
        "",
        f"- precision of `duplicate`: {_share(precision, table.duplicates)}; "
        f"false merges: {table.false_merges}",
        f"- recall of any verdict on same-name pairs: {_share(table.dup_found, table.dup_pairs)}",
        f"- other false flags (NOT pairs, not tone-only or word-order variants, given any "
        f"verdict): {_share(table.other_flagged, table.other_not)}; of these, the same words under "
        f"two type words (`different-type-word`, by design): {table.other_type_word}",
        f"- asymmetric verdicts: {table.asymmetric}",
        "",
        "| label | kind of difference | pairs | duplicate | similar | none |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for key in sorted(table.kinds, key=lambda k: (table.kinds[k].label, k)):
        t = table.kinds[key]
        kind = key.split(" ", 1)[1]
        none = t.pairs - t.duplicate - t.similar
        lines.append(f"| {t.label} | {kind} | {t.pairs} | {t.duplicate} | {t.similar} | {none} |")
    if errors:
        lines += ["", f"errors ({len(table.errors)}, first {errors}):", ""]
        for pair, verdict in table.errors[:errors]:
            lines.append(
                f"- {pair.label} {pair.kind}: {pair.a!r} / {pair.b!r} → {verdict} [{pair.how}]"
            )
    return lines


def both_reports(errors: int = 20) -> list[str]:
    """The tables of the real-data set and of the synthetic set, as Markdown."""
    lines: list[str] = []
    if OUT.is_file():
        lines += report(f"real names, labels from codes ({OUT.name})", score(read()), errors)
    if labelled.OUT.is_file():
        title = f"synthetic and real hamlet/street names ({labelled.OUT.name})"
        lines += ["", *report(title, score(labelled.read()), errors)]
    return lines


def read(path: Path = OUT) -> list[Pair]:
    return labelled.read(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reallabelled", description=__doc__)
    parser.add_argument("command", choices=("build", "score"), nargs="?", default="score")
    parser.add_argument("--csv", type=Path, default=OUT, help=f"the real-data set ({OUT.name})")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--errors", type=int, default=20, help="errors to list (20)")
    args = parser.parse_args(argv)
    if args.command == "build":
        if not GSO.is_file():
            print(f"{GSO} not found: the real-data set is built from it", file=sys.stderr)
            return 2
        pairs = build(args.seed)
        labelled.write(pairs, args.csv)
        counts = Counter(p.label for p in pairs)
        print(f"wrote {len(pairs)} pairs ({counts['DUP']} DUP, {counts['NOT']} NOT) to {args.csv}")
        for (label, how), n in sorted(Counter((p.label, p.how) for p in pairs).items()):
            print(f"  {n:4d}  {label} {how}")
        return 0
    print("\n".join(both_reports(args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
