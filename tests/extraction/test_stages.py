"""Each pipeline stage alone: normalise, language, segment, mentions, dates, techniques."""
import unicodedata

import pytest

from healthgraph.extraction.dates import find_dates, find_validity
from healthgraph.extraction.language import detect_language
from healthgraph.extraction.mentions import find_mentions
from healthgraph.extraction.normalise import fold_same_length, normalise
from healthgraph.extraction.segment import split_sentences
from healthgraph.extraction.techniques import find_fields, find_techniques
from healthgraph.extraction.tokens import TokenText


def test_normalise_makes_nfd_and_old_tone_marks_equal():
    nfc = "Bệnh viện Đa khoa tỉnh Hòa Bình"
    assert normalise(unicodedata.normalize("NFD", nfc)) == nfc
    assert normalise("Bệnh viện Đa khoa tỉnh Hoà Bình") == nfc


def test_normalise_joins_hard_wrapped_lines_but_keeps_titles():
    text = "Hợp tác y tế\n14/04/2024\nSau buổi làm việc, Sở Y tế tỉnh Sơn La đã ký kết với Bệnh viện\nTrung ương Thái Nguyên."
    lines = normalise(text).split("\n")
    assert lines[0] == "Hợp tác y tế"
    assert lines[-1].endswith("với Bệnh viện Trung ương Thái Nguyên.")


def test_fold_keeps_length_so_offsets_stay_valid():
    text = "Sở Y tế Đắk Lắk và BVĐK tỉnh Thừa Thiên Huế"
    assert len(fold_same_length(text)) == len(text)


@pytest.mark.parametrize("text, lang", [
    ("Bệnh viện Bạch Mai ký kết hợp tác toàn diện với bệnh viện đa khoa của tỉnh", "vi"),
    ("Benh vien Bach Mai ky ket hop tac toan dien voi benh vien da khoa cua tinh", "vi"),
    ("Die Zusammenarbeit zwischen den beiden Krankenhäusern wird mit der Provinz vereinbart", "de"),
    ("The hospital signed an agreement with the provincial hospital of the province", "en"),
])
def test_language_detection(text, lang):
    assert detect_language(TokenText.of(text).words) == lang


def test_sentences_do_not_split_after_abbreviations():
    text = "PGS.TS Nguyễn Văn A cho biết Sở Y tế TP. Hồ Chí Minh đã ký kết. Hai bên thống nhất. Nr. 2 folgt."
    assert [s.text for s in split_sentences(text)] == [
        "PGS.TS Nguyễn Văn A cho biết Sở Y tế TP. Hồ Chí Minh đã ký kết.", "Hai bên thống nhất.", "Nr. 2 folgt."]


def surfaces(text):
    return [m.surface for m in find_mentions(TokenText.of(normalise(text)))]


def test_mentions_read_names_in_every_language():
    assert surfaces("Lễ ký kết giữa BVĐK tỉnh Lai Châu và Sở Y tế tỉnh Điện Biên.") == [
        "BVĐK tỉnh Lai Châu", "Sở Y tế tỉnh Điện Biên"]
    assert surfaces("Das Allgemeine Krankenhaus der Provinz Son La und das Lai Chau General Hospital Nr. 2.") == [
        "Allgemeine Krankenhaus der Provinz Son La", "Lai Chau General Hospital Nr. 2"]


def test_generic_references_and_titles_are_not_organisations():
    assert surfaces("các bệnh viện tuyến trên và Bệnh viện vệ tinh; PGS.TS Lê Văn B, BS.CKII Trần C phát biểu; "
                    "cán bộ y tế và nhân viên y tế Hà Nội.") == []


def test_dates_in_vietnamese_german_and_english():
    found = [d.iso for d in find_dates("ngày 06 tháng 5 năm 2016, 29/5, am 27. Oktober 2025, on March 3, 2024")]
    assert found == ["2016-05-06", "--05-29", "2025-10-27", "2024-03-03"]


def test_days_that_do_not_exist_are_not_dates():
    # a typo must not reach the graph as an xsd:date that no store can read
    found = [d.iso for d in find_dates("ngày 29/2/2019, ngày 31 tháng 4 năm 2020, 29/2/2020, 30/2, 31. April 2021")]
    assert found == ["2020-04", "2020-02-29"]  # the month of an impossible day is still right


def test_validity_periods():
    assert find_validity("Thỏa thuận có hiệu lực từ ngày 01/01/2024 đến ngày 31/12/2028.") == ("2024-01-01", "2028-12-31")
    assert find_validity("The agreement runs from 1 June 2025 to 31 May 2027.") == ("2025-06-01", "2027-05-31")
    assert find_validity("Hai bên ký kết hợp tác.") == (None, None)


