"""The committee's round trip: dedupe report → filled in → apply-renames → clean units."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import cast

import pytest
from typer.testing import CliRunner

from tthc_cli.cli.app import app

runner = CliRunner()

UNITS = """\
# Đơn vị hành chính — bản thử (comments stay)
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: 2025-07-01
communes:
  - code: "20194"
    name: Phường Hải Vân   # sau sắp xếp
    formed_from:
      - {code: "20194", name: Phường Hòa Hiệp Bắc}
      - {code: "20293", name: Xã Hòa Bắc}
    hamlets:
      - {name: Tổ dân phố 1, from: Phường Hòa Hiệp Bắc}
      - {name: TDP 01, from: Xã Hòa Bắc}
      - name: 'Tổ dân phố 2'
        from: Phường Hòa Hiệp Bắc
      - name: Tổ dân phố 02
        from: Xã Hòa Bắc
        note: bên sông
      - name: Tổ dân phố 3
      - name: "Tổ dân phố 03"
        former_names:
          - {name: Tổ 3 cũ, date: 2020-01-01}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "units.yaml").write_text(UNITS, encoding="utf-8")
    return tmp_path


def report_csv(project: Path) -> list[dict[str, str]]:
    result = runner.invoke(app, ["dedupe-names", "catalogs", "--format", "csv", "-o", "r.csv"])
    assert result.exit_code == 0, result.output
    with (project / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(project: Path, rows: list[dict[str, str]]) -> None:
    with (project / "r.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def decide(rows: list[dict[str, str]], **by_name: str) -> list[dict[str, str]]:
    for row in rows:
        if row["name"] in by_name:
            row["decision"] = by_name[row["name"]]
    return rows


def test_renames_change_only_the_names_and_add_former_names(project: Path) -> None:
    rows = decide(report_csv(project), **{"TDP 01": "rename", "Tổ dân phố 02": "rename"})
    for row in rows:
        if row["name"] == "Tổ dân phố 02":
            row["rename_to"] = "Tổ dân phố Bờ Sông"
    write_csv(project, rows)
    result = runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"])
    assert result.exit_code == 0, result.output
    after = (project / "catalogs" / "units.yaml").read_text(encoding="utf-8")
    before_lines, after_lines = UNITS.splitlines(), after.splitlines()
    changed = [a for a in after_lines if a not in before_lines]
    assert changed == [
        "      - {name: Tổ dân phố Hòa Bắc 1, from: Xã Hòa Bắc, former_names: "
        "[{name: TDP 01, date: 2026-11-22}]}",
        "      - name: Tổ dân phố Bờ Sông",
        "        former_names: [{name: Tổ dân phố 02, date: 2026-11-22}]",
    ]
    assert "# Đơn vị hành chính — bản thử (comments stay)" in after
    assert runner.invoke(app, ["validate", "catalogs", "--no-config"]).exit_code == 0
    again = runner.invoke(app, ["dedupe-names", "catalogs", "--format", "json"])
    summary = json.loads(again.stdout)["summary"]
    assert summary["duplicate_groups"] == 1  # only Tổ dân phố 3 / 03, not decided yet


def test_existing_former_names_list_gets_a_new_item(project: Path) -> None:
    rows = decide(report_csv(project), **{"Tổ dân phố 03": "rename"})
    for row in rows:
        if row["name"] == "Tổ dân phố 03":
            row["rename_to"] = "Tổ dân phố Ba Mới"
    write_csv(project, rows)
    result = runner.invoke(
        app, ["apply-renames", "r.csv", "--date", "2026-11-22", "--reference", "12/NQ-HĐND"]
    )
    assert result.exit_code == 0, result.output
    after = (project / "catalogs" / "units.yaml").read_text(encoding="utf-8")
    assert (
        "          - {name: Tổ 3 cũ, date: 2020-01-01}\n"
        "          - {name: Tổ dân phố 03, decision: 12/NQ-HĐND, date: 2026-11-22}\n"
    ) in after
    assert '      - name: "Tổ dân phố Ba Mới"\n' in after  # the double quotes are kept


def test_refused_renames_are_listed_and_nothing_else_is_lost(project: Path) -> None:
    rows = decide(
        report_csv(project),
        **{"TDP 01": "rename", "Tổ dân phố 02": "rename", "Tổ dân phố 03": "rename"},
    )
    for row in rows:
        if row["name"] == "TDP 01":
            row["rename_to"] = "Tổ dân phố 3"  # collides with an existing name
        if row["name"] == "Tổ dân phố 03":
            row["suggestion"] = ""  # nothing to rename to
    write_csv(project, rows)
    result = runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"])
    assert result.exit_code == 1
    assert "would collide with 'Tổ dân phố 3'" in result.stderr
    assert "rename without a new name" in result.stderr
    after = (project / "catalogs" / "units.yaml").read_text(encoding="utf-8")
    assert "TDP 01" in after  # refused: untouched
    assert "former_names: [{name: Tổ dân phố 02" in after  # the valid one was applied


def test_a_file_with_a_duplicate_key_is_refused_and_left_as_it_is(project: Path) -> None:
    write_csv(project, decide(report_csv(project), **{"TDP 01": "rename"}))
    units = project / "catalogs" / "units.yaml"
    edited = UNITS.replace(
        "        note: bên sông\n", "        note: bên sông\n        note: hai\n"
    )
    units.write_text(edited, encoding="utf-8")  # edited between the report and the renames
    result = runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"])
    assert result.exit_code == 2, result.output
    assert "catalogs/units.yaml:19:9: key 'note' appears twice" in result.stderr
    assert units.read_text(encoding="utf-8") == edited


def test_a_duplicate_key_that_appears_while_renaming_is_refused(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tthc_cli.names import renames

    write_csv(project, decide(report_csv(project), **{"TDP 01": "rename"}))
    from tthc_cli.catalog.reading import decode as real

    def saved_meanwhile(data: bytes, path: Path | str) -> str:
        # An editor adds a second `note:` after the names were read, before they are edited.
        return real(data, path).replace("        note: bên sông\n", "        note: a\n" * 2)

    monkeypatch.setattr(renames, "decode", saved_meanwhile)
    result = runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"])
    assert result.exit_code == 1, result.output
    assert "the edited file would not parse" in result.stderr
    assert "'note' appears twice" in result.stderr
    assert (project / "catalogs" / "units.yaml").read_text(encoding="utf-8") == UNITS


def test_dry_run_writes_nothing(project: Path) -> None:
    write_csv(project, decide(report_csv(project), **{"TDP 01": "rename"}))
    result = runner.invoke(app, ["apply-renames", "r.csv", "--dry-run"])
    assert result.exit_code == 0
    assert "+      - {name: Tổ dân phố Hòa Bắc 1" in result.stdout
    assert (project / "catalogs" / "units.yaml").read_text(encoding="utf-8") == UNITS


def test_keep_goes_to_the_decisions_file_and_dedupe_stops_flagging(project: Path) -> None:
    write_csv(
        project, decide(report_csv(project), **{"Tổ dân phố 3": "keep", "Tổ dân phố 03": "keep"})
    )
    result = runner.invoke(app, ["apply-renames", "r.csv", "--decisions", "accepted.yaml"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["validate", "accepted.yaml", "--no-config"]).exit_code == 0
    before = json.loads(runner.invoke(app, ["dedupe-names", "catalogs", "--format", "json"]).stdout)
    after = json.loads(
        runner.invoke(
            app, ["dedupe-names", "catalogs", "--format", "json", "--decisions", "accepted.yaml"]
        ).stdout
    )
    assert after["summary"]["duplicate_groups"] == before["summary"]["duplicate_groups"] - 1


def test_crlf_and_bom_are_kept(project: Path) -> None:
    path = project / "catalogs" / "units.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + UNITS.replace("\n", "\r\n").encode("utf-8"))
    write_csv(project, decide(report_csv(project), **{"Tổ dân phố 02": "rename"}))
    assert runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"]).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert "        former_names: [{name: Tổ dân phố 02, date: 2026-11-22}]\r\n" in data.decode()


def test_xlsx_round_trip_as_excel_or_libreoffice_saves_it(project: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["dedupe-names", "catalogs", "--format", "xlsx", "-o", "r.xlsx"])
    assert result.exit_code == 0, result.output
    book = load_workbook(project / "r.xlsx")
    sheet = book.worksheets[0]
    keys = [cell.value for cell in sheet[1]]
    name_col, decision_col = keys.index("name") + 1, keys.index("decision") + 1
    commune_col = keys.index("commune") + 1
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, name_col).value == "TDP 01":
            sheet.cell(row, decision_col).value = "rename"
        # Codes saved as numbers lose their zeros; the reader pads them back.
        sheet.cell(row, commune_col).value = int(cast(str, sheet.cell(row, commune_col).value))
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2)  # merged labels
    sheet.append([])  # trailing empty rows
    sheet.append([None] * len(keys))
    book.save(project / "r.xlsx")
    result = runner.invoke(app, ["apply-renames", "r.xlsx", "--date", "2026-11-22"])
    assert result.exit_code == 0, result.output + result.stderr
    after = (project / "catalogs" / "units.yaml").read_text(encoding="utf-8")
    assert "{name: Tổ dân phố Hòa Bắc 1, from: Xã Hòa Bắc, former_names:" in after


def test_bad_report_is_exit_2(project: Path) -> None:
    (project / "r.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["apply-renames", "r.csv"])
    assert result.exit_code == 2
    assert "no header row" in result.stderr
    (project / "r.csv").write_text(
        "group,province,commune,kind,name,decision\nG1,48,20194,hamlet,X,rename it\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["apply-renames", "r.csv"])
    assert result.exit_code == 2
    assert "r.csv:2: decision 'rename it' is not rename, keep or merge" in result.stderr


SAME = """\
kind: units
province: {code: "48", name: Thành phố Đà Nẵng}
effective: 2025-07-01
communes:
  - code: "20194"
    name: Xã Hòa Vang
    hamlets:
      - {name: Thôn 1, from: Xã Hòa Bắc}
      - {name: Thôn 1, from: Xã Hòa Liên,}
      - name: Thôn 2
        from: Xã Hòa Bắc
      - name: Thôn 2
        from: Xã Hòa Liên"""  # no final newline


def test_the_right_one_of_two_same_spellings_is_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "units.yaml").write_text(SAME, encoding="utf-8")
    rows = report_csv(tmp_path)
    for row in rows:
        if row["from"] == "Xã Hòa Liên":
            row["decision"] = "rename"
            row["rename_to"] = "Thôn 1, Hòa Liên" if row["name"] == "Thôn 1" else ""
    write_csv(tmp_path, rows)
    result = runner.invoke(app, ["apply-renames", "r.csv", "--date", "2026-11-22"])
    assert result.exit_code == 0, result.output + result.stderr
    after = (tmp_path / "catalogs" / "units.yaml").read_text(encoding="utf-8")
    assert "- {name: Thôn 1, from: Xã Hòa Bắc}" in after
    # Quoted inside the flow mapping; the trailing comma does not become two.
    assert (
        '- {name: "Thôn 1, Hòa Liên", from: Xã Hòa Liên, former_names: '
        "[{name: Thôn 1, date: 2026-11-22}]}" in after
    )
    assert after.endswith("        former_names: [{name: Thôn 2, date: 2026-11-22}]\n")
    assert "      - name: Thôn 2\n        from: Xã Hòa Bắc\n" in after


def test_decisions_file_is_rewritten_whole_without_repeats(project: Path) -> None:
    write_csv(
        project, decide(report_csv(project), **{"Tổ dân phố 3": "keep", "Tổ dân phố 03": "keep"})
    )
    for _ in range(2):
        result = runner.invoke(app, ["apply-renames", "r.csv", "--decisions", "accepted.yaml"])
        assert result.exit_code == 0, result.output
    text = (project / "accepted.yaml").read_text(encoding="utf-8")
    assert text.count("decision: keep") == 1
    assert runner.invoke(app, ["validate", "accepted.yaml", "--no-config"]).exit_code == 0


def test_a_decisions_path_that_is_not_a_decisions_file_is_left_alone(project: Path) -> None:
    write_csv(project, decide(report_csv(project), **{"Tổ dân phố 3": "keep"}))
    units = project / "catalogs" / "units.yaml"
    result = runner.invoke(app, ["apply-renames", "r.csv", "--decisions", str(units)])
    assert result.exit_code == 2
    assert units.read_text(encoding="utf-8") == UNITS
