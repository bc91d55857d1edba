"""Apply the fixes of the rules to catalog files: `tthc fmt` and `tthc validate --fix`.

Both commands go through :func:`format_paths`: `tthc fmt` with the safe fixes of every rule
(:func:`tthc_cli.validation.fixable.default_fixes`), `validate --fix` with those of the enabled
rules (:func:`apply_rule_fixes`). Inline `# tthc: ignore[...]` comments and `per-file-ignores`
of a rule keep its fix off; :mod:`tthc_cli.fixing.rewrite` writes the fixed values back,
changing only their own characters.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from tthc_cli.catalog.cache import MISS, Store
from tthc_cli.catalog.loading import Document, discover, load_text
from tthc_cli.catalog.reader import parse_error
from tthc_cli.catalog.reading import decode, display_path, read_bytes, read_text
from tthc_cli.catalog.yamltree import Spans
from tthc_cli.domain.models import KINDS
from tthc_cli.fixing.result import BOM, FileResult, FormatRun, Formatted, ValueFix
from tthc_cli.fixing.rewrite import apply_plans, plan_fixes
from tthc_cli.runtime.atomic import write_bytes_atomic
from tthc_cli.runtime.errors import CatalogLoadError
from tthc_cli.runtime.i18n import _
from tthc_cli.validation.config import Settings
from tthc_cli.validation.fix import Fix
from tthc_cli.validation.fixable import default_fixes, fix_rules, fixes_for_rules
from tthc_cli.validation.rules.base import Rule, RuleContext

__all__ = [
    "apply_rule_fixes",
    "format_file",
    "format_paths",
    "format_text",
]


# ----------------------------------------------------------------------- one text


def format_text(
    text: str,
    fixes: Collection[Fix] | None = None,
    *,
    settings: Settings | None = None,
    path: str = "<string>",
    only_catalogs: bool = False,
    only_reported: bool = False,
) -> Formatted:
    """Apply ``fixes`` (default: the safe fixes of every rule) to every string value of a YAML
    text (never keys, never comments).

    Inline `# tthc: ignore[...]` comments and `per-file-ignores` of the rule a fix belongs to
    keep that fix off the value. ``only_reported``: a file-level fix (TT204) only where its rule
    reports the file. Raises CatalogLoadError when the text is not valid YAML.
    """
    settings = settings if settings is not None else Settings()
    doc = load_text(text, path, spans=True)
    # Duplicate keys too: the fix would land on a value that readers ignore.
    # Translators: {reason} is the YAML problem, already translated.
    problem = parse_error(doc, _("cannot format: {reason}"))
    if problem is not None:
        raise problem
    if only_catalogs and doc.kind not in KINDS:
        return Formatted(text, skipped=_("not a catalog (no known `kind`), left as it is"))
    wanted = frozenset(default_fixes() if fixes is None else fixes)
    owners = fix_rules()
    if only_reported:
        wanted = frozenset(
            fix for fix in wanted if not fix.file_level or _reported(owners.get(fix), doc, settings)
        )
    if not wanted:
        return Formatted(text)
    found = doc.parsed.spans or Spans()
    fixes_on = _FixesOn(doc, settings, wanted, owners)
    plans = list(plan_fixes(text, found, doc, fixes_on, settings.tone_style))
    if not plans:
        return Formatted(text)
    new_text, accepted = apply_plans(text, found, plans)
    result = Formatted(new_text)
    for plan, ok in zip(plans, accepted, strict=True):
        entry = ValueFix(plan.path, plan.line, plan.span.value, plan.fixed.text, plan.fixed.changes)
        (result.fixes if ok else result.unsafe).append(entry)
    return result


def _reported(rule: Rule | None, doc: Document, settings: Settings) -> bool:
    """Whether the rule of a file-level fix reports this file (validate --fix fixes findings)."""
    if rule is None or rule.check is None:
        return True
    ctx = RuleContext(tone_style=settings.tone_style)
    return next(iter(rule.check(doc, ctx)), None) is not None


class _FixesOn:
    """The fixes that may touch the values on a line: not those whose rule is ignored on that
    line or in the file."""

    def __init__(
        self, doc: Document, settings: Settings, fixes: frozenset[Fix], owners: Mapping[Fix, Rule]
    ) -> None:
        from tthc_cli.validation.engine import inline_ignores, per_file_ignores
        from tthc_cli.validation.rules import matches

        ignores = inline_ignores(doc)
        per_file = per_file_ignores(settings, doc.path)
        self._owners = owners
        self._ignores = ignores
        self._by_line = ignores.by_line
        off_in_file = frozenset(
            fix
            for fix in fixes
            if (rule := owners.get(fix)) is not None
            and (ignores.covers(rule, 0) or any(matches(rule, s) for s in per_file))
        )
        self._in_file = fixes - off_in_file
        self._cache: dict[int, frozenset[Fix]] = {}

    def __call__(self, line: int) -> frozenset[Fix]:
        if line not in self._by_line:
            return self._in_file
        hit = self._cache.get(line)
        if hit is None:
            hit = frozenset(
                fix
                for fix in self._in_file
                if (rule := self._owners.get(fix)) is None or not self._ignores.covers(rule, line)
            )
            self._cache[line] = hit
        return hit


# ------------------------------------------------------------------------ files


def format_file(
    path: Path,
    fixes: Collection[Fix] | None = None,
    settings: Settings | None = None,
    *,
    only_reported: bool = False,
    data: bytes | None = None,
) -> FileResult:
    """Read one catalog file and fix it in memory; raises CatalogLoadError (unreadable, invalid
    YAML). Files without a known catalog `kind` are left as they are (``formatted.skipped``).
    data: the file's bytes, when the caller has read them."""
    settings = settings if settings is not None else Settings()
    text = read_text(path, max_bytes=settings.max_bytes) if data is None else decode(data, path)
    display = display_path(path)
    formatted = format_text(
        text,
        fixes,
        settings=settings,
        path=display,
        only_catalogs=True,
        only_reported=only_reported,
    )
    return FileResult(
        path=path,
        display=display,
        old_text=text,
        new_text=formatted.text,
        bom=formatted.text != text and (_has_bom(path) if data is None else data[:3] == BOM),
        formatted=formatted,
    )


