"""Property-based tests: arbitrary input never crashes the extractor."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgraph.errors import InputError
from healthgraph.extraction import extract_text
from healthgraph.extraction.reader import read_documents

VOCABULARY = ["Bệnh viện", "Bạch Mai", "BVĐK", "tỉnh", "Lai Châu", "Sở Y tế", "ký kết", "hợp tác", "với", "giữa",
              "và", "các kỹ thuật:", "chuyển giao", "cho", "vệ tinh của", "Nr.", "2", ",", ".", "\n", "zwischen",
              "General Hospital", "TP.", "Hồ Chí Minh", "(", ")", ":", "ngày 29/5/2024", "UBND", "<script>", '"']

article_like = st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=2000), article_like))
def test_any_text_extracts_without_crashing(text):
    facts = extract_text(text, "fuzz")
    ids = {o.id for o in facts.organisations}
    for p in facts.partnerships:
        assert len(set(p.parties)) == 2 and set(p.parties) <= ids
        assert p.supporter is None or p.supporter in p.parties


@settings(max_examples=100, deadline=None)
@given(article_like)
def test_nfd_input_gives_the_same_facts(text):
    a = extract_text(text, "x")
    b = extract_text(unicodedata.normalize("NFD", text), "x")
    assert [o.id for o in a.organisations] == [o.id for o in b.organisations]
    assert [p.parties for p in a.partnerships] == [p.parties for p in b.partnerships]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_bytes_read_or_fail_with_input_error(tmp_path, data, suffix):
    path = tmp_path / f"blob{suffix}"
    path.write_bytes(data)
    try:
        items = list(read_documents(path))
    except InputError as exc:
        assert str(path) in str(exc)
        return
    for item in items:
        if isinstance(item, InputError):
            assert str(path) in str(item)
        else:
            extract_text(item.text, item.id)
