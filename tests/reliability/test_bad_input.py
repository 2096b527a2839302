"""Bad input never crashes the extractor or the structured loader: good facts or one InputError."""
from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgraph.errors import InputError
from healthgraph import extract
from healthgraph.extraction import extract_text
from healthgraph.loaders.structured import load_structured

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
VI_WORDS = ["Bệnh viện", "Bạch Mai", "ký kết", "hợp tác", "chuyển giao", "kỹ thuật", "cho", "với", "tỉnh", "Sở Y tế",
            "UBND", "BVĐK", "là bệnh viện vệ tinh của", ":", ",", ".", "\n", "Đa khoa", "Phú Thọ", "und", "dem",
            "Krankenhaus", "signed", "Hospital", "các kỹ thuật:", "TW", "—", "\u0301", "\ufeff", "<p>", "&amp;"]


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has â/ê/ô/ơ/ư/ă precomposed but tone marks only as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")  # circumflex, breve, horn
        tone = "".join(m for m in marks if m not in shape)
        out.append((unicodedata.normalize("NFC", base + shape) + tone).encode("cp1258"))
    return b"".join(out)


def _pairs(facts):
    return sorted((tuple(sorted(p.parties)), p.supporter, p.kind) for p in facts.partnerships)


@FUZZ
@given(st.text(max_size=3000))
def test_extract_text_never_crashes_on_arbitrary_text(text):
    facts = extract_text(text, "fuzz")
    for p in facts.partnerships:
        assert len(set(p.parties)) == 2


@FUZZ
@given(st.lists(st.sampled_from(VI_WORDS), max_size=200).map(" ".join))
def test_extract_text_never_crashes_on_domain_word_salad(text):
    facts = extract_text(text, "salad")
    ids = {o.id for o in facts.organisations}
    for p in facts.partnerships:
        assert set(p.parties) <= ids and (p.supporter is None or p.supporter in p.parties)


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_extract_files_of_arbitrary_bytes_give_facts_or_one_line_errors(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    errors = []
    extract([path], on_error=errors.append, show_progress=False)
    for exc in errors:
        assert isinstance(exc, InputError) and str(path) in str(exc) and "\n" not in str(exc)


@FUZZ
@given(data=st.one_of(st.text(max_size=800), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["organisations", "agreements", "techniques", "parties", "kind", "supporter", "name", "id",
                         "signed_on", "from", "to", "x"]), children, max_size=5),
    max_leaves=25).map(lambda v: json.dumps(v))), suffix=st.sampled_from([".yaml", ".json", ".csv"]))
def test_structured_loader_raises_only_input_errors(tmp_path, data, suffix):
    path = tmp_path / f"curated{suffix}"
    path.write_text(data, encoding="utf-8")
    try:
        list(load_structured(path))
    except InputError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)


