"""The general glossary: its data file, cutting a phrase into known words, finding a figure's subject phrase,
and the English composed from it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from summarizer.reading.glossary import (
    ROLES,
    chunk,
    compose,
    known_terms,
    load_glossary,
    phrase_after,
    phrase_before,
)
from summarizer.reading.labels import known_name
from summarizer.reading.ledger import build_ledger
from summarizer.reading.terminology import find_terms, is_generic_name, normalize_vi


def _rows() -> list[list[str]]:
    text = resources.files("summarizer").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_entry_has_three_columns_a_known_role_and_english_where_it_names() -> None:
    rows = _rows()
    assert len(rows) > 400
    for row in rows:
        assert len(row) == 3, row
        vi, en, role = (part.strip() for part in row)
        assert vi and role in ROLES, row
        assert bool(en) == (role not in ("skip", "stop")), row
        assert not any(ch.isdigit() for ch in vi), row


def test_no_entry_is_written_twice() -> None:
    keys = [normalize_vi(row[0]) for row in _rows()]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_terminology_entries_join_as_nouns_and_glossary_roles_win() -> None:
    glossary = load_glossary()
    assert glossary["thu ngân sách nhà nước"] == ("state budget revenue", "noun")  # from terminology.tsv
    assert glossary["tỷ lệ"] == ("rate", "measure")
    assert glossary["đạt"][1] == "stop"


def test_chunk_takes_the_longest_entry_and_marks_what_it_does_not_know() -> None:
    chunks = chunk("Kim ngạch xuất khẩu hàng hóa của Công ty Xyz tăng 12%")
    assert [(c.vi, c.role) for c in chunks] == [
        ("kim ngạch xuất khẩu", "noun"),  # a terminology entry, longer than 'kim ngạch' (measure)
        ("hàng hóa", "noun"),
        ("của", "of"),
        ("công ty", "noun"),
        ("xyz", "name"),
        ("tăng", "stop"),
        ("12", "number"),
        ("%", "mark"),
    ]
    assert chunk("quảng trường")[0].en == "squares"  # not 'trường' (schools) inside another word


@pytest.mark.parametrize(
    ("tail", "vi", "english"),
    [
        # 13: a total before a period and a cue
        ("Tính chung 7 tháng, tổng doanh thu du lịch 7 tháng đầu năm ước đạt", None, "total tourism revenue"),
        # 45: a balanced-budget total
        ("Tổng số chi cân đối ngân sách nhà nước là", None, "total state balanced budget spending"),
        # bac-tu-liem: a quantity word before what it measures
        (
            "tỷ lệ hộ được công nhận danh hiệu gia đình văn hóa đạt",
            None,
            "rate of households recognised as cultured families",
        ),
        # a relative verb after the noun
        ("số xã đạt chuẩn nông thôn mới là", "xã đạt chuẩn nông thôn mới", "communes meeting the new-rural standard"),
        # an owner after 'của'
        ("thu nhập bình quân của người lao động đạt", None, "average income of workers"),
        # 39, 27 (twice): what is measured comes before a preposition of place, where after it
        ("sản lượng hàng hóa qua cảng đạt", None, "output of goods via ports"),
        (
            "39 công trình khởi công mới với tổng nguồn vốn đầu tư tại các dự án",
            None,
            "total investment capital at projects",
        ),
        ("Tổng nguồn vốn huy động trong huyện tăng", None, "total capital mobilised"),
        # hand-written: a place before the phrase is not part of it
        ("Tại Hà Nội, thu ngân sách đạt", "thu ngân sách", "budget revenue"),
    ],
)
def test_the_phrase_before_a_figure_is_named_when_every_word_is_known(tail: str, vi: str | None, english: str) -> None:
    phrase = phrase_before(tail)
    assert phrase.covered
    assert phrase.english == english
    if vi is not None:
        assert phrase.vi == vi


@pytest.mark.parametrize(
    "tail",
    [
        "Theo đề án, mỗi năm thành phố thu phí xyzabc đạt",  # an unknown word inside the phrase
        "Trên địa bàn quận có",  # nothing but a place and a cue
        "Mức hỗ trợ tối đa trong năm 2018 là",  # 41: a preposition of time, not of place: what is before stays open
    ],
)
def test_a_phrase_with_an_unknown_word_or_no_noun_is_not_named(tail: str) -> None:
    phrase = phrase_before(tail)
    assert not phrase.covered and phrase.english is None


@pytest.mark.parametrize(
    ("counted", "english"),
    [
        ("doanh nghiệp mới được thành lập, với tổng vốn", "newly established enterprises"),  # 13
        ("đơn vị sự nghiệp, 35 trưởng phòng", "public service units"),  # 57
        ("lao động được giải quyết việc làm", "workers given jobs"),
    ],
)
def test_the_noun_a_count_counts_is_named_up_to_the_first_boundary(counted: str, english: str) -> None:
    phrase = phrase_after(counted)
    assert phrase.covered and phrase.english == english


def test_compose_says_an_abbreviation_and_a_repeated_word_once() -> None:
    assert compose(chunk("tổng sản phẩm GRDP")) == "GRDP"
    assert compose(chunk("thu ngân sách ngân sách nhà nước")) == "state budget revenue"


@pytest.mark.parametrize(
    ("vi", "english"),
    [
        ("dự án Long Thành", "Long Thanh project"),  # one project, named
        ("cầu Bình Triệu", "Binh Trieu bridge"),
        ("công ty Vinamilk", "Vinamilk company"),
        ("xuất khẩu vũ khí Mỹ", "My arms exports"),  # 'arms' is no plural of an arm
        ("dự án", "projects"),  # no name: as many as there are
    ],
)
def test_a_noun_a_proper_name_follows_is_one_thing(vi: str, english: str) -> None:
    assert compose(chunk(vi)) == english


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        # 45: before, the nearest term made this 'Budget' and the spending total 'Resolutions from the budget'
        ("Theo Nghị quyết, tổng số chi cân đối ngân sách nhà nước là 1.502.189 tỷ đồng.", "spending", "resolution"),
        ("Theo Nghị quyết, tổng số thu cân đối ngân sách nhà nước là 1.291.342 tỷ đồng.", "revenue", "resolution"),
        # 57: a count of units cut is named by what it counts, not by the subject before it
        ("Toàn thành phố giảm 413 người, giảm 130 đơn vị sự nghiệp.", "public service units", "growth"),
        # 13: the counted noun and its relative clause
        ("Đã có hơn 24.303 doanh nghiệp mới được thành lập.", "enterprises", "growth"),
    ],
)
def test_labels_from_the_glossary_on_report_sentences(text: str, must: str, must_not: str) -> None:
    fig = [f for f in build_ledger(text).figures if f.is_indicator_kind][-1]
    assert fig.label is not None
    assert must in fig.label.lower() and must_not not in fig.label.lower(), fig.label
    assert not is_generic_name(fig.label)


def test_a_budget_is_the_source_of_spending_only_when_spending_is_named() -> None:
    """'giải ngân vốn đầu tư …, đối với ngân sách Trung ương là …' (21) names what the budget paid; a resolution
    named earlier in the sentence is not something a budget pays for."""
    spent = build_ledger("Giải ngân vốn đầu tư xây dựng cơ bản, đối với ngân sách Trung ương là 6.596 tỷ đồng.")
    assert "from the central budget" in (spent.figures[-1].label or "")
    voted = build_ledger("Nghị quyết được thông qua, đối với ngân sách Trung ương là 6.596 tỷ đồng.")
    assert "resolution" not in (voted.figures[-1].label or "").lower()


def test_a_one_syllable_term_inside_a_longer_word_is_not_a_term() -> None:
    """'trường' (schools) is a syllable of 'quảng trường' (a square) and 'thị trường' (a market); where a longer
    glossary word holds more than one term ('thuế thu nhập cá nhân'), the terms stay."""
    assert [t.vi for t in known_terms("xây quảng trường và trường học")] == ["trường học"]
    assert "schools" not in (build_ledger("Sơn La chi 1.400 tỷ đồng xây quảng trường.").figures[0].label or "").lower()
    assert [t.en for t in known_terms("thuế thu nhập cá nhân")] == [t.en for t in find_terms("thuế thu nhập cá nhân")]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # 57: bare counts cut, each named by the noun after it (with the change: 'departments' alone is a head
        # noun), not by the subject of the count before
        (
            "Đến nay, toàn TP đã giảm được 55 phòng, ban; giảm 130 đơn vị sự nghiệp; giảm 35 trưởng phòng, ban.",
            ["Departments and boards reduced", "Public service units reduced", "Heads of department reduced"],
        ),
        (
            "Khối cơ quan chính quyền sẽ giảm 704 hợp đồng có chỉ tiêu đã tồn tại nhiều năm, tinh giản biên chế 115 "
            "cán bộ, công chức, viên chức.",
            ["Contracts reduced", "Officials reduced (target)"],
        ),
        # a bare count after 'tăng': what was added
        ("Năm nay quận tăng thêm 12 nhà văn hóa.", ["Community houses added"]),
        # 29, 57: a count of a known noun after a change verb, compared with a year: the name says the change,
        # so no 'growth' is added to it
        (
            "Toàn tỉnh có 82/97 xã đạt tiêu chí thủy lợi, tăng 74 xã so với năm 2010.",
            ["Communes (irrigation criterion) met", "Communes added vs 2010"],
        ),
        ("Năm 2017, huyện giảm 12 biên chế so với năm 2016.", ["Staff positions reduced (year on year)"]),
        # 17, 19, 45: a noun with its own clause names the count whatever was named before it
        (
            "Tỉnh đã thu hút 435 triệu USD FDI bao gồm: 31 dự án mới được cấp Giấy chứng nhận đầu tư.",
            ["Foreign direct investment (FDI)", "New projects granted investment certificates"],
        ),
        (
            "Tính đến hết tháng 6-2017, toàn tỉnh Long An có 57 xã được công nhận xã nông thôn mới.",
            ["Communes recognised as new-rural communes"],
        ),
        (
            "Thông qua Nghị quyết về phê chuẩn quyết toán ngân sách nhà nước năm 2015 Với 454 đại biểu tán thành, "
            "chiếm tỷ lệ 92,46%.",
            ["Delegates voting in favour", "Share of delegates voting in favour"],
        ),
        # 41: a count after an amount names what it counts
        (
            "Ngân sách thành phố cần hơn 2.340 tỷ đồng để chi cho hơn 11.600 công chức.",
            ["City budget", "Civil servants"],
        ),
    ],
)
def test_a_count_is_named_by_the_noun_it_counts(text: str, labels: list[str | None]) -> None:
    assert [f.label for f in build_ledger(text).figures if f.is_indicator_kind] == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # 57: the unit ('người') or a head noun says nothing; the known phrase before the figure names it
        (
            "Năm 2016, tổng số biên chế công chức, viên chức toàn TP có khoảng trên 137.000 người (công chức khoảng "
            "trên 12.000 người).",
            ["Public employees", "Civil servants"],
        ),
        (
            "Toàn huyện có 1.250 đảng viên, trong đó đảng viên mới khoảng 95 người.",
            ["Party members", "New party members"],
        ),
    ],
)
def test_a_subject_that_is_only_the_unit_gives_way_to_the_phrase_before(text: str, labels: list[str]) -> None:
    assert [f.label for f in build_ledger(text).figures if f.is_indicator_kind] == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # 53: the adjective before a length is its dimension, of the thing before it; the next length of the
        # sentence, without one, does not inherit it
        (
            "Tại nút giao thông sẽ có hầm chui dài 430 m, đường dẫn hai đầu hầm là 150 m.",
            ["Length of underpasses", None],
        ),
        ("Tuyến đường giao thông dài 12 km, rộng 30 m.", ["Length of roads", None]),
        # 49, 53: an owner the glossary does not know whole: no name rather than the subject of the clause
        ("Dự án đường liên phường dài 4,8 km.", [None]),
        ("Quần thể gồm nhóm tượng đài Hồ Chủ tịch (cao 5-8 m).", [None]),
    ],
)
def test_a_length_is_named_by_its_dimension(text: str, labels: list[str | None]) -> None:
    assert [f.label for f in build_ledger(text).figures if f.unit in ("m", "km")] == labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # 57 (twice in the report): 'giảm' before the subject makes the amount a cut
        (
            "Dự kiến đến năm 2017 giảm 69 biên chế (giảm chi ngân sách khoảng 9,94 tỉ đồng/năm).",
            "Budget spending cut per year",
        ),
        # 49: what an amount pays for, after it
        ("Sơn La chi 1.400 tỷ đồng xây quảng trường và tượng đài Hồ Chí Minh.", "Spending for squares and monuments"),
        # 41: a grant 'đối với' (for) whom it goes to
        ("TP HCM sẽ trợ cấp 100 triệu đồng đối với các chuyên gia, nhà khoa học.", "Allowances for experts"),
        # the same construction with an investment
        (
            "Huyện đã đầu tư 45 tỷ đồng xây dựng trường học và trạm y tế.",
            "Construction investment for schools and health stations",
        ),
    ],
)
def test_an_amount_cut_or_paid_for_something_says_so(text: str, label: str) -> None:
    assert [f.label for f in build_ledger(text).figures if f.kind.value == "money"] == [label]


@pytest.mark.parametrize(
    ("tail", "english"),
    [
        # 45: a project's own name after its common noun
        (
            "Diện tích đất của Dự án Cảng hàng không quốc tế Long Thành (",
            "area of land of Long Thanh international airport projects",
        ),
        # a place after what it owns
        ("thu ngân sách Hà Nội đạt", "Ha Noi budget revenue"),
        # 41: a degree word after the noun
        ("Mức phí cao nhất", "highest fee level"),
    ],
)
def test_a_name_or_a_degree_word_after_the_noun_stays_with_it(tail: str, english: str) -> None:
    assert phrase_before(tail).english == english


def test_a_capitalised_word_before_the_phrase_is_not_its_name() -> None:
    """'Theo đề án, …': a sentence's first word, unknown and capitalised, bounds the phrase and joins nothing."""
    assert phrase_before("Theo đề án, tổng vốn đầu tư là").english == "total investment capital"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 29: 'Markets — 9 markets' names nothing, but the verb before each count says what was done to them
        (
            "Từ năm 2011 đến nay đã đầu tư xây mới 9 chợ, nâng cấp, cải tạo 22 chợ.",
            ["Markets newly built", "Markets renovated"],
        ),
        # 19, 29: a unit of more words says what is counted
        ("Năm 2014 xã có 25 hộ nghèo.", ["Poor households"]),
        ("Tính đến nay các xã trong tỉnh có 1.288 trạm biến áp.", ["Transformer stations"]),
    ],
)
def test_a_count_named_only_by_its_one_word_unit_has_no_known_name(text: str, names: list[str | None]) -> None:
    assert [known_name(f) for f in build_ledger(text).figures if f.is_indicator_kind] == names


