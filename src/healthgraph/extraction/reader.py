"""Stage 0: read source files into :class:`~healthgraph.model.Document` objects.

Plain text, HTML (main text kept, boilerplate dropped) and JSONL corpora (one article per
line). Every unreadable input raises :class:`~healthgraph.errors.InputError` naming the
file and the problem in one line: empty, binary, undecodable, too large, broken JSON.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Document

MAX_BYTES = 50 * 1024 * 1024  # one article is a few KB; a 50 MB "article" is a mistake
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_DROP_TAGS = "script, style, noscript, template, svg, nav, header, footer, aside, form, iframe, button, select"
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "blockquote", "figcaption", "td", "th", "ul", "ol", "table", "pre"}


def decode(data: bytes, path: object) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    Raises
    ------
    InputError
        Empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(path, "cannot decode: not UTF-8 and no other text encoding fits")
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise InputError(path, f"cannot decode: too many invalid bytes for {best.encoding}")
    return text


# in UTF-8 a byte below 0x20 is always that control character: the bytes are counted, not the characters matched
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    encoded = sample.encode("utf-8", "surrogatepass")
    return (len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))) / max(1, len(sample))


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return (main text, title) of an HTML page: scripts, navigation and footers dropped,
    block elements on their own lines. Prefers ``<article>``/``<main>`` when present."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    for node in tree.css(_DROP_TAGS):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title
    parts: list[str] = []
    _walk_text(root, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip(), title


def _walk_text(root, parts: list[str]) -> None:
    """The text under ``root`` in document order, block elements on their own lines. A stack,
    not recursion: a page nested a thousand levels deep is read like any other."""
    stack: list = list(reversed(_children(root)))
    while stack:
        node = stack.pop()
        if node is None:  # the end of a block element
            parts.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
        elif tag and not tag.startswith("-"):
            if tag in _BLOCK_TAGS:
                parts.append("\n")
                stack.append(None)
            stack.extend(reversed(_children(node)))


def _children(node) -> list:
    children, child = [], node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def _document(doc_id: str, text: str, path: Path, *, html: bool, title=None, source=None, language=None,
              published_on=None) -> Document:
    if html or _HTML_SNIFF.match(text[:200]):
        text, html_title = html_to_text(text)
        title = title or html_title
    elif source is None and (header := _SOURCE_LINE.match(text)):
        source, text = header.group("source").strip(), text[header.end():]  # where a saved text came from
    if not text.strip():
        raise InputError(path, "no article text (empty after removing markup)")
    if _control_ratio(text) > 0.05:
        raise InputError(path, "binary file, not text")
    return Document(id=doc_id, text=text, path=str(path), title=title, source=source, language=language,
                    published_on=published_on)


# a text file may say where it came from on its first line ("Source: https://…", "Nguồn: Báo
# Lai Châu", "Quelle: …"): that line is the document's source, not article text
_SOURCE_LINE = re.compile(r"\A\ufeff?[ \t]*(?:Source|Nguồn|Quelle|URL)[ \t]*:[ \t]*(?P<source>[^\n]{1,500})\n", re.I)


def read_documents(path: str | Path) -> Iterator[Document | InputError]:
    """Yield the documents stored in ``path``; a broken JSONL line yields an
    :class:`InputError` (``file:line: problem``) in its place so the rest still loads.

    Raises
    ------
    InputError
        The file as a whole cannot be read.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("Bệnh viện Bạch Mai ký kết hợp tác.")
    >>> next(read_documents(p)).id
    'a'
    """
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path)
        return
    data = _read_whole(path)
    yield _document(path.stem, decode(data, path), path, html=path.suffix.lower() in HTML_SUFFIXES)


def _read_whole(path: Path) -> bytes:
    """The bytes of ``path``, refused over :data:`MAX_BYTES` (the size a file reports is not trusted)."""
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            with open(path, "rb") as stream:  # the size a file reports is not trusted: read one byte past the limit
                data = stream.read(size + 1)  # (a buffer the size of the limit for every file is slow)
                if len(data) > size:
                    data += stream.read(MAX_BYTES - size)
            size = max(size, len(data))
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size:,} bytes or more; the limit is {MAX_BYTES:,} bytes, "
                                   f"{MAX_BYTES // 2**20} MiB)")
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_STRING_FIELDS = ("id", "title", "url", "source", "lang", "language", "published_on", "date")


_HEAD_BYTES = 4096  # what every byte range reads of the file's start: its encoding, whether it is binary


def read_jsonl(path: str | Path, start: int = 0, end: int | None = None,
               newlines_before: int = 0) -> Iterator[Document | InputError]:
    """The documents of a JSONL file, one per line; a broken line is an error in its place.

    With ``start``/``end``, only the lines that begin in bytes ``[start, end)`` are read, so
    that byte ranges cut anywhere read every line exactly once (a line cut by ``start``
    belongs to the range before); ``newlines_before`` (the newlines in bytes ``[0, start)``,
    see :func:`count_newlines`) numbers the lines as a whole-file read does. A line over
    :data:`MAX_BYTES` is refused alone. UTF-8 lines are decoded one by one (a line in another
    encoding is detected alone); a UTF-16 file has no byte ranges: the range at 0 reads it whole.

    Raises
    ------
    InputError
        The file cannot be opened, is binary, or holds no line (the range at 0 says so).
    """
    path = Path(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    with stream:
        head = stream.read(_HEAD_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            if start == 0:  # UTF-16 (its newlines are two bytes) or binary: the file as a whole
                text = decode(_read_whole(path), path)
                for number, line in enumerate(text.split("\n"), 1):
                    if line.strip():
                        yield from _jsonl_line(line, path, number)
            return
        number = newlines_before + 1
        if start > 0:
            stream.seek(start - 1)
            if stream.read(1) != b"\n":  # the line cut by ``start`` is the range before's
                number += _skip_line(stream)
        else:
            stream.seek(0)
        offset, lines = stream.tell(), 0
        while end is None or offset < end:
            raw = stream.readline(MAX_BYTES + 1)
            if not raw:
                break
            where = f"{path}:{number}"
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                _skip_line(stream)
                yield InputError(where, f"line too large (over {MAX_BYTES:,} bytes, {MAX_BYTES // 2**20} MiB)")
            elif raw.strip():
                lines += 1
                try:
                    line = decode(raw[3:] if offset == 0 and raw.startswith(b"\xef\xbb\xbf") else raw, where)
                except InputError as exc:
                    yield exc
                else:
                    yield from _jsonl_line(line, path, number)
            offset = stream.tell()
            number += 1
        if start == 0 and not lines and not stream.read(1):
            raise InputError(path, "empty file")


def _skip_line(stream) -> int:
    """Read ``stream`` past the end of its current line; 1 if a newline was passed, else 0 (the end of the file)."""
    while chunk := stream.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return 1
    return 0


def byte_ranges(path: str | Path, range_bytes: int) -> list[tuple[int, int | None]]:
    """``[start, end)`` byte ranges of ``range_bytes`` (``end`` None: to the end) of a JSONL file
    larger than that, to read apart; ``[]`` for any other file (read whole). Only the size is read.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp(), "c.jsonl"); _ = path.write_text("{}\\n" * 10)
    >>> byte_ranges(path, 12), byte_ranges(path, 100)
    ([(0, 12), (12, 24), (24, None)], [])
    """
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # the reader says what is wrong
    if Path(path).suffix.lower() not in JSONL_SUFFIXES or size <= range_bytes:
        return []
    return [(start, start + range_bytes if start + range_bytes < size else None) for start in range(0, size, range_bytes)]


def count_newlines(path: str | Path, start: int, end: int) -> int:
    """The newline bytes in bytes ``[start, end)`` of ``path`` (to number the lines of a byte range)."""
    count = 0
    with open(path, "rb") as stream:
        stream.seek(start)
        left = end - start
        while left > 0 and (block := stream.read(min(left, 1 << 24))):
            count += block.count(b"\n")
            left -= len(block)
    return count


def _jsonl_line(line: str, path: Path, number: int) -> Iterator[Document | InputError]:
    """The document of one JSONL line (numbered from 1). A field of the wrong type or a date
    that is no date is dropped and said, lone surrogates are replaced and said: the article
    itself is kept. A repeated id is made unique where ids are (:func:`healthgraph.extraction.extract_iter`)."""
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(where, f"invalid JSON ({exc.msg})")
        return
    if not isinstance(record, dict):
        yield InputError(where, "a line must be a JSON object with a 'text' or 'html' field")
        return
    body = record.get("text") or record.get("content")
    html = record.get("html")
    if isinstance(body, str):
        is_html = False
    elif isinstance(html, str):
        body, is_html = html, True
    else:
        yield InputError(where, "no 'text' or 'html' string field")
        return
    problems = []
    for name in _STRING_FIELDS:
        value = record.get(name)
        allowed = (str, int) if name == "id" else (str,)  # an id may be a number
        if value is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
            problems.append(f"'{name}' is not a string (dropped)")
            record[name] = None
    for name in ("published_on", "date"):
        if isinstance(record.get(name), str) and not _ISO_DATE.fullmatch(record[name].strip()):
            problems.append(f"'{name}' is not a date YYYY[-MM[-DD]] (dropped)")
            record[name] = None
    if any(isinstance(v, str) and _SURROGATE.search(v) for v in [body] + [record.get(n) for n in _STRING_FIELDS]):
        problems.append("lone surrogates replaced by U+FFFD")
        body = _SURROGATE.sub("\ufffd", body)
        record = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
    doc_id = str(record.get("id") or f"{path.stem}-{number}")
    try:
        yield _document(doc_id, body, Path(where), html=is_html,
                        title=record.get("title"), source=record.get("url") or record.get("source"),
                        language=record.get("lang") or record.get("language"),
                        published_on=record.get("published_on") or record.get("date"))
    except InputError as exc:
        yield exc
        return
    if problems:
        yield InputError(where, "; ".join(problems))
