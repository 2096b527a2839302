"""Fixtures for the reliability tests: a known-good article and a small synthetic corpus."""
from __future__ import annotations

import pytest

# One article whose facts are stated plainly: the same facts must come out of every encoding.
ARTICLE = (
    "Bệnh viện Bạch Mai ký kết hợp tác toàn diện với Bệnh viện Đa khoa tỉnh Phú Thọ\n\n"
    "Ngày 29/5/2024, tại Hà Nội, Bệnh viện Bạch Mai và Bệnh viện Đa khoa tỉnh Phú Thọ đã ký kết "
    "thỏa thuận hợp tác. Theo đó, Bệnh viện Bạch Mai sẽ hỗ trợ Bệnh viện Đa khoa tỉnh Phú Thọ về đào tạo "
    "nhân lực và chuyển giao kỹ thuật. Thời gian hợp tác là 5 năm, từ 2024 đến 2029.\n"
)


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture(scope="session")
def synthetic_dir(tmp_path_factory):
    from healthgraph.synthetic import synth

    out = tmp_path_factory.mktemp("synth")
    synth(articles=150, hospitals=60, out=out, seed=17)
    (out / "gold.jsonl").unlink()  # the answer key is not an article
    return out