def test_every_encoding_gives_the_same_facts(tmp_path, article):
    expected = _pairs(extract_text(article, "a"))
    assert expected, "the reference article states a partnership"
    variants = {
        "utf8-bom.txt": b"\xef\xbb\xbf" + article.encode("utf-8"),
        "utf16.txt": article.encode("utf-16"),
        "cp1258.txt": to_cp1258(article),
        "nfd.txt": unicodedata.normalize("NFD", article).encode("utf-8"),
        "crlf.txt": article.replace("\n", "\r\n").encode("utf-8"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
    results = {f.document.id: _pairs(f) for f in extract(sorted(tmp_path.iterdir()), show_progress=False)}
    assert results == {name[:-4]: expected for name in variants}


def test_malformed_html_keeps_the_text_and_drops_scripts(tmp_path, article):
    body = article.replace("\n\n", "</h1><p>").replace(". ", ".<br> ")
    page = ("<html><head><title>t</title><script>var x = 'Bệnh viện Chợ Rẫy ký kết hợp tác với Bệnh viện K';"
            "</script><style>p{}</style><body><div><h1>" + body + "<p><b>unclosed <i>tags <table><tr><td>cell"
            "<!-- Bệnh viện Chợ Rẫy ký kết hợp tác với Bệnh viện E --> &nbsp;&#7879; &bogus; <p")
    (tmp_path / "broken.html").write_text(page, encoding="utf-8")
    (tmp_path / "truncated.html").write_text(page[: len(page) // 2], encoding="utf-8")
    errors = []
    facts = {f.document.id: f for f in extract(sorted(tmp_path.iterdir()), on_error=errors.append,
                                               show_progress=False)}
    assert not errors
    assert _pairs(facts["broken"]) == _pairs(extract_text(article, "a"))
    for f in facts.values():
        assert "cho-ray" not in {o.id for o in f.organisations}, "script and comment text is not article text"


def test_truncated_jsonl_line_is_reported_and_the_rest_extracted(tmp_path, article):
    good = json.dumps({"id": "one", "text": article}, ensure_ascii=False)
    other = json.dumps({"id": "two", "text": article.replace("Phú Thọ", "Sơn La")}, ensure_ascii=False)
    path = tmp_path / "corpus.jsonl"
    path.write_text(good + "\n" + good[: len(good) // 2] + "\n" + other + "\n" + other[:40], encoding="utf-8")
    errors = []
    facts = extract([path], on_error=errors.append, show_progress=False)
    assert sorted(f.document.id for f in facts) == ["one", "two"]
    assert len(errors) == 2
    for exc in errors:
        assert isinstance(exc, InputError) and "corpus.jsonl" in str(exc) and "\n" not in str(exc)
    assert {str(exc).split(":")[1].strip() for exc in errors} != {""}


def test_a_bad_file_in_a_folder_is_skipped_and_named(tmp_path, article):
    (tmp_path / "good.txt").write_text(article, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    errors = []
    facts = extract([tmp_path], on_error=errors.append, show_progress=False)
    assert [f.document.id for f in facts] == ["good"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in errors) == ["binary.txt", "empty.txt"]


def test_a_page_nested_thousands_deep_is_read_and_its_neighbours_kept(tmp_path, article):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 3000 + article + "</div>" * 3000 + "</body></html>",
                                        encoding="utf-8")
    (tmp_path / "good.txt").write_text(article.replace("Phú Thọ", "Sơn La"), encoding="utf-8")
    facts = {f.document.id: f for f in extract([tmp_path], show_progress=False)}
    assert set(facts) == {"deep", "good"}
    assert _pairs(facts["deep"]) == _pairs(extract_text(article, "x"))


def test_two_documents_with_one_id_are_both_stored_and_the_clash_is_said(tmp_path, article):
    from healthgraph.rdf.build import build
    from healthgraph.rdf.store import open_store

    for folder, province in (("a", "Phú Thọ"), ("b", "Sơn La")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(article.replace("Phú Thọ", province), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"id": "x", "text": article}) for _ in range(2)),
                                      encoding="utf-8")
    errors = []
    report = build([tmp_path], store=tmp_path / "store", on_error=errors.append, show_progress=False)
    assert len(report.documents) == len(set(report.documents)) == 4
    assert sum("is taken by" in str(e) or "repeats an earlier line" in str(e) for e in errors) == 2
    store = open_store(tmp_path / "store")
    try:
        provinces = {row[0] for row in store.query(
            "SELECT DISTINCT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?o), 'bvdk-son-la')) }").rows}
        assert provinces  # b/news.txt was stored, not overwritten by a/news.txt
    finally:
        store.close()


def test_jsonl_fields_of_the_wrong_type_are_dropped_said_and_the_article_kept(tmp_path, article):
    lines = [json.dumps({"id": "lang", "text": article, "lang": 7}),
             json.dumps({"id": "date", "text": article, "published_on": "not a date"}),
             '{"id": "surrogate", "text": "\\ud800 ' + article.replace("\n", " ") + '"}']
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    errors = []
    facts = {f.document.id: f for f in extract([tmp_path / "c.jsonl"], on_error=errors.append, show_progress=False)}
    assert set(facts) == {"lang", "date", "surrogate"}
    assert all(f.partnerships for f in facts.values())
    assert facts["date"].document.published_on != "not a date"
    assert "\ud800" not in facts["surrogate"].document.text
    assert sorted(e.problem.split(" ")[0] for e in errors) == ["'lang'", "'published_on'", "lone"]


def test_a_store_inside_the_source_folder_is_not_read_back_as_articles(tmp_path, article):
    from healthgraph.rdf.build import build

    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    first = build([tmp_path], store=tmp_path / "store", show_progress=False)
    second = build([tmp_path], store=tmp_path / "store", show_progress=False)
    assert first.documents == second.documents == ["a"] and first.graphs == second.graphs


def test_a_pipe_named_directly_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    errors = []
    assert extract([fifo], on_error=errors.append, show_progress=False) == []
    assert [e.problem for e in errors] == ["not a regular file (a device or a pipe is never read)"]


def test_a_document_over_its_time_budget_is_one_line_and_the_rest_kept(tmp_path, article, monkeypatch):
    (tmp_path / "huge.txt").write_text("\n\n".join([article] * 4000), encoding="utf-8")
    monkeypatch.setenv("HEALTHGRAPH_DOCUMENT_SECONDS", "0.05")
    errors = []
    assert extract([tmp_path / "huge.txt"], on_error=errors.append, show_progress=False) == []
    assert len(errors) == 1 and "took over 0.05 s" in str(errors[0]) and "\n" not in str(errors[0])
    monkeypatch.setenv("HEALTHGRAPH_DOCUMENT_SECONDS", "60")
    (tmp_path / "small.txt").write_text(article, encoding="utf-8")
    assert [f.document.id for f in extract([tmp_path / "small.txt"], show_progress=False)] == ["small"]


def test_a_few_thousand_mutated_inputs_pass_reader_extraction_and_mapping_without_a_crash():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("fuzz", Path(__file__).parents[2] / "benchmarks" / "fuzz.py")
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    result = fuzz.run(inputs=2000, seed=11, batch=500)
    assert result["inputs"] == 2000
    assert result["crashes"] == 0, result["first_crashes"]
    assert result["skipped_sentences"] == 0
