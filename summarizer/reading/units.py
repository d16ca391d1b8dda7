"""Knowledge as data: the words Vietnamese reports write after a number (scales, currencies, counted nouns,
quantities, durations) and before a document code, with their English."""

from __future__ import annotations

__all__ = [
    "COUNT_UNITS",
    "CURRENCIES",
    "DOC_TYPES",
    "DURATION_WORDS",
    "QUANTITY_UNITS",
    "SCALE_NAMES_EN",
    "SCALE_WORDS",
]

SCALE_WORDS: dict[str, int] = {
    "nghìn tỷ": 10**12,
    "ngàn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỉ": 10**12,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "vạn": 10**4,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}

SCALE_NAMES_EN: dict[int, str] = {
    10**3: "thousand",
    10**4: "ten-thousand",
    10**6: "million",
    10**9: "billion",
    10**12: "trillion",
}

CURRENCIES: dict[str, str] = {
    "đồng": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "usd": "USD",
    "đô la mỹ": "USD",
    "đô la": "USD",
    "đô": "USD",
    "euro": "EUR",
    "eur": "EUR",
}

# Counting nouns: Vietnamese as written -> English unit. Longest first at match time.
COUNT_UNITS: dict[str, str] = {
    "người lao động": "workers",
    "lao động": "workers",
    "lượt khách": "visitor arrivals",
    "lượt người": "visits",
    "lượt": "times",
    "người": "people",
    "hộ cận nghèo": "near-poor households",
    "hộ nghèo": "poor households",
    "hộ dân": "households",
    "hộ gia đình": "households",
    "hộ": "households",
    "dự án": "projects",
    "doanh nghiệp": "enterprises",
    "chỉ tiêu": "targets",
    "tiêu chí": "criteria",
    "nhiệm vụ": "tasks",
    "nội dung": "items",
    "xã": "communes",
    "phường": "wards",
    "thị trấn": "townships",
    "huyện": "districts",
    "quận": "districts",
    "tỉnh": "provinces",
    "trường hợp": "cases",
    "trường": "schools",
    "nghề": "crafts",
    "việc làm": "jobs",
    "cơ sở": "facilities",
    "công trình": "works",
    "căn hộ": "apartments",
    "học sinh": "students",
    "đảng viên": "party members",
    "đồng chí": "comrades",
    "lần": "times",
    "đ/c": "comrades",
    "đại biểu": "delegates",
    "vụ": "cases",
    "trạm": "stations",
    "quy hoạch": "plans",
    "chương trình": "programmes",
    "giấy chứng nhận": "certificates",
    "làng": "villages",
    "thôn": "hamlets",
    "tổ dân phố": "residential groups",
    "đơn vị": "units",
    "km": "km",
    "bậc": "places",
    "hồ sơ": "applications",
    "nghị quyết": "resolutions",
    "báo cáo": "reports",
    "đầu việc": "tasks",
    "phiên chợ": "market fairs",
    "bql": "management boards",
    "ban quản lý": "management boards",
    "cái": "items",
    "tờ trình": "submissions",
    "chi bộ": "party cells",
    "thủ tục": "procedures",
    "hợp tác xã": "cooperatives",
    "khu công nghiệp": "industrial parks",
    "cụm công nghiệp": "industrial clusters",
    "phòng học": "classrooms",
    "giường bệnh": "hospital beds",
    "căn nhà": "houses",
    "ngôi nhà": "houses",
    "tuyến đường": "roads",
    "tuyến": "routes",
    "sản phẩm": "products",
    "mô hình": "models",
    "cơ quan": "agencies",
    "nhà đầu tư": "investors",
    "giấy phép": "licences",
    "trạm biến áp": "transformer stations",
    "vụ việc": "cases",
    "đơn thư": "petitions",
}

QUANTITY_UNITS: dict[str, str] = {
    "ha": "ha",
    "héc-ta": "ha",
    "hecta": "ha",
    "km2": "km²",
    "km²": "km²",
    "m2": "m²",
    "m²": "m²",
    "m3": "m³",
    "m³": "m³",
    "tấn": "tonnes",
    "lít": "litres",
    "mw": "MW",
    "kwh": "kWh",
}

DURATION_WORDS = ("năm", "tháng", "ngày", "tuần", "giờ", "quý")

DOC_TYPES = (
    "chỉ thị|nghị quyết|kế hoạch|quyết định|thông tư|nghị định|công văn|văn bản|thông báo|"
    "kết luận|chương trình|luật|tờ trình|báo cáo|hướng dẫn|đề án"
)
