"""The language table (data/language.tsv): every row does in reading/language.py or reading/terminology.py what
its kind says (a case per row)."""

from __future__ import annotations

import pytest

from summarizer.reading.language import fold, foreign_entities, language_issues, place_in_report
from summarizer.reading.terminology import normalize_vi
from summarizer.tables import entries, rows


def test_the_table_holds_every_kind_the_code_reads() -> None:
    assert {row[0] for row in rows("language")} == {"admin_word", "english_syllable", "exonym", "old_tone", "spelling"}
    assert all(len(row) == 2 for row in rows("language") if row[0] in ("admin_word", "english_syllable"))
    assert all(len(row) == 3 for row in rows("language") if row[0] in ("exonym", "old_tone", "spelling"))


@pytest.mark.parametrize("word", [row[0] for row in entries("language", "admin_word")])
def test_every_administrative_word_left_in_english_is_untranslated(word: str) -> None:
    """Even at the head of a name the report writes ('Quận Gia Lâm'): the name is kept, the word translated."""
    report = fold(f"{word} Gia Lâm báo cáo kết quả.")
    for written in (word, word.capitalize()):
        issues = language_issues(f"The {written} Gia Lâm approved the plan.", "summary", report)
        assert [(i.kind, i.text) for i in issues] == [("untranslated", written)]


@pytest.mark.parametrize("word", [row[0] for row in entries("language", "english_syllable")])
def test_an_english_word_that_looks_vietnamese_starts_no_name(word: str) -> None:
    assert foreign_entities(f"Officials met {word.capitalize()} Lam yesterday.", "") == []
    assert foreign_entities("Officials met Gia Lam yesterday.", "") == ["Gia Lam"]


@pytest.mark.parametrize(("spelling", "exonym"), entries("language", "exonym"))
def test_every_exonym_names_a_place_the_report_spells_its_own_way(spelling: str, exonym: str) -> None:
    assert place_in_report(exonym.title(), fold(f"Báo cáo của {spelling} năm nay."))
    assert not place_in_report(exonym.title(), fold("Báo cáo của quận năm nay."))


@pytest.mark.parametrize(("old", "new"), entries("language", "old_tone"))
def test_every_old_tone_placement_is_normalised_at_a_word_end(old: str, new: str) -> None:
    assert normalize_vi(f"H{old.upper()} bình") == normalize_vi(f"h{new} bình") == f"h{new} bình"
    assert normalize_vi(f"h{old}n") == f"h{old}n"  # inside a word the mark stays where it is


@pytest.mark.parametrize(("word", "spelling"), entries("language", "spelling"))
def test_every_spelling_variant_is_matched_as_the_other(word: str, spelling: str) -> None:
    assert normalize_vi(f"Thu 5 {word} đồng") == f"thu 5 {spelling} đồng"
    assert normalize_vi(f"thu 5 {word}nh") == f"thu 5 {word}nh"  # a whole word only
