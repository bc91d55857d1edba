"""A time limit is negative, not a whole number of days, or in an unknown unit.

## What it does
Checks `time_limit`: `value` must be a whole number of days, zero or more (0 means the same
day), and `unit` must be `working-days` (ngày làm việc) or `calendar-days` (ngày). Vietnamese
unit words get a suggestion.

## Why it matters
The time limit is what citizens are promised. "5 ngày làm việc" and "5 ngày" are different
promises, and a statistic of median time limits needs one unit it can trust.

## Example
```yaml
time_limit: {value: -3, unit: ngày làm việc}
```
Use instead:
```yaml
time_limit: {value: 3, unit: working-days}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.catalog.loading import Document, iter_items
from tthc_cli.domain.models import TIME_UNITS
from tthc_cli.runtime.i18n import _
from tthc_cli.text.suggest import did_you_mean
from tthc_cli.validation.findings import Severity
from tthc_cli.validation.rules.base import Hit, RuleContext

CODE = "TT107"
NAME = "invalid-time-limit"
SEVERITY = Severity.ERROR


def check(doc: Document, ctx: RuleContext) -> Iterator[Hit]:
    if doc.kind != "procedure-catalog":
        return
    for index, item in iter_items(doc, "procedures"):
        limit = item.get("time_limit")
        if not isinstance(limit, dict):
            continue
        base = ("procedures", index, "time_limit")
        value = limit.get("value")
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value < 0:
                yield Hit(
                    _("time limit {value:g} is negative").format(value=value),
                    *doc.pos((*base, "value")),
                )
            elif isinstance(value, float) and not value.is_integer():
                yield Hit(
                    # Translators: `note` is a key name and stays as it is.
                    _(
                        "time limit {value:g} is not a whole number of days (put hours in `note`)"
                    ).format(value=value),
                    *doc.pos((*base, "value")),
                )
        unit = limit.get("unit")
        if isinstance(unit, str) and unit not in TIME_UNITS:
            hint = did_you_mean(unit, TIME_UNITS)
            yield Hit(
                # Translators: working-days and calendar-days are values and stay as they are;
                # {hint} is empty or a translated " (did you mean `…`?)".
                _(
                    "unknown time-limit unit {unit!r}; expected working-days or calendar-days{hint}"
                ).format(unit=unit, hint=hint),
                *doc.pos((*base, "unit")),
            )
