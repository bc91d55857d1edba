"""What click and typer say themselves (usage errors, help headings), in the user's language.

typer 0.29 carries its own copy of click, whose messages are English f-strings; typer's own
module and click 8 (beside older typers) call `gettext.gettext` on the default domain. Both are
fed from our catalog: `install()` points the `_`/`ngettext` those modules imported at ours, and
`translated()` rewrites the finished English message of a usage error, piece by piece, with the
patterns below. The msgids are click's own wherever click has them, so both routes share them.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from tthc_cli.runtime.i18n import N_, _, current_language, ngettext

# Said by typer's help formatter and error handling through gettext.
FRAMEWORK_GETTEXT = (
    N_("Usage:"),
    N_("Commands"),
    N_("Options"),
    N_("Arguments"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing command."),
    N_("No such command {name!r}."),
)

_Rule = tuple["re.Pattern[str]", Callable[["re.Match[str]"], str]]


def _inner(match: re.Match[str]) -> str:
    return translate_message(match["message"])


def _missing(match: re.Match[str]) -> str:
    kinds = {
        "argument": N_("Missing argument"),
        "option": N_("Missing option"),
        "parameter": N_("Missing parameter"),
    }
    text = str(_(kinds.get(match["kind"], N_("Missing parameter")))) + (match["hint"] or "") + "."
    if match["choices"] is not None:
        choices = match["choices"]
        text += " " + _("Choose from:\n\t{choices}").format(choices=choices)
    return text


def _no_such_option(match: re.Match[str]) -> str:
    text = str(_("No such option: {name}").format(name=match["name"]))
    if match["possibilities"] is not None:
        possible = _("(Possible options: {possibilities})")
        text += " " + possible.format(possibilities=match["possibilities"])
    elif match["possibility"] is not None:
        text += " " + _("Did you mean {possibility}?").format(possibility=match["possibility"])
    return text


def _no_such_command(match: re.Match[str]) -> str:
    text = str(_("No such command {name!r}.").format(name=match["name"]))
    if match["suggestions"] is not None:
        text += " " + _("Did you mean {possibility}?").format(possibility=match["suggestions"])
    return text


def _extra(match: re.Match[str]) -> str:
    args = match["args"]
    return ngettext(
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
        2 if " " in args else 1,
    ).format(args=args)


def _requires(match: re.Match[str]) -> str:
    nargs = int(match["nargs"] or 1)
    return ngettext(
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
        nargs,
    ).format(name=match["name"], nargs=nargs)


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    """The patterns, compiled when a usage error is first translated (not at every start)."""
    # long: one table entry per message, clearer side by side than split up.

    def rule(pattern: str, render: Callable[[re.Match[str]], str]) -> _Rule:
        return re.compile(pattern, re.DOTALL), render

    return (
        rule(
            r"Invalid value for (?P<hint>.+?): (?P<message>.*)",
            lambda m: _("Invalid value for {param_hint}: {message}").format(
                param_hint=m["hint"], message=_inner(m)
            ),
        ),
        rule(
            r"Invalid value: (?P<message>.*)",
            lambda m: _("Invalid value: {message}").format(message=_inner(m)),
        ),
        rule(r"Value error, (?P<message>.*)", _inner),
        rule(
            r"Missing (?P<kind>argument|option|parameter)(?P<hint> .+?)?\."
            r"(?: Choose from:\n\t(?P<choices>.*))?",
            _missing,
        ),
        rule(
            r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<possibilities>.+)\)"
            r"| Did you mean (?P<possibility>.+)\?)?",
            _no_such_option,
        ),
        rule(
            r"No such command '(?P<name>.+?)'\.(?: Did you mean (?P<suggestions>.+)\?)?",
            _no_such_command,
        ),
        rule(r"Missing command\.", lambda m: _("Missing command.")),
        rule(r"Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)", _extra),
        rule(
            r"Option '(?P<name>.+?)' requires (?:an argument|(?P<nargs>\d+) arguments)\.",
            _requires,
        ),
        rule(
            r"Option '(?P<name>.+?)' does not take a value\.",
            lambda m: _("Option {name!r} does not take a value.").format(name=m["name"]),
        ),
        rule(
            r"Input should be a valid integer.*",
            lambda m: _("Input should be a whole number."),
        ),
        rule(
            r"Input should be greater than or equal to (?P<limit>\S+)",
            lambda m: _("Input should be greater than or equal to {limit}").format(
                limit=m["limit"]
            ),
        ),
        rule(
            r"(?P<head>.+?)\. Did you mean (?P<possibility>.+)\?",
            lambda m: (
                translate_message(m["head"] + ".")
                + " "
                + _("Did you mean {possibility}?").format(possibility=m["possibility"])
            ),
        ),
        rule(
            r"'(?P<value>.*)' is not one of (?P<choices>.+)\.",
            lambda m: _("{value!r} is not one of {choices}.").format(
                value=m["value"], choices=m["choices"]
            ),
        ),
    )


def translate_message(text: str) -> str:
    """An English click or typer message in the current language (as it is when unknown)."""
    if current_language() == "en":
        return text
    for pattern, render in _rules():
        match = pattern.fullmatch(text)
        if match is not None:
            return str(render(match))
    return text


def _gettext(message: str) -> str:
    return str(_(message))


def _ngettext(singular: str, plural: str, number: int) -> str:
    return str(ngettext(singular, plural, number))


def install() -> None:
    """Point the gettext functions that typer and click imported at our catalog."""
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] not in ("typer", "click"):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _ngettext  # type: ignore[attr-defined]


@functools.cache
def _localized_class(usage_error: type[Any]) -> type[Any]:
    class LocalizedUsageError(usage_error):  # type: ignore[misc]
        """A usage error whose plain (not rich) display is translated too."""

        def show(self, file: Any = None) -> None:
            from typer import echo

            ctx = self.ctx
            if ctx is not None:
                hint = ""
                if ctx.command.get_help_option(ctx) is not None:
                    hint = _("Try '{command} {option}' for help.").format(
                        command=ctx.command_path, option=ctx.help_option_names[0]
                    )
                    hint += "\n"
                echo(f"{ctx.get_usage()}\n{hint}", file=file, err=True, color=ctx.color)
            message = _("Error: {message}").format(message=self.format_message())
            echo(message, file=file, err=True)

    return LocalizedUsageError


def translated(exc: Any) -> Any:
    """The usage error `exc`, or one that says the same in the current language."""
    if current_language() == "en" or type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    bases = [cls for cls in type(exc).__mro__ if cls.__name__ == "UsageError"]
    if not bases:
        return exc
    localized = _localized_class(bases[0])(translate_message(exc.format_message()), exc.ctx)
    localized.exit_code = exc.exit_code
    return localized


@contextlib.contextmanager
def localized_errors() -> Iterator[None]:
    """Re-raise a usage error from the block as one in the current language."""
    try:
        yield
    except Exception as exc:
        localized = translated(exc)
        if localized is exc:
            raise
        raise localized from None
