"""`tthc site`: every page of the site, written as one tree that replaces the old one whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tthc_cli.catalog.reference import Reference
from tthc_cli.diffing.result import DiffEntry, DiffResult
from tthc_cli.index.result import Figures
from tthc_cli.index.stats import compute
from tthc_cli.names.result import DedupeResult
from tthc_cli.reports.dedupe.html import LABELS as DEDUPE_LABELS
from tthc_cli.reports.dedupe.html import dedupe_context
from tthc_cli.reports.diff.html import LABELS as DIFF_LABELS
from tthc_cli.reports.diff.html import diff_context
from tthc_cli.reports.htmlpage import (
    ONLINE_LABELS,
    content_security_policy,
    level_label,
    make_environment,
    stylesheet,
    translated,
)
from tthc_cli.reports.stats.base import percent
from tthc_cli.reports.stats.html import LABELS as STATS_LABELS
from tthc_cli.reports.stats.html import stats_context
from tthc_cli.runtime.atomic import TreeFiles, replaced_tree
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import N_, _, current_language, set_language
from tthc_cli.runtime.perf import collector_paused
from tthc_cli.site import pages
from tthc_cli.site.labels import FEE_LABELS, LABELS, YES_NO
from tthc_cli.site.load import Catalogs, Listing, ProcList, load_catalogs
from tthc_cli.site.searchindex import FOLDER, Entry, build_index
from tthc_cli.text.unicode import VIETNAMESE_LETTERS

STATIC = ("search.js", "site.js")


@dataclass
class SiteResult:
    """What `tthc site` reports: what it wrote, and the files it could not read."""

    out: Path
    pages: int = 0
    procedures: int = 0
    files: int = 0
    bytes: int = 0
    search_first: int = 0  # the search index's names file and the scripts: the first query's cost
    errors: list[CatalogLoadError] = field(default_factory=list)

    def exit_code(self) -> int:
        return 2 if self.errors else 0


@dataclass
class Inputs:
    catalogs: Catalogs
    diff: DiffResult | None
    dedupe: DedupeResult | None
    reference: Reference | None = None


class Writer:
    """Renders pages into the new tree, each with the links relative to where it sits."""

    def __init__(self, files: TreeFiles, has_changes: bool) -> None:
        from jinja2 import ChoiceLoader, PackageLoader

        self.files = files
        self.env = make_environment(
            ChoiceLoader(
                [PackageLoader("tthc_cli.site", "templates"), PackageLoader("tthc_cli.reports")]
            )
        )
        labels = {**DIFF_LABELS, **DEDUPE_LABELS, **STATS_LABELS, **LABELS}
        self.common = {
            "lang": current_language(),
            "css": None,
            "t": translated(labels),
            "has_changes": has_changes,
            "words": script_words(),
        }
        # One stylesheet file for the whole site: thousands of pages need not repeat it.
        self.policy = content_security_policy(scripts=("'self'",), styles=("'self'",))
        self.templates: dict[str, Any] = {}
        self.pages = 0
        self.bytes = 0

    def page(
        self, path: str, template: str, title: str, *, script: bool = False, **context: Any
    ) -> None:
        root = "../" * path.count("/")
        found = self.templates.get(template)
        if found is None:
            found = self.templates[template] = self.env.get_template(template)
        text = found.render(
            **self.common, csp=self.policy, root=root, title=title, script=script, **context
        )
        self.write(path, text.encode("utf-8"))
        self.pages += 1

    def write(self, path: str, data: bytes) -> None:
        self.files.write(path, data)  # the whole tree is renamed into place at the end
        self.bytes += len(data)


def script_words() -> dict[str, Any]:
    """What the scripts say, in the page's language."""
    return {
        # Translators: {count} is a number of search results.
        "found": str(_("{count} found.")),
        "none": str(_("Nothing found.")),
        "unavailable": str(_("The search index could not be loaded.")),
        # Translators: {count} is the number of procedures the filters leave.
        "count": str(_("{count} procedures shown.")),
        # Translators: the filters leave {count} procedures; the first {shown} are shown.
        "some": str(_("{shown} of {count} procedures shown.")),
        # Translators: a button under a list cut short; {count} is the whole list's length.
        "more": str(_("Show all {count}")),
        "levels": {level: level_label(level) for level in ("tinh", "huyen", "xa")},
        "letters": "".join(sorted(VIETNAMESE_LETTERS)),
    }