_IN_A_PHRASE = {
    "noun": ("{vi} đạt", "{en}"),
    "mod": ("hợp tác xã {vi} đạt", "{en} cooperatives"),
    "measure": ("{vi} cây xanh đạt", "{en} of trees"),
    "lead": ("{vi} doanh thu đạt", "{en} revenue"),
}


def _entries(*roles: str) -> list[tuple[str, str, str]]:
    return [(vi.strip(), en.strip(), role.strip()) for vi, en, role in _rows() if role.strip() in roles]


@pytest.mark.parametrize(("vi", "en", "role"), _entries("noun", "mod", "measure", "lead"))
def test_every_naming_entry_names_a_subject_in_its_place(vi: str, en: str, role: str) -> None:
    """Each entry is reached whole (no longer entry hides it) and says its English where its role puts it."""
    tail, english = _IN_A_PHRASE[role]
    phrase = phrase_before(tail.format(vi=vi)) if "," not in vi else phrase_after(vi)
    assert phrase.covered, vi
    assert phrase.english == english.format(en=en), vi


@pytest.mark.parametrize(("vi", "en", "role"), _entries("verb"))
def test_every_relative_verb_follows_the_noun_it_describes(vi: str, en: str, role: str) -> None:
    phrase = phrase_after(f"hộ dân {vi}, ")
    assert phrase.covered, vi
    assert phrase.english == f"households {en}", vi


