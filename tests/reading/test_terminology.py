"""The terminology file, entry by entry: well-formed, English, and found in real sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.reading.language import fold
from summarizer.reading.sentences import normalize_text, split_sentences
from summarizer.reading.terminology import find_terms, is_generic_name, load_terminology, normalize_vi

ROOT = Path(__file__).resolve().parents[2]

ENTRIES = load_terminology()


def test_entries_are_unique_english_and_many() -> None:
    assert len(ENTRIES) >= 300
    vis = [vi for vi, _, _ in ENTRIES]
    assert len(vis) == len(set(vis))
    for vi, en, _ in ENTRIES:
        assert en and not re.search(r"[ăâđêôơưĂÂĐÊÔƠƯ]", en), (vi, en)
        assert fold(en) == en.lower() or en in ("Tet goods reserves", "Tet goods"), (vi, en)


def test_every_entry_that_occurs_in_a_report_is_found_in_its_sentence(seen_reports: list[Path]) -> None:
    """Each entry met in the 22 seen reports is matched there, by itself or inside a longer entry."""
    sentences = [s.text for p in seen_reports for s in split_sentences(normalize_text(p.read_text(encoding="utf-8")))]
    normalized = [normalize_vi(s) for s in sentences]
    met = 0
    for vi, _, pattern in ENTRIES:
        hits = [s for s in normalized if pattern.search(s)]
        if not hits:
            continue
        met += 1
        terms = find_terms(hits[0])
        assert any(vi in t.vi for t in terms), (vi, [t.vi for t in terms])
    assert met >= 120


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("Thu ngân sách trên địa bàn ước đạt 3.594 tỷ đồng", "budget revenue collected in the area"),
        (
            "Giá trị sản xuất một số ngành kinh tế chủ yếu ước đạt 63.275 tỷ đồng",
            "production value of key economic sectors",
        ),
        ("hỗ trợ giải quyết việc làm cho 6.100 người lao động", "job creation"),
        ("giảm 82/82 hộ cận nghèo", "near-poor households"),
        ("Tỷ lệ gia đình văn hoá ước đạt 91,3%", "cultured families"),
        ("tổ dân phố văn hóa ước đạt 98,5%", "cultured residential groups"),
        ("Tổng sản phẩm nội địa (GDP) tăng bình quân 9,6%", "gross domestic product (GDP)"),
        ("kim ngạch xuất khẩu ước đạt 21,4 tỷ USD", "export turnover"),
        ("tổng chi thường xuyên là 89.172 tỷ đồng", "total recurrent spending"),
        ("thu tiền sử dụng đất đạt 246,6 tỷ đồng", "land-use fee revenue"),
        ("21 xã đạt chuẩn nông thôn mới", "communes meeting the new-rural standard"),
        ("số xã đạt tiêu chuẩn nông thôn mới khoảng 50%", "communes meeting the new-rural standard"),
        ("Về 5 BQL dự án mới thành lập", "newly formed project management boards"),
        ("tỷ lệ người dân tham gia BHYT đạt 80%", "health insurance coverage"),
        ("Tổng vốn đầu tư toàn xã hội ước đạt 41.000 tỷ đồng", "total social investment capital"),
        ("thu hút vốn đầu tư nước ngoài đạt 2,15 tỷ USD", "FDI attracted"),
        ("giải ngân vốn đầu tư xây dựng cơ bản đạt 76%", "disbursement of capital-construction investment"),
        (
            "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ ước tăng 12,1%",
            "total retail sales of goods and services revenue",
        ),
    ],
)
def test_terms_in_real_sentences(sentence: str, english: str) -> None:
    assert english in [t.en for t in find_terms(sentence)]


def test_spelling_variants_match() -> None:
    assert normalize_vi("Thu ngân sách 12 tỉ, hoá đơn, uỷ ban") == "thu ngân sách 12 tỷ, hóa đơn, ủy ban"
    assert [t.en for t in find_terms("Gia đình văn hoá")] == [t.en for t in find_terms("gia đình văn hóa")]


def test_old_tone_placement_is_folded_only_at_the_end_of_a_syllable() -> None:
    assert normalize_vi("Hoà bình, thuỷ lợi") == "hòa bình, thủy lợi"
    assert normalize_vi("hoàn thành dự toán khoản thu") == "hoàn thành dự toán khoản thu"


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Amount", True),
        ("Rate", True),
        ("Income", True),
        ("Enterprises", True),
        ("Number of enterprises", True),
        ("Total revenue", True),
        ("Growth rate", True),
        ("Growth (year on year)", True),
        ("Agriculture as % of plan", True),
        ("Budget revenue", False),
        ("Budget revenue as % of plan", False),
        ("Tourism revenue", False),
        ("Poor households", False),
        ("Production value", False),
        ("GRDP growth (target)", False),
        ("Workers given new jobs", False),
        # a unit alone says what sort of number it is, not what it is of
        ("Ha", True),
        ("Tons", True),
        ("Total hectares", True),
        ("Rice output (tonnes)", False),
        ("Ha Noi budget revenue", False),
    ],
)
def test_a_head_noun_alone_is_not_a_name(name: str, generic: bool) -> None:
    """'Amount — 6,279 billion VND' says nothing: such names are never shown and score as wrong."""
    assert is_generic_name(name) is generic


def test_found_terms_are_a_fresh_list_each_call() -> None:
    """Terms are cached per text; a caller that edits its list does not change what the next caller gets."""
    first = find_terms("Thu ngân sách nhà nước đạt 5 tỷ đồng")
    first.clear()
    assert [t.en for t in find_terms("Thu ngân sách nhà nước đạt 5 tỷ đồng")] == ["state budget revenue"]


def _rows_added_since_stop_36() -> list[tuple[str, str]]:
    text = (ROOT / "summarizer" / "data" / "terminology.tsv").read_text(encoding="utf-8")
    part = text.split("# --- added at stop 36", 1)[1].split("\n", 1)[1]
    rows = [line.split("\t") for line in part.splitlines() if line.strip() and not line.startswith("#")]
    return [(vi, en) for vi, en in rows]


@pytest.mark.parametrize(("vi", "en"), _rows_added_since_stop_36())
def test_every_standard_indicator_added_since_stop_36_names_its_figure(vi: str, en: str) -> None:
    """Each row in a sentence of a district report: its English is the figure's whole name (a rate names a percent,
    visitors a count of visits, the rest an amount)."""
    from summarizer.reading.labels import known_name
    from summarizer.reading.ledger import build_ledger

    figure = "50%" if vi.startswith("tỷ lệ") else "12.500 lượt" if "khách" in vi else "500 tỷ đồng"
    fig = next(f for f in build_ledger(f"Năm 2023, {vi} đạt {figure}.").figures if f.text == figure)
    if is_generic_name(en):  # 'total investment' alone says only what kind of figure it is: whose is still asked
        assert fig.label == en[:1].upper() + en[1:] and known_name(fig) is None
        return
    assert known_name(fig) == en[:1].upper() + en[1:]


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        (
            "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp ước đạt 12.400 tỷ đồng",
            "industrial and handicraft production value",
        ),
        ("Giá trị sản xuất công nghiệp – tiểu thủ công nghiệp tăng 9%", "industrial and handicraft production value"),
        ("Giá trị sản xuất công nghiệp-tiểu thủ công nghiệp tăng 9%", "industrial and handicraft production value"),
        ("Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp tăng 9%", "industrial and handicraft production value"),
        ("Giá trị sản xuất công nghiệp và tiểu thủ công nghiệp tăng 9%", "industrial and handicraft production value"),
        ("ngành công nghiệp - tiểu thủ công nghiệp chiếm 30%", "industry and handicrafts"),
        ("ngành công nghiệp – tiểu thủ công nghiệp chiếm 30%", "industry and handicrafts"),
        ("ngành công nghiệp-tiểu thủ công nghiệp chiếm 30%", "industry and handicrafts"),
        ("ngành công nghiệp, tiểu thủ công nghiệp chiếm 30%", "industry and handicrafts"),
        ("ngành công nghiệp và tiểu thủ công nghiệp chiếm 30%", "industry and handicrafts"),
        ("công nghiệp - xây dựng chiếm 35,1%", "industry and construction"),
        ("công nghiệp – xây dựng chiếm 35,1%", "industry and construction"),
        ("công nghiệp-xây dựng chiếm 35,1%", "industry and construction"),
        ("công nghiệp và xây dựng chiếm 35,1%", "industry and construction"),
        ("Giá trị sản xuất công nghiệp - xây dựng tăng 8%", "industry and construction production value"),
        ("Giá trị sản xuất công nghiệp – xây dựng tăng 8%", "industry and construction production value"),
        ("Giá trị sản xuất ngành công nghiệp tăng 8%", "industrial production value"),
        ("Giá trị sản xuất ngành nông nghiệp giảm 2%", "agricultural production value"),
        ("Giá trị sản xuất ngành dịch vụ tăng 12%", "services production value"),
        ("thương mại - dịch vụ chiếm 62,4%", "trade and services"),
        ("thương mại – dịch vụ chiếm 62,4%", "trade and services"),
        ("thương mại-dịch vụ chiếm 62,4%", "trade and services"),
        ("thương mại, dịch vụ chiếm 62,4%", "trade and services"),
        ("thương mại và dịch vụ chiếm 62,4%", "trade and services"),
        ("dịch vụ - thương mại chiếm 62,4%", "trade and services"),
        ("Giá trị sản xuất thương mại - dịch vụ tăng 11%", "trade and services production value"),
        ("Giá trị sản xuất ngành thương mại - dịch vụ tăng 11%", "trade and services production value"),
        ("doanh thu từ du lịch đạt 450 tỷ đồng", "tourism revenue"),
        ("doanh thu từ hoạt động du lịch đạt 450 tỷ đồng", "tourism revenue"),
        ("doanh thu du lịch đạt 450 tỷ đồng", "tourism revenue"),
        ("Tỷ lệ thu gom, xử lý rác thải sinh hoạt đạt 100%", "rate of household waste collected and treated"),
        ("Tỷ lệ thu gom rác thải sinh hoạt đạt 98%", "rate of household waste collected"),
        ("công tác thu gom, xử lý rác thải được bảo đảm", "waste collection and treatment"),
        ("Tỷ lệ điều tra, khám phá án hình sự đạt 85,3%", "criminal case clearance rate"),
        ("Tỷ lệ điều tra, khám phá các vụ án hình sự đạt 85,3%", "criminal case clearance rate"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 6%", "malnutrition rate of children under 5"),
        ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng giảm còn 6%", "malnutrition rate of children under 5"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi còn 5,8%", "stunting rate of children under 5"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân còn 4%", "underweight rate of children under 5"),
        ("Tỷ lệ trẻ em suy dinh dưỡng giảm còn 6%", "child malnutrition rate"),
        ("Tỷ lệ suy dinh dưỡng giảm còn 6%", "malnutrition rate"),
        ("Dư nợ cho vay đạt 450 tỷ đồng", "outstanding loans"),
        ("Dư nợ cho vay hộ nghèo đạt 45 tỷ đồng", "outstanding loans to poor households"),
        (
            "Dư nợ cho vay hộ nghèo và các đối tượng chính sách đạt 450 tỷ đồng",
            "outstanding loans to poor households and other policy beneficiaries",
        ),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,8%", "share of dossiers settled on time"),
        ("Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 99,8%", "share of dossiers settled on time"),
        ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 99,8%", "share of dossiers settled on time"),
        ("Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,8%", "share of dossiers settled on time"),
        ("Tỷ lệ hồ sơ trực tuyến đạt 60%", "share of dossiers filed online"),
        ("tiếp nhận 12.000 hồ sơ thủ tục hành chính", "administrative procedure dossiers"),
        ("Hoàn thành thu 100% quỹ phòng, chống thiên tai", "disaster prevention fund"),
        ("Giao quân đạt 100% chỉ tiêu", "military enlistment"),
        ("Công tác tuyển quân đạt 100% chỉ tiêu", "military recruitment"),
        ("số người chết giảm 2 người", "deaths"),
        ("số người bị thương giảm 3 người", "people injured"),
        ("số vụ tai nạn giao thông giảm 3 vụ", "traffic accidents"),
    ],
)
def test_stop_39_terms_in_constructed_sentences(sentence: str, english: str) -> None:
    """Rows added at stop 39, one constructed sentence each: the whole phrase is found, not only its tail."""
    assert english in [t.en for t in find_terms(sentence)]
