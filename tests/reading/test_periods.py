"""The report's year and periods (reading/periods.py)."""

from __future__ import annotations

from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import find_meeting_facts


def test_a_horizon_year_is_not_the_reports_year() -> None:
    """49: 'đến năm 2030' named three times does not make a 2019 report's year 2030 (a meeting on '17/7' stays in
    2019); 57: the same for a staffing plan 'đến năm 2020' in a report on 2016."""
    text = (
        "Tỉnh khởi công tượng đài. Ngày 17/7, Sở Văn hóa họp phiên thứ nhất. Năm 2019 thu ngân sách đạt 1.500 tỷ "
        "đồng, năm 2019 chi 900 tỷ đồng. Quy hoạch đến năm 2030 có 14 tỉnh, tầm nhìn đến năm 2030 và đến năm 2030 "
        "hoàn thành."
    )
    ledger = build_ledger(text)
    assert ledger.document_year == 2019
    assert find_meeting_facts(ledger).date == "2019-07-17"