def build_site(
    paths: Sequence[Path],
    out: Path,
    *,
    before: Sequence[Path] = (),
    lang: str = "vi",
    reference: Sequence[Path] = (),
) -> SiteResult:
    """Write the site of the catalogs under paths into out (replaced whole), in `lang`; with a
    reference list, the figures page shows how much of it the lists publish."""
    previous = current_language()
    set_language(lang)
    try:
        return _build(paths, out, before, reference)
    finally:
        set_language(previous)


def _build(
    paths: Sequence[Path], out: Path, before: Sequence[Path], reference: Sequence[Path]
) -> SiteResult:
    from tthc_cli.names.run import run_dedupe

    catalogs = load_catalogs(paths)
    result = SiteResult(out, errors=list(catalogs.errors), files=catalogs.files)
    diff = None
    if before:
        from tthc_cli.diffing.compare import diff_paths

        diff = diff_paths(list(before), list(paths))
        result.errors.extend(e for e in diff.old.errors)
    dedupe = run_dedupe(paths) if catalogs.units else None
    known = None
    if reference:
        from tthc_cli.catalog.reference import load_reference

        known = load_reference(reference)
        result.errors.extend(known.errors)
    inputs = Inputs(catalogs, diff, dedupe, known)
    # Thousands of pages made from data held to the end: the collector would walk it over and
    # over, for nothing.
    with replaced_tree(out) as files, collector_paused():
        writer = Writer(files, diff is not None)
        _write_all(writer, inputs, result)
    result.pages, result.bytes = writer.pages, writer.bytes
    return result


def _write_all(writer: Writer, inputs: Inputs, result: SiteResult) -> None:
    catalogs = inputs.catalogs
    names = {u.province: u.province_name for u in catalogs.units if u.province_name}
    entries = _by_code(inputs.diff)
    urls: dict[int, str] = {}  # id(listing) → its page
    provinces: dict[str, list[dict[str, Any]]] = {}
    for code in sorted({plist.province for plist in catalogs.lists}):
        lists = [p for p in catalogs.lists if p.province == code]
        summaries = _province(writer, code, pages.province_name(code, names), lists, entries, urls)
        provinces[code] = summaries
        result.procedures += sum(s["count"] for s in summaries)
    writer.write("style.css", stylesheet().encode("utf-8"))
    for name in STATIC:
        writer.write(name, (resources.files("tthc_cli.site") / "static" / name).read_bytes())
    index = build_index([Entry(item.row, urls[id(item)]) for item in catalogs.ordered])
    for name, data in index.items():
        writer.write(f"{FOLDER}/{name}", data)
    result.search_first = len(index["names.js"]) + sum(
        len((resources.files("tthc_cli.site") / "static" / n).read_bytes()) for n in STATIC
    )
    home = [
        {
            "code": code,
            "folder": pages.province_folder(code),
            "name": pages.province_name(code, names),
            "lists": summaries,
            "units": any(u.province == code for u in catalogs.units),
        }
        for code, summaries in provinces.items()
    ]
    writer.page(
        "index.html",
        "home.html",
        str(_(LABELS["site"])),
        script=True,
        provinces=home,
        errors=result.errors,
    )
    _figures(writer, catalogs, inputs.reference)
    if inputs.diff is not None:
        # The page of each code in the newest list that has it (lists come oldest first).
        pages_of = {i.row.code: urls[id(i)] for p in catalogs.lists for i in p.listings}
        context = diff_context(inputs.diff, inputs.diff.entries)
        context["link"] = lambda entry: pages_of.get(entry.code, "")
        writer.page("changes.html", "changes.html", str(_(LABELS["what_changed"])), **context)
    _units(writer, inputs, names)


def _by_code(diff: DiffResult | None) -> dict[str, DiffEntry]:
    if diff is None:
        return {}
    return {entry.code: entry for entry in diff.entries if entry.new_levels}