def _has_bom(path: Path) -> bool:
    # read_text drops a UTF-8 BOM; a file that had one gets it back.
    try:
        with path.open("rb") as handle:
            return handle.read(len(BOM)) == BOM
    except OSError as exc:
        raise CatalogLoadError(
            # Translators: {reason} is the operating system's explanation.
            path,
            _("cannot read file: {reason}").format(reason=exc.strerror or exc),
        ) from None


def format_paths(
    paths: Sequence[Path],
    fixes: Collection[Fix] | None = None,
    settings: Settings | None = None,
    *,
    write: bool = False,
    only_reported: bool = False,
    cache: Path | None = None,
) -> FormatRun:
    """Discover catalog files under paths and fix each (writing it atomically with ``write``).

    A file that cannot be read, does not parse or cannot be written is an error of the run; the
    other files are still done. cache: the cache folder (`catalog.cache`), where files found
    already formatted are remembered, so an unchanged one is not read again.
    """
    settings = settings if settings is not None else Settings()
    wanted = frozenset(default_fixes() if fixes is None else fixes)
    discovery = discover(paths, exclude=settings.exclude, base=settings.base_dir)
    run = FormatRun(errors=list(discovery.errors))
    store = Store(cache, "fmt", _store_key(settings, wanted, only_reported))
    for path in discovery.files:
        try:
            result = _format_through(store, path, wanted, settings, only_reported)
        except CatalogLoadError as exc:
            run.errors.append(exc)
            continue
        if write and result.changed:
            try:
                # Another editor or run may have changed the file since it was read.
                write_bytes_atomic(path, result.new_bytes, expect=result.old_bytes)
                result.written = True
            except OSError as exc:
                run.write_errors.append(
                    CatalogLoadError(
                        path,
                        # Translators: {reason} is the operating system's explanation.
                        _("cannot write the fixed file: {reason}").format(
                            reason=exc.strerror or exc
                        ),
                    )
                )
                continue
        run.files.append(result)
    store.save()
    return run


def _format_through(
    store: Store, path: Path, fixes: frozenset[Fix], settings: Settings, only_reported: bool
) -> FileResult:
    """format_file, unless the store knows these bytes of the file need nothing."""

    def build(data: bytes) -> FileResult:
        return format_file(path, fixes, settings, only_reported=only_reported, data=data)

    def restore(value: Any) -> FileResult | None:
        return _formatted_already(path) if value is True else None

    def read(file: Path) -> bytes:
        return read_bytes(file, max_bytes=settings.max_bytes)

    return store.read(path, display_path(path), build, _pack, restore, read=read)


def _store_key(settings: Settings, fixes: frozenset[Fix], only_reported: bool) -> dict[str, Any]:
    """What besides a file's bytes decides whether fmt leaves it as it is."""
    owners = fix_rules()
    return {
        **settings.cache_key(),
        "fixes": sorted(
            (fix.order, fix.name, getattr(owners.get(fix), "code", "")) for fix in fixes
        ),
        "only_reported": only_reported,
    }


def _pack(result: FileResult) -> Any:
    """Only a file with nothing to say is remembered: one to fix, one with a value that could
    not be fixed in place, or one that is no catalog is looked at again next time."""
    formatted = result.formatted
    if result.changed or formatted.fixes or formatted.unsafe or formatted.skipped is not None:
        return MISS
    return True


def _formatted_already(path: Path) -> FileResult:
    """A file the cache knows needs nothing: its text is not read, as nothing will be shown."""
    return FileResult(path, display_path(path), "", "", bom=False, formatted=Formatted(""))


def apply_rule_fixes(paths: Sequence[Path], settings: Settings) -> FormatRun:
    """`tthc validate --fix`: the fixes of the enabled fixable rules, written to the files."""
    from tthc_cli.validation.engine import enabled_rules

    codes = [rule.code for rule in enabled_rules(settings) if rule.fixable]
    return format_paths(paths, fixes_for_rules(codes), settings, write=True, only_reported=True)