@pytest.mark.parametrize(("vi", "en", "role"), _entries("place"))
def test_every_preposition_of_place_ends_a_counted_noun_and_opens_a_subject(vi: str, en: str, role: str) -> None:
    assert phrase_after(f"dự án {vi} khu vực nông thôn").english == "projects", vi
    assert phrase_before(f"doanh thu {vi} các khu du lịch đạt").english == f"revenue {en} tourist areas", vi
    assert not phrase_before(f"doanh thu {vi} các khu xyzabc đạt").covered, vi


@pytest.mark.parametrize(("vi", "en", "role"), _entries("stop", "skip", "of"))
def test_every_function_word_names_nothing(vi: str, en: str, role: str) -> None:
    assert all(c.role == role for c in chunk(vi)), vi


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("tượng đài Hồ Chí Minh", "name"),  # 49: 'hồ' (lake) is not a word of the name
        ("các xã ven Sông Hồng", "name"),  # hand-written
        ("hồ chứa nước", "noun"),
        ("Hồ điều hòa", "noun"),  # a capitalised word at the start, before a lower-case one, is the word
    ],
)
def test_a_capitalised_syllable_before_another_is_part_of_a_name(text: str, role: str) -> None:
    words = {c.vi: c.role for c in chunk(text)}
    assert words.get("hồ", words.get("hồ chứa nước", words.get("sông"))) == role


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # 53: the project's total investment after its road's length is not a length (its own term since stop 38)
        (
            "Dự án đường ven sông Cái chiều dài tuyến đường là 4,6 km, quy mô bốn làn đường ô tô, tổng mức đầu tư là "
            "3.070 tỉ đồng.",
            "Total investment",
        ),
        # hand-written: the same order with a named amount
        ("Tuyến đường có chiều dài 12 km, tổng vốn đầu tư 500 tỷ đồng.", "Total investment capital"),
    ],
)
def test_an_amount_is_not_named_by_a_length_before_it(text: str, label: str | None) -> None:
    assert [f.label for f in build_ledger(text).figures if f.kind.value == "money"] == [label]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # 49: 'ở' ends the counted noun: the monuments, not the offices of the clause before
        (
            "101 tượng đài Hồ Chủ tịch trong khuôn viên, trụ sở cơ quan và 31 tượng đài ở trung tâm hành chính.",
            "Monuments",
        ),
        # hand-written: 'tại'
        ("Huyện có 12 chợ tại các xã vùng cao.", "Markets"),
    ],
)
def test_a_preposition_of_place_ends_the_noun_a_count_counts(text: str, label: str) -> None:
    assert build_ledger(text).figures[-1].subject_en is not None
    assert build_ledger(text).figures[-1].label == label


