"""Curated files: YAML/JSON/CSV load to the same facts; bad files give one line naming the file."""
from __future__ import annotations

import json

import pytest

from healthgraph.errors import InputError
from healthgraph.loaders.structured import load_structured
from healthgraph.model import agreement_id

from rdf_helpers import cli, write

YAML = """
agreements:
  - parties: [Bệnh viện Bạch Mai, bvdk-lai-chau]
    kind: satellite
    supporter: bach-mai
    signed_on: 2017-07-15
    activities: [đào tạo]
    document: art-1
"""


def test_yaml_json_and_csv_give_the_same_agreement(tmp_path):
    y = write(tmp_path / "a.yaml", YAML)
    j = tmp_path / "a.json"
    j.write_text(json.dumps({"agreements": [{"parties": ["bach-mai", "bvdk-lai-chau"], "kind": "satellite",
                                              "supporter": "bach-mai", "signed_on": "2017-07-15",
                                              "activities": ["đào tạo"], "document": "art-1"}]}), encoding="utf-8")
    c = write(tmp_path / "a.csv", """
        parties,kind,supporter,signed_on,activities,document
        Bệnh viện Bạch Mai;bvdk-lai-chau,satellite,bach-mai,2017-07-15,đào tạo,art-1
        """)
    loaded = [next(load_structured(p)).partnerships[0] for p in (y, j, c)]
    expected = agreement_id(("bach-mai", "bvdk-lai-chau"), "satellite", "art-1")
    for p in loaded:
        assert (p.id, p.parties, p.supporter, p.recipient, p.signed_on, p.activities, p.curated) == (
            expected, ("bach-mai", "bvdk-lai-chau"), "bach-mai", "bvdk-lai-chau", "2017-07-15", ["đào tạo"], True)


def test_names_resolve_through_the_gazetteer_and_unknown_names_get_x_ids(tmp_path):
    f = write(tmp_path / "n.yaml", """
        agreements:
          - {parties: [Bach Mai Hospital, Phòng khám Ánh Dương], kind: support, supporter: Bach Mai Hospital}
        """)
    facts = next(load_structured(f))
    assert facts.partnerships[0].parties == ("bach-mai", "x-phong-kham-anh-duong")
    orgs = {o.id: o for o in facts.organisations}
    assert orgs["bach-mai"].tier == "central" and orgs["bach-mai"].resolved
    assert not orgs["x-phong-kham-anh-duong"].resolved


def test_explicit_id_is_kept(tmp_path):
    f = write(tmp_path / "i.yaml", "agreements:\n  - {id: agr-mine, parties: [bach-mai, cho-ray], kind: agreement}\n")
    assert next(load_structured(f)).partnerships[0].id == "agr-mine"


BAD = {
    "empty.yaml": ("", "empty file"),
    "syntax.yaml": ("agreements: [ {parties: [a, b]\n", "invalid YAML at line"),
    "one-party.yaml": ("agreements:\n  - {parties: [bach-mai], kind: support}\n",
                       "agreement 1: needs exactly two parties"),
    "same-party.yaml": ("agreements:\n  - {parties: [bach-mai, bach-mai], kind: support}\n",
                        "agreement 1: both parties are 'bach-mai'"),
    "kind.yaml": ("agreements:\n  - {parties: [bach-mai, cho-ray], kind: friendship}\n",
                  "agreement 1: unknown kind 'friendship'"),
    "supporter.yaml": ("agreements:\n  - {parties: [bach-mai, cho-ray], kind: support, supporter: hue}\n",
                       "agreement 1: supporter 'hue' is not one of the parties"),
    "date.yaml": ("agreements:\n  - {parties: [bach-mai, cho-ray], kind: agreement, signed_on: 15/07/2017}\n",
                  "agreement 1: signed_on '15/07/2017' is not a date"),
    "typo.yaml": ("agrements:\n  - {parties: [bach-mai, cho-ray], kind: agreement}\n",
                  "top level: unknown field 'agrements'"),
    "technique.yaml": ("techniques:\n  - {name: lọc máu, from: bach-mai}\n",
                       "technique 1: needs the recipient organisation"),
    "bad.json": ('{"agreements": [', "invalid JSON at line 1"),
    "nothing.yaml": ("title: only a title\n", "no agreements, techniques or organisations"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_raise_one_line_naming_the_file(tmp_path, name):
    text, problem = BAD[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(load_structured(path))
    message = str(info.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert "\n" not in message


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("agreements:\n  - {parties: [Bạch Mai, Chợ Rẫy], kind: support}\n".encode("utf-16"))
    with pytest.raises(InputError, match=r"latin1.yaml: not UTF-8 text \(byte 0x"):
        list(load_structured(path))


def test_cli_reports_a_bad_curated_file_in_one_line(tmp_path):
    path = write(tmp_path / "kind.yaml", "agreements:\n  - {parties: [bach-mai, cho-ray], kind: friendship}\n")
    result = cli("validate", str(path), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"warning: skipped {path}: agreement 1: unknown kind 'friendship' "
        "(choose one of agreement, support, transfer, satellite)", "nothing validated: no source could be read"]
