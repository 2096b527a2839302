"""Shapes of real reports, on sentences written for these tests: procedures named in a list
of specialities, lists that end on a remark, techniques only asked for, headlines in capitals
and caption credits."""
import pytest

from healthgraph.extraction import extract_text
from healthgraph.extraction.techniques import find_techniques


def _names(sentence: str) -> list[str]:
    return [i.name for i in find_techniques(sentence)]


def test_the_procedures_of_a_speciality_list_after_training_are_techniques():
    names = [i.name for i in find_techniques(
        "The Cho Ray Hospital will train 12 nurses of the Attapeu Provincial Hospital in specialities such as "
        "gastroscopy, neurology, haemodialysis and mastectomy, for three months.")]
    assert names == ["gastroscopy", "haemodialysis", "mastectomy"]  # neurology is a field


def test_a_speciality_list_without_training_or_transfer_gives_no_technique():
    assert find_techniques("The hospital is strong in specialities such as gastroscopy and neurology.") == []


def test_techniques_a_hospital_asks_for_are_not_transferred():
    facts = extract_text("Sở Y tế tỉnh Hà Giang mong muốn Bệnh viện Việt Đức chuyển giao kỹ thuật phẫu thuật nội soi "
                         "khớp gối cho Bệnh viện Đa khoa tỉnh Hà Giang.")
    assert facts.techniques == []
    facts = extract_text("Bệnh viện Việt Đức đã chuyển giao kỹ thuật phẫu thuật nội soi khớp gối cho "
                         "Bệnh viện Đa khoa tỉnh Hà Giang.")
    assert [t.name for t in facts.techniques] == ["phẫu thuật nội soi khớp gối"]


def test_a_capitalised_headline_name_ends_at_its_verb():
    facts = extract_text("BỆNH VIỆN NHI TRUNG ƯƠNG KHẢO SÁT NHU CẦU TẠI BỆNH VIỆN ĐA KHOA TỈNH ĐIỆN BIÊN")
    assert {o.name.upper() for o in facts.organisations} >= {"BỆNH VIỆN NHI TRUNG ƯƠNG"}
    assert not any("KHẢO SÁT" in o.name.upper() for o in facts.organisations)


def test_a_caption_credit_ends_its_line():
    from healthgraph.extraction.normalise import normalise
    text = ("The two hospitals signed a memorandum of understanding on training last week in Hanoi. — Photo courtesy "
            "of Vinmec\nCho Ray Hospital and Attapeu Provincial Hospital signed a memorandum of understanding on.")
    assert normalise(text).split("\n")[1].startswith("Cho Ray Hospital")
    # a wrapped paragraph line that happens to hold "ảnh" is still joined
    wrapped = ("Bệnh viện Bạch Mai đã chuyển giao cho Bệnh viện Đa khoa tỉnh Phú Thọ kỹ thuật có ảnh hưởng\n"
               "lớn tới người bệnh trong tỉnh và các vùng lân cận theo đề án của Bộ Y tế.")
    assert "\n" not in normalise(wrapped)


def test_english_names_the_technique_before_its_noun_or_after_master():
    assert [i.name for i in find_techniques(
        "Under the project, the Hue Central Hospital will transfer laparoscopic surgery techniques to three "
        "provincial hospitals.")] == ["laparoscopic surgery"]
    assert [i.name for i in find_techniques(
        "The hospital has helped Ha Giang General Hospital master kidney transplantation.")] == ["kidney transplantation"]
    # what is no procedure is no technique: "management techniques", "master the skills"
    assert find_techniques("The hospital received new management techniques and helped them master the skills.") == []


def test_what_staff_learn_to_perform_is_a_technique():
    assert [i.name for i in find_techniques("Die Ärzte lernten von ihr, wie Arthroskopien des Kniegelenks "
                                            "durchgeführt werden.")] == ["Arthroskopien des Kniegelenks"]
    assert [i.name for i in find_techniques("The nurses learned how to perform peritoneal dialysis at the "
                                            "Ha Giang General Hospital.")] == ["peritoneal dialysis"]
    assert find_techniques("Sie lernten, wie das Krankenhaus organisiert wird.") == []


def test_techniques_named_under_a_licence_are_still_named():
    # a licence is no partnership, but the techniques it lets a hospital perform are named ones
    facts = extract_text("Năm 2023, Bộ Y tế cấp phép cho Bệnh viện Đa khoa tỉnh Hà Giang triển khai kỹ thuật can "
                         "thiệp mạch vành trong bệnh lý nhồi máu cơ tim, đặt máy tạo nhịp tạm thời.")
    assert [t.name for t in facts.techniques] == ["can thiệp mạch vành", "đặt máy tạo nhịp tạm thời"]
    assert facts.partnerships == []


def test_a_clause_after_the_one_technique_named_is_no_technique():
    assert [i.name for i in find_techniques("Bệnh viện Chợ Rẫy chuyển giao kỹ thuật tim mạch can thiệp và hỗ trợ "
                                            "điều trị lần đầu tiên tại Bệnh viện Đa khoa tỉnh Hà Giang.")] == [
        "tim mạch can thiệp"]
    # a German compound cut short before "und" is no technique of its own
    assert find_techniques("Die Ärzte schulen das Personal in der Notfall- und Geburtsmedizin.") == []


