"""Did-you-mean suggestions for misspelt keys and values, Vietnamese spellings included."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from tthc_cli.runtime.i18n import _
from tthc_cli.text.keys import fold_key

# What people write in Vietnamese (or in English words) for the fixed English values.
ALIASES: dict[str, str] = {
    "xa": "xa",
    "cap xa": "xa",
    "phuong": "xa",
    "huyen": "huyen",
    "cap huyen": "huyen",
    "quan": "huyen",
    "tinh": "tinh",
    "cap tinh": "tinh",
    "toan trinh": "full",
    "truc tuyen toan trinh": "full",
    "mot phan": "partial",
    "truc tuyen mot phan": "partial",
    "truc tuyen": "available",
    "co truc tuyen": "available",
    "khong": "none",
    "ngay lam viec": "working-days",
    "working days": "working-days",
    "workdays": "working-days",
    "ngay": "calendar-days",
    "days": "calendar-days",
    "calendar days": "calendar-days",
    "thu tuc": "procedure-catalog",
    "danh muc": "procedure-catalog",
    "procedures": "procedure-catalog",
    "catalog": "procedure-catalog",
    "don vi": "units",
    "unit": "units",
    "linh vuc": "field",
    "ten": "name",
    "ma": "code",
    "co quan": "agency",
    "thoi han": "time_limit",
    "phi": "fees",
    "le phi": "fees",
    "can cu phap ly": "legal_basis",
    "timelimit": "time_limit",
    "time-limit": "time_limit",
    "legal-basis": "legal_basis",
    "legalbasis": "legal_basis",
    "fee": "fees",
    "formed-from": "formed_from",
}


def closest(value: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The choice the user most likely meant, or None when nothing is close (a similarity of
    the folded texts below cutoff: raise it for short codes, where any two look alike)."""
    options = list(choices)
    if not options:
        return None
    folded = fold_key(value)
    alias = ALIASES.get(folded)
    if alias in options:
        return alias
    by_fold = {fold_key(option): option for option in options}
    if folded in by_fold:
        return by_fold[folded]
    match = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    return by_fold[match[0]] if match else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean `x`?)' or an empty string."""
    guess = closest(value, choices)
    if guess is None or guess == value:
        return ""
    # Translators: appended to an error message, after a space-less join; keep the leading
    # space. {guess} is a setting, rule or value name and stays as it is.
    return _(" (did you mean `{guess}`?)").format(guess=guess)
