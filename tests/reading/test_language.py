"""English fields checked for CJK, untranslated Vietnamese, cut-off sentences and entities from nowhere."""

from __future__ import annotations

import pytest

from summarizer.reading.bodies import translate_admin
from summarizer.reading.language import fold, foreign_entities, language_issues, place_in_report

REPORT = fold(
    "Ngày 15/12, Ban Chấp hành Đảng bộ quận Bắc Từ Liêm tổ chức kỳ họp lần thứ 29. "
    "Bí thư Quận ủy Bắc Từ Liêm Lưu Ngọc Hà phát biểu. Thành phố Hà Nội giao chỉ tiêu. "
    "Tổ dân phố văn hóa đạt 98,5%."
)


def kinds(text: str, *, sentences: bool = True) -> set[str]:
    return {i.kind for i in language_issues(text, "summary", REPORT, sentences=sentences)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The district met all of its targets.", set()),
        ("Bac Tu Liem District met all of its targets in Hanoi.", set()),
        ("Bắc Từ Liêm met its targets; Lưu Ngọc Hà spoke.", set()),
        ("Residential groups (tổ dân phố) were recognised as cultured.", set()),
        ("Revenue rose compared with the同期.", {"cjk"}),
        ("Revenue rose compared with the", {"unfinished"}),
        ("Revenue rose, and", {"unfinished"}),
        ("Revenue rose strongly", {"unfinished"}),
        ("Revenue rose (see the annex.", {"unfinished"}),
        ("Quận Bắc Từ Liêm met its targets.", {"untranslated"}),
        ("The district collected more ngân sách.", {"untranslated"}),
        ("The HĐND approved the plan.", {"untranslated"}),
        ("Gia Lâm district reported growth.", {"entity"}),
        ("Chairman Nguyễn Văn An spoke.", {"entity"}),
        ("Ho Chi Minh City grew.", {"entity"}),
    ],
)
def test_language_issues(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected


def test_titles_need_no_full_stop_but_must_not_dangle() -> None:
    assert kinds("District reviews the year's results", sentences=False) == set()
    assert kinds("District reviews the results of", sentences=False) == {"unfinished"}


def test_exonyms_match_the_vietnamese_spelling() -> None:
    hcm = fold("UBND TP. HCM họp sáng 5-9.")
    assert foreign_entities("Ho Chi Minh City People's Committee met.", hcm) == []
    assert foreign_entities("Gia Lam District met.", hcm) == ["Gia Lam"]


def test_hyphenated_place_names_match_however_spaced() -> None:
    report = fold("Đầu năm 2017, tỉnh Bà Rịa - Vũng Tàu đã cấp phép cho 8 dự án.")
    assert foreign_entities("Ba Ria - Vung Tau licenses 8 projects", report) == []
    assert foreign_entities("Ba Ria-Vung Tau licenses 8 projects", report) == []
    assert foreign_entities("Vung Tau and Dong Nai license projects", report) == ["Dong Nai"]
    # a possessive names the place: the report's is fine, another's is still caught
    assert foreign_entities("Bà Rịa - Vũng Tàu's new projects", report) == []
    assert foreign_entities("Cà Mau's new projects", report) == ["Cà Mau's"]


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("Quận Bắc Từ Liêm reviews 2023", "Bac Tu Liem District reviews 2023"),
        ("Ha Nội reviews its budget", "Hanoi reviews its budget"),
        ("HĐND thành phố Hà Nội opens its session", "Hanoi People's Council opens its session"),
        ("UBND quận Tây Hồ asked the wards", "Tay Ho District People's Committee asked the wards"),
        ("Ban Chấp hành Đảng bộ quận Bắc Từ Liêm met", "Bac Tu Liem District Party Executive Committee met"),
        ("TP. HCM grew", "Ho Chi Minh City grew"),
    ],
)
def test_copied_bodies_and_places_put_in_english(vietnamese: str, english: str) -> None:
    assert translate_admin(vietnamese) == english


def test_a_place_must_be_one_the_report_names() -> None:
    report = fold("Ban Chấp hành Đảng bộ quận Bắc Từ Liêm họp tại Hà Nội.")
    assert place_in_report("Bac Tu Liem District", report)
    assert place_in_report("Hanoi", report)
    assert not place_in_report("District North Tu Liem", report)
    assert not place_in_report("Gia Lam District", report)


def test_a_long_summary_is_capped_by_whole_sentences() -> None:
    from summarizer.checking.grounding import repair_draft
    from summarizer.schema import Draft

    six = " ".join(f"Sentence number {w} is here." for w in ("one", "two", "three", "four", "five", "six"))
    draft = Draft.model_construct(
        title="T",
        body_en=None,
        body_vi=None,
        place=None,
        indicators=[],
        officials=[],
        topics=[],
        directives=[],
        summary=six,
    )
    repair_draft(draft)
    assert draft.summary == " ".join(f"Sentence number {w} is here." for w in ("one", "two", "three", "four"))