def test_a_technique_named_again_is_one_transfer():
    facts = extract_text("Bệnh viện Chợ Rẫy chuyển giao kỹ thuật tim mạch can thiệp cho Bệnh viện Đa khoa tỉnh Hà Giang. "
                         "Lễ chuyển giao kỹ thuật tim mạch can thiệp diễn ra sáng 14/10.")
    assert [(t.name, t.source, t.recipient) for t in facts.techniques] == [
        ("tim mạch can thiệp", "cho-ray", "bvdk-ha-giang")]


def test_what_experts_teach_others_how_to_do_is_a_technique():
    assert [i.name for i in find_techniques("Các chuyên gia đã hướng dẫn các bác sĩ ở Bệnh viện Đa khoa huyện Bắc Hà "
                                            "cách dẫn lưu màng phổi, cứu sống bệnh nhân.")] == ["dẫn lưu màng phổi"]
    assert find_techniques("Bác sĩ hướng dẫn người dân cách phòng bệnh sốt xuất huyết.") == []


def test_skills_including_procedures_name_the_procedures():
    assert [i.name for i in find_techniques("The sessions will cover life-saving skills, including emergency "
                                            "obstetric care and neonatal resuscitation.")] == ["neonatal resuscitation"]


def test_procedures_in_a_field_list_after_a_technology_transfer():
    names = [i.name for i in find_techniques(
        "Hai bên sẽ chuyển giao công nghệ, tập trung vào các lĩnh vực như: can thiệp mạch vành, can thiệp động mạch "
        "chủ, tim mạch và nhi khoa.")]
    assert names == ["can thiệp mạch vành", "can thiệp động mạch chủ"]  # fields stay fields


@pytest.mark.parametrize("sentence, expected", [
    ("Since then, lung biopsy, liver transplantation, and vascular techniques have been transferred to the hospital.",
     ["lung biopsy", "liver transplantation"]),
    ("Năm 2023, các kỹ thuật đặt stent động mạch vành, lọc máu liên tục đã được chuyển giao cho bệnh viện.",
     ["đặt stent động mạch vành", "lọc máu liên tục"]),
    ("Các kỹ thuật được chuyển giao đều là kỹ thuật cao.", []),
    ("The hospital was transferred to the province.", []),
])
def test_a_list_before_a_passive_transfer_names_techniques(sentence, expected):
    assert _names(sentence) == expected


def test_branches_of_medicine_and_kinds_of_work_are_no_techniques():
    sentence = ("Hai bên sẽ đào tạo; chuyển giao kỹ thuật mới, kỹ thuật cao các chuyên ngành Hồi sức cấp cứu, Nội khoa, "
                "Ngoại khoa; chẩn đoán và điều trị.")
    assert _names(sentence) == []


def test_a_technique_named_again_without_its_bracketed_short_name_is_one_transfer():
    facts = extract_text("Bệnh viện Từ Dũ chuyển giao kỹ thuật thụ tinh trong ống nghiệm (IVF) cho Bệnh viện Đa khoa "
                         "tỉnh An Giang. Tháng 8/2017, Bệnh viện Từ Dũ ký hợp đồng chuyển giao kỹ thuật thụ tinh trong "
                         "ống nghiệm cho Bệnh viện Đa khoa tỉnh An Giang.")
    assert [t.name for t in facts.techniques] == ["thụ tinh trong ống nghiệm (IVF)"]


@pytest.mark.parametrize("text", [
    "Sáng 5/3, tại Bệnh viện Đa khoa tỉnh Hà Giang, Bệnh viện Việt Đức đã bàn giao gói kỹ thuật phẫu thuật nội soi "
    "cột sống.",
    "Tại Bệnh viện Đa khoa tỉnh Hà Giang, Bệnh viện Việt Đức đã bàn giao gói kỹ thuật phẫu thuật nội soi cột sống.",
])
def test_a_technique_package_handed_over_at_a_hospital_after_a_time_is_transferred_to_it(text):
    facts = extract_text(text)
    assert [(p.parties, p.supporter, p.kind) for p in facts.partnerships] == [
        (("viet-duc", "bvdk-ha-giang"), "viet-duc", "transfer")]
    assert [t.name for t in facts.techniques] == ["phẫu thuật nội soi cột sống"]