INDICATOR_NAMES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "indicator_names.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("name", INDICATOR_NAMES)
def test_every_word_of_a_national_indicator_name_is_known(name: str) -> None:
    """The glossary is general vocabulary: a figure named as the statistical system names it has no unknown word
    in its subject, so ``written_whole`` lets the program name it."""
    assert [c.vi for c in chunk(name) if c.role == "unknown"] == []


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [  # a verb right before a count says what was done to what it counts (district reports; corpus sample)
        ("Năm 2023, quận khởi công 25 công trình.", "25 công trình", "Works started"),
        ("Năm 2023, các cơ quan tiếp nhận 860 đơn thư.", "860 đơn thư", "Petitions received"),
        ("Năm 2023, quận đã xử phạt 45 cơ sở.", "45 cơ sở", "Establishments fined"),
        ("Năm 2023, quận thành lập mới 1.150 doanh nghiệp.", "1.150 doanh nghiệp", "Enterprises newly established"),
    ],
)
def test_a_verb_before_a_count_names_what_was_done(text: str, figure: str, name: str) -> None:
    from summarizer.reading.ledger import build_ledger

    fig = next(f for f in build_ledger(text).figures if f.text == figure)
    assert fig.label == name


@pytest.mark.parametrize(
    ("text", "written", "label"),
    [
        # dev vietnews-train-103312: after a count of flooded houses, the hectares are of rice, not houses
        ("Bão làm hơn 400 ngôi nhà bị ngập nước, hơn 1.800 ha lúa bị ngập.", "1.800 ha", "Area of rice flooded"),
        ("Tỉnh có 5 xã, 330 ha lúa.", "330 ha", "Area of rice"),
        # an area whose own words come before it keeps them: 'rộng 300 ha' is the park's area
        ("Khu công nghiệp rộng 300 ha đất.", "300 ha", None),
    ],
)
def test_an_area_is_of_the_noun_written_after_its_unit(text: str, written: str, label: str | None) -> None:
    ledger = build_ledger(f"Tin.\n{text}")
    fig = next(f for f in ledger.figures if ledger.text[f.start : f.end] == written)
    if label is None:
        assert not (fig.label or "").startswith("Area of land")
    else:
        assert fig.label == label


def test_a_decimal_comma_is_not_counted_among_a_clauses_commas() -> None:
    """'nông, lâm, thủy sản' holds two commas of one entry; a number's decimal comma before it is none of the
    clause's commas, or the entry's commas are miscounted (stop 38: decimal commas stopped ending clauses)."""
    from summarizer.reading.glossary import commas_inside_entries

    assert commas_inside_entries("Giá trị sản xuất nông, lâm, thủy sản ước đạt") == {0, 1}
    assert commas_inside_entries("Với 4,5 triệu hộ, giá trị sản xuất nông, lâm, thủy sản ước đạt") == {1, 2}
