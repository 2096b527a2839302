"""Stage 0: reading files, and one clear error per bad file."""
import json
import unicodedata

import pytest

from healthgraph.errors import InputError
from healthgraph.extraction import reader
from healthgraph.extraction.reader import html_to_text, read_documents

ARTICLE = "Bệnh viện Bạch Mai ký kết thỏa thuận hợp tác với Bệnh viện Đa khoa tỉnh Lai Châu."


def test_plain_text_document_id_is_the_file_stem(tmp_path):
    path = tmp_path / "bach-mai-2024.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_documents(path)
    assert doc.id == "bach-mai-2024"
    assert doc.text == ARTICLE


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text):
    """Windows-1258 spells Vietnamese as base letters plus combining tone marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)))
        out.extend(c for c in parts if c in _TONES)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encode", [lambda t: t.encode("utf-8-sig"), lambda t: t.encode("utf-16"), windows_1258],
                         ids=["utf-8-bom", "utf-16", "windows-1258"])
def test_encodings_decode_to_the_same_text(tmp_path, encode):
    from healthgraph.extraction.normalise import normalise

    path = tmp_path / "a.txt"
    article = " ".join([ARTICLE] * 3)  # (sentences run together without a space would be set apart)
    path.write_bytes(encode(article))
    (doc,) = read_documents(path)
    assert normalise(doc.text) == article


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"   \n\t ", "empty file"),
    (b"\x00\x01\x02\x03\xff\xfe\x00" * 50 + b"\x89PNG", "binary"),
    (b"<html><body><script>var a=1;</script></body></html>", "no article text"),
])
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        list(read_documents(path))
    message = str(err.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_enormous_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        list(read_documents(path))


def test_html_keeps_the_article_and_drops_boilerplate():
    html = """<html><head><title>Ký kết hợp tác</title><script>track()</script></head><body>
    <nav>Trang chủ | Tin tức</nav><article><h1>Ký kết hợp tác</h1><p>Bệnh viện Bạch Mai ký kết
    với <b>Bệnh viện Đa khoa tỉnh Lai Châu</b>.</p></article><footer>© Báo</footer></body></html>"""
    text, title = html_to_text(html)
    assert "Bệnh viện Đa khoa tỉnh Lai Châu" in text
    assert "Trang chủ" not in text and "track()" not in text and "©" not in text
    assert title == "Ký kết hợp tác"


def test_jsonl_bad_line_is_reported_and_the_rest_still_loads(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "url": "https://baolaichau.vn/x"}),
             '{"id": "a2", "text": "truncated',
             json.dumps({"id": "a3", "html": "<p>" + ARTICLE + "</p>"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_documents(path))
    assert [getattr(i, "id", None) for i in items] == ["a1", None, "a3"]
    assert isinstance(items[1], InputError) and f"{path}:2" in str(items[1])
    assert items[0].source == "https://baolaichau.vn/x"


@pytest.mark.parametrize("header", ["Source: https://baolaichau.vn/y-te/123", "Nguồn: Báo Lai Châu", "Quelle: Ärzteblatt",
                                    "URL: https://example.org/a"])
def test_a_source_line_opening_a_text_file_is_its_source_not_its_text(tmp_path, header):
    path = tmp_path / "a.txt"
    path.write_text(header + "\nBệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La.\n", encoding="utf-8")
    (document,) = read_documents(path)
    assert document.source == header.split(":", 1)[1].strip()
    assert document.text.startswith("Bệnh viện Bạch Mai")
    path.write_text("Bệnh viện Bạch Mai. Source: nobody\n", encoding="utf-8")
    assert next(read_documents(path)).source is None
