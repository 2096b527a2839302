"""JSONL corpora the streaming and the Dask tests read alike: lines a byte range can cut anywhere."""
from __future__ import annotations

import json
from pathlib import Path

ARTICLE = ("Bệnh viện Bạch Mai ký kết thỏa thuận hợp tác với Bệnh viện Đa khoa tỉnh {province}, "
           "chuyển giao kỹ thuật lọc máu liên tục.")


def tricky_jsonl(path: Path) -> Path:
    """Lines a byte range can cut anywhere: records with and without ids, an id repeated, a broken
    line, a blank line, CRLF, a line separator inside a string, a field of the wrong type."""
    lines = []
    for n, province in enumerate(["Phú Thọ", "Sơn La", "Lai Châu", "Hà Giang", "Điện Biên", "Yên Bái"] * 3):
        record = {"text": ARTICLE.format(province=province) + " " + "Thêm.\u2028" * (n % 4)}
        if n % 3:
            record["id"] = f"r{n % 7}"  # ids repeat: renamed by their line number
        if n == 5:
            record["lang"] = 7
        lines.append(json.dumps(record, ensure_ascii=n % 2 == 0))
        if n == 4:
            lines.append('{"id": "broken", "text": "cut')
        if n == 8:
            lines.append("")
    path.write_bytes(("\ufeff" + lines[0] + "\r\n" + "\n".join(lines[1:]) + "\n").encode("utf-8"))
    return path
