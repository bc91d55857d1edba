"""apply-renames changes exactly the renamed values and their former_names; writes are atomic."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc_cli.catalog.loading import load_text
from tthc_cli.catalog.spans import render_scalar
from tthc_cli.names.committee import Row
from tthc_cli.names.renames import Rename, edit_text

_WORDS = ["Hòa", "Bắc", "Sơn", "Tân", "An", "Phú", "Đông", "Thủy", "Lợi", "Quý"]


def _units(names: list[tuple[str, str, bool]]) -> str:
    lines = [
        "# thử",
        "kind: units",
        'province: {code: "48", name: Thành phố Đà Nẵng}',
        "effective: 2025-07-01",
        "communes:",
        '  - code: "20194"',
        "    name: Xã Hòa Vang  # comment",
        "    hamlets:",
    ]
    for name, style, flow in names:
        shown = render_scalar(name, style)
        if flow:
            lines.append(f"      - {{name: {shown}, from: Xã Hòa Bắc}}")
        else:
            lines += [f"      - name: {shown}", "        note: ghi chú  # c"]
    return "\n".join(lines) + "\n"


_name = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(
    lambda w: "Thôn " + " ".join(w)
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_name, st.sampled_from(["", "'", '"']), st.booleans()), min_size=1, max_size=6
    ),
    st.data(),
)
def test_only_renamed_values_and_former_names_change(
    places: list[tuple[str, str, bool]], data: st.DataObject
) -> None:
    text = _units(places)
    chosen = data.draw(st.sets(st.integers(0, len(places) - 1)))
    renames = [
        Rename(
            Row(1, None, "G1", "48", "20194", "hamlet", places[i][0], "", "rename", "", ""),
            f"Thôn Mới {i}",
            Path("u.yaml"),
            ("communes", 0, "hamlets", i),
        )
        for i in sorted(chosen)
    ]
    after = edit_text(text, renames, reference=None, date="2026-11-22")
    before_data = yaml.safe_load(text.replace("2025-07-01", "'2025-07-01'"))
    after_data = load_text(after).data
    assert after_data is not None
    hamlets = after_data["communes"][0]["hamlets"]
    for i, place in enumerate(hamlets):
        old = before_data["communes"][0]["hamlets"][i]
        if i in chosen:
            assert place["name"] == f"Thôn Mới {i}"
            assert place["former_names"] == [{"name": places[i][0], "date": "2026-11-22"}]
            assert {k: v for k, v in place.items() if k not in ("name", "former_names")} == {
                k: v for k, v in old.items() if k != "name"
            }
        else:
            assert place == old
    # Every line of the original is still there unless it held a renamed value.
    renamed = {places[i][0] for i in chosen}
    kept = [line for line in text.splitlines() if not any(n in line for n in renamed)]
    assert all(line in after.splitlines() for line in kept)


# A SIGKILLed apply-renames leaves each file old or new:
# tests/adversarial/test_interrupted_writes.py
