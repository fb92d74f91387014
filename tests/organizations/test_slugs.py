from sotong.organizations.slugs import romanize, slug_base


def test_korean_names_become_readable_ascii_slugs():
    assert slug_base("남원 문화도시 사무국") == "namwon-munhwadosi-samuguk"
    assert slug_base("공동체지원센터") == "gongdongchejiwonsenteo"


def test_mixed_latin_and_korean_names_keep_both():
    assert slug_base("Café 소통 2호점") == "cafe-sotong-2hojeom"


def test_names_without_letters_fall_back_to_a_generic_slug():
    assert slug_base("🎨 !!!") == "org"
    assert slug_base("   ") == "org"


def test_slugs_are_cut_at_a_hyphen_free_end():
    slug = slug_base("새 " * 100, max_length=20)
    assert len(slug) <= 20
    assert not slug.endswith("-")


def test_romanize_leaves_other_characters_alone():
    assert romanize("A-1 동") == "A-1 dong"
