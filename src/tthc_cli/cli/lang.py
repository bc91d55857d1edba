"""The command line in the user's language: the `--lang` choice, translated help texts and the
click command classes that say what click itself says in that language.

Typer evaluates help texts when the program is imported, before `--lang` is parsed, so the
help of every command and option is written in English (marked with `N_`) and translated here,
on the click command tree, just before the command line is parsed.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from typer.core import TyperCommand, TyperGroup, TyperOption

from tthc_cli.cli import clicktexts
from tthc_cli.cli.formats import Formats
from tthc_cli.runtime.i18n import N_, _, choose_language, current_language, set_language

# What typer and click write themselves, kept in our catalog so that help is wholly translated.
FRAMEWORK_TEXTS = (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
# typer.rich_utils reads these module constants when it draws help and error panels.
_RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "ABORTED_TEXT": N_("Aborted."),
}


def lang_first(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of `--lang`, and the arguments with `--lang` moved to the front.

    `--lang` belongs to the `tthc` group, but people write it after the command too
    (`tthc validate --lang vi`); moving it lets click parse it in both places.
    """
    value: str | None = None
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
            moved += [arg, value]
            index += 2
            continue
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return value, moved + rest


def translate(text: str) -> str:
    """The translation of a help text, however typer trimmed or dedented it."""
    cleaned = inspect.cleandoc(text)
    for candidate in (text, text + "\n", cleaned, cleaned + "\n"):
        translated = _(candidate)
        if translated != candidate:
            return str(translated).rstrip("\n") if not text.endswith("\n") else str(translated)
    return text


# Example lines are folded before an option to fit 80 columns (rich pads help by one column
# on each side); folded parts are indented four more, as the examples written folded are.
EXAMPLE_WIDTH = 78


def fold(line: str, width: int = EXAMPLE_WIDTH) -> list[str]:
    """An example command line as lines of at most `width`, broken before options."""
    indent = len(line) - len(line.lstrip())
    lines = []
    while len(line) > width:
        cut = line.rfind(" -", indent + 1, width + 1)
        if cut == -1:
            break
        lines.append(line[:cut])
        line = " " * (indent + 4) + line[cut + 1 :]
    return [*lines, line]


def reflow(text: str) -> str:
    """The help text with each paragraph on one line, so that it wraps at the terminal's width.

    rich keeps a help text's line breaks, and at 80 columns a source line of 90 wraps into a
    full line and a stub. Paragraphs with an indented line (the examples) keep their lines,
    folded to fit 80 columns.
    """
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        if paragraph.startswith("\b") or any(line[:1].isspace() for line in lines):
            paragraphs.append("\n".join(part for line in lines for part in fold(line)))
        else:
            paragraphs.append(" ".join(line.strip() for line in lines if line.strip()))
    return "\n\n".join(paragraphs)


def localize(command: Any) -> None:
    """Translate the help of a (typer) click command, its parameters and subcommands, in place."""
    if command.help:
        command.help = reflow(translate(command.help))
    if command.short_help:
        command.short_help = translate(command.short_help)
    for param in command.params:
        text = getattr(param, "help", None)
        if isinstance(text, str) and text:
            param.help = translate(text)
    # click makes the --help option afresh for each context, with its own English text.
    make_help_option = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = make_help_option(ctx)
        if option is not None and option.help:
            option.help = translate(option.help)
        return option

    command.get_help_option = get_help_option
    for sub in (getattr(command, "commands", None) or {}).values():
        localize(sub)


def _localize_rich() -> None:
    if current_language() == "en" and "typer.rich_utils" not in sys.modules:
        return  # nothing to translate, and no reason to import rich for it
    import typer.rich_utils as rich_utils

    for name, text in _RICH_TEXTS.items():
        setattr(rich_utils, name, _(text))


def _usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")


class TthcCommand(TyperCommand):
    """A command whose usage line is translated and whose `--format` help lists the registry's
    formats (read only when the help is shown: see cli/formats.py)."""

    formats: ClassVar[Mapping[str, Formats]] = {}
    # Parameter help made when the help is shown, from what the library knows then.
    helps: ClassVar[Mapping[str, Callable[[], str]]] = {}

    @classmethod
    def with_formats(cls, **formats: Formats) -> type[TthcCommand]:
        """The command class for a command whose parameters `formats` name take a format."""
        return type(cls.__name__, (cls,), {"formats": formats})

    @classmethod
    def with_helps(cls, **helps: Callable[[], str]) -> type[TthcCommand]:
        """The command class whose parameters `helps` name get their help from a function."""
        return type(cls.__name__, (cls,), {"helps": helps})

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in self.params:
            formats = self.formats.get(param.name or "")
            if formats is not None:
                param.metavar = formats.metavar()
            make_help = self.helps.get(param.name or "")
            if make_help is not None and isinstance(param, TyperOption):
                param.help = make_help()
        super().format_help(ctx, formatter)


class TthcGroup(TyperGroup):
    """A command group whose usage line is translated."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)


class LocalizedGroup(TthcGroup):
    """The `tthc` group: picks the language from `--lang`, TTHC_LANG or the locale first, and
    says click's usage errors in it."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        value, argv = lang_first(list(sys.argv[1:] if args is None else args))
        set_language(choose_language(value))
        clicktexts.install()
        localize(self)
        _localize_rich()
        return super().main(argv, *rest, **kwargs)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            # typer's rich error display skips the "no arguments" help error: show the
            # overview on stderr and exit 2, as click does, without loading rich.
            from typer import echo

            echo(ctx.get_help(), err=True, color=ctx.color)
            ctx.exit(2)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with clicktexts.localized_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        # The commands' own usage errors (options, arguments) come up through here.
        with clicktexts.localized_errors():
            return super().invoke(ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # The overview has no markup: click's plain help does not load rich (70 ms of the
        # 120 ms start-up budget). Command help keeps rich formatting.
        super(TyperGroup, self).format_help(ctx, formatter)