def test_technique_lists_with_glosses_and_without_diseases():
    sentence = ("Bệnh viện giới thiệu các kỹ thuật mới như: can thiệp mạch vành, điều trị ung bướu, "
                "ung thư gan, phẫu thuật nội soi.")
    assert [i.name for i in find_techniques(sentence)] == ["can thiệp mạch vành", "điều trị ung bướu",
                                                           "phẫu thuật nội soi"]


def test_field_lists_are_not_techniques():
    sentence = "Đào tạo chuyên môn, kỹ thuật trong lĩnh vực: tim mạch, hồi sức cấp cứu, nội tiết."
    assert find_techniques(sentence) == []
    assert [i.name for i in find_fields(sentence)] == ["tim mạch", "hồi sức cấp cứu", "nội tiết"]


def test_one_procedure_named_as_what_was_trained_or_performed():
    assert [i.name for i in find_techniques("Trung tâm đã tổ chức các lớp huấn luyện về Hồi sức sơ sinh tại "
                                            "Bệnh viện Tân Phú.")] == ["Hồi sức sơ sinh"]
    found = find_techniques("Các bác sĩ đã thực hiện thành công ghép gan từ người cho sống ở 3 trường hợp.")
    assert [i.name for i in found] == ["ghép gan từ người cho sống"]


def test_list_items_that_read_like_no_procedure_are_dropped():
    found = find_techniques("Dự án nhằm chuyển giao một số kỹ thuật, cải tạo cơ sở vật chất, nâng cấp trang thiết "
                            "bị y tế cho Trung tâm Y tế huyện Tân Phú.")
    assert found == []
    found = find_techniques("Bệnh viện đã tiếp nhận các kỹ thuật: gây mê hồi sức, giảm đau sau mổ, đào tạo đội ngũ.")
    assert [i.name for i in found] == ["gây mê hồi sức", "giảm đau sau mổ"]


def test_sentences_pasted_without_a_space_after_the_stop():
    sentences = [s.text for s in split_sentences("They signed on July 17.Seongnam will fund it. Sở Y tế TP.HCM "
                                                 "ký kết. Dr.Smith spoke.")]
    assert sentences == ["They signed on July 17.", "Seongnam will fund it.", "Sở Y tế TP.HCM ký kết.", "Dr.Smith spoke."]


def test_english_and_german_procedures_trained_or_performed():
    assert [i.name for i in find_techniques("Surgeons from Lakeside spent three weeks training ward staff in "
                                            "intravenous thrombolysis and dysphagia screening.")] == [
        "intravenous thrombolysis", "dysphagia screening"]
    assert [i.name for i in find_techniques("Bac Lieu Hospital has performed its first endoscopic submucosal "
                                            "dissection independently.")] == ["endoscopic submucosal dissection"]
    found = find_techniques("Chirurgen aus Glarnau führten die ersten laparoskopischen Cholezystektomien durch.")
    assert [i.name for i in found] == ["laparoskopischen Cholezystektomien"]
    found = find_techniques("The hospital will transfer 12 techniques, including coronary angiography, hip "
                            "replacement and neonatal intensive care.")
    assert [i.name for i in found] == ["coronary angiography", "hip replacement"]


def test_techniques_by_method_after_a_colon_in_a_list_and_no_names():
    from healthgraph.extraction import extract_text
    names = lambda t: [i.name for i in find_techniques(t)]  # noqa: E731
    assert names("Đoàn đã mổ 80 ca đục thủy tinh thể bằng phương pháp phaco tại huyện.") == ["phaco"]
    assert names("Bệnh viện hỗ trợ chuyển giao các kỹ thuật chuyên sâu như: Cấy chỉ, điện châm, thủy châm.") == [
        "Cấy chỉ", "điện châm", "thủy châm"]
    assert names("Doctors were trained in laparoscopic surgery, and microsurgery.") == [
        "laparoscopic surgery", "microsurgery"]
    facts = extract_text("Bệnh viện Đa khoa tỉnh Cao Bằng tiếp nhận các kỹ thuật từ các bệnh viện như Bệnh viện "
                         "Bạch Mai, Viện Huyết học - Truyền máu Trung ương.")
    assert not any("Viện" in t.name for t in facts.techniques)


def test_plural_techniques_in_english_split_at_and():
    from healthgraph.extraction.techniques import find_techniques

    names = [i.name for i in find_techniques("The hospital transferred techniques in coronary angioplasty and "
                                             "laparoscopic surgery to Quang Ngai General Hospital.")]
    assert names == ["coronary angioplasty", "laparoscopic surgery"]
