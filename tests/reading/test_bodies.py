"""Bodies and officials in English by rule (``summarizer.reading.bodies``): roles written after a name, places."""

from __future__ import annotations

import pytest

from summarizer.reading.bodies import ADMIN_PLACE, body_english, find_officials, role_after
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import find_meeting_facts


@pytest.mark.parametrize(
    ("after", "role"),
    [
        # corpus: a title between commas after the name, its body whole
        (", Phó Chủ tịch UBND tỉnh Hưng Yên cho biết", "Vice Chair of the Hung Yen Provincial People's Committee"),
        # dev set (baomoi-21469538): the title ends where the clause's verb begins
        (", Bí thư Thành ủy TP.HCM đã đến Bình Dương khảo sát", "Secretary of the Ho Chi Minh City Party Committee"),
    ],
)
def test_a_role_written_after_the_name(after: str, role: str) -> None:
    assert role_after("Nguyễn Minh Quang", after) == role


@pytest.mark.parametrize(
    "after",
    [
        ", nguyên Chủ tịch UBND tỉnh Hưng Yên, cho biết",  # a former chair: the title does not open the clause
        ", người dân xã Vân Hòa, cho biết",  # no title
        ", Bí thư Thành ủy TP.HCM Đinh La Thăng cho biết",  # the title is the next person's
        ", Chủ tịch UBND TP, cho biết",  # a body without its place
        ", Giám đốc Sở Xây dựng, cho biết",  # a title whose body this module cannot put in English: not cut short
    ],
)
def test_no_role_after_the_name(after: str) -> None:
    assert role_after("Nguyễn Minh Quang", after) is None


def test_officials_are_found_with_their_title_after_the_name() -> None:
    text = "Ông Nguyễn Tuấn Hà, Phó Chủ tịch UBND tỉnh Đắk Lắk, cho biết tỉnh đã giải ngân 1.200 tỷ đồng."
    assert find_officials(text) == [("Nguyễn Tuấn Hà", "Vice Chair of the Dak Lak Provincial People's Committee")]


def test_a_place_ends_before_an_ellipsis() -> None:
    """Dev set (vietnews-train-019266): 'UBND TP Đà Nẵng…' is Da Nang's committee, the ellipsis not part of the name."""
    assert body_english("UBND TP Đà Nẵng") == "Da Nang City People's Committee"

    facts = find_meeting_facts(build_ledger("Tin\n\nNgày 3/5, UBND TP Đà Nẵng… họp bàn về sân Chi Lăng."))
    assert facts.body_en == "Da Nang City People's Committee"


def test_a_cooperative_is_not_a_commune() -> None:
    """Corpus (held-out fifth): 'Hợp tác xã Quốc tế' (an international cooperative) named no commune 'Quốc'."""
    assert ADMIN_PLACE.search("Diễn đàn Pháp lý Liên minh Hợp tác xã Quốc tế") is None
    assert ADMIN_PLACE.search("UBND xã Vân Hòa") is not None