@pytest.mark.parametrize("sentence, expected", [
    ("Theo kế hoạch gói kỹ thuật lọc thận nhân tạo sẽ được chuyển giao trong thời gian 4 tháng.", ["lọc thận nhân tạo"]),
    ("Hai bên sẽ triển khai những kỹ thuật mới hơn, phức tạp hơn trong điều trị đột quỵ như điều trị túi phình, "
     "đặt stent nội sọ, lấy huyết khối.", ["điều trị túi phình", "đặt stent nội sọ", "lấy huyết khối"]),
    ("Hai bên đào tạo về các kỹ thuật tiên tiến trong điều trị bệnh lý tim mạch, bao gồm can thiệp động mạch chủ "
     "và tạo nhịp bó nhánh trái.", ["can thiệp động mạch chủ", "tạo nhịp bó nhánh trái"]),
    ("Hai bên hợp tác chuyên sâu, đồng thời phát triển kỹ thuật phẫu thuật cột sống ít xâm lấn.",
     ["phẫu thuật cột sống ít xâm lấn"]),
    ("Bệnh viện A chuyển giao các kỹ thuật như đặt stent nội sọ cho Bệnh viện B.", ["đặt stent nội sọ"]),
])
def test_techniques_of_a_package_to_be_transferred_lists_after_nhu_or_bao_gom_and_techniques_developed(
        sentence, expected):
    assert _names(sentence) == expected


def test_procedures_set_up_or_introduced_are_techniques_but_software_is_not():
    assert _names("This has included the setting up of ultrasound services in poor rural communities and "
                  "introducing laparoscopic surgery as a new service for Tanzania.") == [
        "ultrasound services", "laparoscopic surgery"]
    assert _names("The hospital introduced new management software.") == []
    assert _names("Bach Mai introduced the kidney transplant technique to Lai Chau.") == ["kidney transplant"]


@pytest.mark.parametrize("text", [
    "Các kỹ thuật phức tạp như phẫu thuật nội soi tiết niệu, tán sỏi ngoài cơ thể còn hạn chế.",
    "Hiện nay, nhiều kỹ thuật cao được bác sĩ Việt Nam làm chủ, như thụ tinh trong ống nghiệm, ghép tạng.",
])
def test_techniques_a_sentence_names_without_anyone_passing_them_on_are_no_transfer(text):
    assert extract_text(text, "t").techniques == []


def test_techniques_a_sentence_passes_on_are_kept_though_it_names_no_one():
    text = ("Bệnh viện Đa khoa Sông Mây ký kết hợp tác với Bệnh viện Nhi Đồi Thông. "
            "Các kỹ thuật được chuyển giao gồm phẫu thuật nội soi tiết niệu và tán sỏi ngoài cơ thể.")
    assert {t.name for t in extract_text(text, "t").techniques} == {"phẫu thuật nội soi tiết niệu",
                                                                     "tán sỏi ngoài cơ thể"}


def test_a_vietnamese_procedure_of_many_syllables_is_one_technique():
    # Vietnamese writes one word per syllable: a procedure with its guidance or its means runs to 12-16
    names = _names("Bệnh viện Phổi Trung ương chuyển giao cho Bệnh viện Đa khoa tỉnh Yên Bái các kỹ thuật: sinh thiết "
                   "phổi xuyên thành ngực dưới hướng dẫn cắt lớp vi tính, nội soi phế quản ống mềm và điều trị lao "
                   "kháng thuốc bằng phác đồ ngắn hạn.")
    assert names == ["sinh thiết phổi xuyên thành ngực dưới hướng dẫn cắt lớp vi tính", "nội soi phế quản ống mềm",
                     "điều trị lao kháng thuốc bằng phác đồ ngắn hạn"]
    facts = extract_text("Bệnh viện Việt Đức chuyển giao kỹ thuật phẫu thuật nội soi tái tạo dây chằng chéo trước khớp "
                         "gối cho Bệnh viện Đa khoa tỉnh Phú Thọ.")
    assert [(t.name, t.source, t.recipient) for t in facts.techniques] == [
        ("phẫu thuật nội soi tái tạo dây chằng chéo trước khớp gối", "viet-duc", "bvdk-phu-tho")]


def test_a_list_noun_said_again_before_an_item_is_no_part_of_its_name():
    assert _names("Bệnh viện Đa khoa tỉnh Cà Mau được Bệnh viện Chợ Rẫy chuyển giao kỹ thuật lọc máu liên tục và "
                  "kỹ thuật đặt catheter tĩnh mạch trung tâm.") == ["lọc máu liên tục", "đặt catheter tĩnh mạch trung tâm"]


def test_a_list_item_longer_than_a_procedure_name_is_not_one():
    # more than 80 characters: a clause, not a name
    assert _names("Bệnh viện Chợ Rẫy chuyển giao các kỹ thuật: nội soi phế quản ống mềm và hướng dẫn các bác sĩ của "
                  "bệnh viện tuyến dưới cách tự theo dõi người bệnh sau khi xuất viện trong nhiều tuần liền.") \
        == ["nội soi phế quản ống mềm"]


def test_a_counted_recipient_ends_the_technique():
    # "cho hai bệnh viện": a count between the preposition and the recipient's head
    assert _names("Các chuyên gia của Bệnh viện Nhi Trung ương sẽ chuyển giao kỹ thuật thở máy cao tần cho hai bệnh viện "
                  "vệ tinh và hội chẩn trực tuyến hằng tuần.") == ["thở máy cao tần"]
    assert _names("Das Klinikum Kassel überträgt die Verfahren Kyphoplastie und Vertebroplastie an die beiden "
                  "Krankenhäuser im Landkreis.") == ["Kyphoplastie", "Vertebroplastie"]