def _province(
    writer: Writer,
    code: str,
    name: str,
    lists: list[ProcList],
    entries: dict[str, DiffEntry],
    urls: dict[int, str],
) -> list[dict[str, Any]]:
    """The province's filterable list, and a page per procedure of each of its lists."""
    folder = pages.province_folder(code)
    rows = []
    summaries = []
    for plist in lists:
        kept: dict[str, Listing] = {}
        where: dict[str, list[str]] = {}
        for listing in plist.listings:
            first = kept.setdefault(listing.row.key, listing)
            listing.slug = first.slug or pages.slug(listing.row)
            first.slug = listing.slug
            urls[id(listing)] = f"p/{folder}/{plist.slug}/{listing.slug}.html"
            files = where.setdefault(listing.row.key, [])
            if listing.row.file not in files:
                files.append(listing.row.file)
        for key, listing in kept.items():
            rows.append(pages.list_row(plist, listing))
            writer.page(
                f"p/{folder}/{plist.slug}/{listing.slug}.html",
                "procedure.html",
                listing.row.name,
                province_name=name,
                level_name=level_label(plist.level),
                effective=plist.effective,
                origin=pages.origin(entries.get(listing.row.code), plist.effective),
                facts=pages.facts(listing.values),
                files=where[key],
            )
        summaries.append(pages.list_summary(plist, len(kept)))
    fields = sorted({row["field"] for row in rows if row["field"]})
    writer.page(
        f"p/{folder}/index.html",
        "province.html",
        name,
        script=True,
        lists=summaries,
        rows=rows,
        fields=fields,
        online_names={k: _(v) for k, v in ONLINE_LABELS.items()},
        yes_no={k: _(v) for k, v in YES_NO.items()},
        fee_names={k: _(v) for k, v in FEE_LABELS.items()},
    )
    return summaries


def _figures(writer: Writer, catalogs: Catalogs, reference: Reference | None) -> None:
    rows = catalogs.rows
    level = compute(rows, "level", files=catalogs.files, reference=reference)
    by_field = compute(rows, "field", files=catalogs.files)
    total: Figures = level.total
    n = total.procedures
    shares = [
        (_(ONLINE_LABELS["full"]), percent(total.online["full"], n)),
        (_(ONLINE_LABELS["partial"]), percent(total.online["partial"], n)),
        (_(ONLINE_LABELS["available"]), percent(total.online["available"], n)),
        (_(N_("Location-independent")), percent(total.location["yes"], n)),
        (_(FEE_LABELS["free"]), percent(total.fees["free"], n)),
    ]
    writer.page(
        "figures.html",
        "figures.html",
        str(_(LABELS["figures"])),
        shares=shares,
        level=stats_context(level, None),
        field=stats_context(by_field, None),
    )


def _units(writer: Writer, inputs: Inputs, names: dict[str, str]) -> None:
    """A page per province: its communes, what each was formed from, its hamlets and streets,
    and the open name collisions of `tthc dedupe-names`."""
    catalogs, dedupe = inputs.catalogs, inputs.dedupe
    provinces = []
    for code in sorted({u.province for u in catalogs.units}):
        assert dedupe is not None  # names are compared whenever there are units files
        files = [u for u in catalogs.units if u.province == code]
        context: dict[str, Any] = dedupe_context(dedupe, code)
        name = pages.province_name(code, names)
        writer.page(
            f"units/{pages.province_folder(code)}.html",
            "units.html",
            _("Communes of {province}").format(province=name),
            files=[
                {
                    "file": u.file,
                    "effective": u.effective,
                    "decisions": u.decisions,
                    "communes": pages.unit_rows(u.communes),
                }
                for u in files
            ],
            **context,
        )
        groups = sum(len(items) for _scope, items in context["scopes"])
        communes = sum(len(u.communes) for u in files)
        provinces.append(
            {
                "code": code,
                "folder": pages.province_folder(code),
                "name": name,
                "communes": communes,
                "groups": groups,
            }
        )
    writer.page(
        "units/index.html", "units_index.html", str(_(LABELS["units"])), provinces=provinces
    )
