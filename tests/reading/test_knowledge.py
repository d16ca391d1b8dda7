"""The termbase (data/termbase.tsv): every row valid and read whole, in its role; the coverage curve's switch."""

from __future__ import annotations

import pytest

from summarizer.reading.glossary import chunk, load_glossary
from summarizer.reading.knowledge import TermbaseRow, check_row, parse_rows, termbase_rows, use_termbase
from summarizer.reading.labels import known_name
from summarizer.reading.ledger import build_ledger, reset_caches

ROWS = termbase_rows()


def test_the_termbase_is_mined_and_reviewed_data() -> None:
    assert len(ROWS) >= 600
    assert len({r.vi for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r.vi for r in ROWS])
def test_every_termbase_row_is_valid_and_read_whole_in_its_role(row: TermbaseRow) -> None:
    assert check_row(row) is None
    entry = load_glossary()[row.vi]
    assert entry[1] in (row.role, "noun")  # a glossary or terminology entry of the same words wins
    got = chunk(row.vi)
    assert len(got) == 1 and got[0].vi == row.vi, f"{row.vi!r} is cut into {[c.vi for c in got]}"


def test_parse_rows_skips_comments_and_reads_fits() -> None:
    rows = parse_rows("# a comment\ntôm\tshrimp\tnoun\tmoney|percent\n\nthêm\t-\tstop\tany\n")
    assert [(r.vi, r.en, r.role, sorted(r.fits)) for r in rows] == [
        ("tôm", "shrimp", "noun", ["money", "percent"]),
        ("thêm", "-", "stop", []),
    ]
    assert check_row(TermbaseRow("x", "y", "verbish", frozenset())) is not None
    assert check_row(TermbaseRow("x", "y", "noun", frozenset({"apples"}))) is not None


def test_the_termbase_names_what_the_glossary_alone_could_not() -> None:
    sentence = "Năm 2016, công ty đạt lãi ròng 257 tỷ đồng."
    try:
        use_termbase(0)
        reset_caches()
        before = known_name(next(f for f in build_ledger(sentence).figures if f.text == "257 tỷ đồng"))
        use_termbase(None)
        reset_caches()
        after = known_name(next(f for f in build_ledger(sentence).figures if f.text == "257 tỷ đồng"))
    finally:
        use_termbase(None)
        reset_caches()
    assert before is None and after == "Net profit"
