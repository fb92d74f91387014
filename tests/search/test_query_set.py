"""The shared query set (data/queries.json): what each query must and must not find, on
SQLite (FTS5) and PostgreSQL (tsvector) alike."""

import pytest

from sotong.search.selectors import Filters, search
from tests.search.conftest import QUERY_SET


def test_the_query_set_is_large_enough():
    assert len(QUERY_SET["queries"]) >= 40


@pytest.mark.parametrize("case", QUERY_SET["queries"], ids=lambda case: case["q"])
def test_query(case, corpus, second_resident):
    found = search(case["q"], Filters(), second_resident)
    urls = {hit.document.url for hit in found.hits}
    missing = [key for key in case["find"] if corpus[key] not in urls]
    unexpected = [key for key in case["not"] if corpus[key] in urls]
    assert not missing, f"{case['q']!r} should find {missing}"
    assert not unexpected, f"{case['q']!r} must not find {unexpected}"
