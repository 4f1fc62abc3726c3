"""normalize_text: what pasted Thai text becomes before layout."""

from ita_desktop.typesetting import normalize_text


def test_zero_width_and_soft_hyphen_removed():
    assert normalize_text("การ\u200bประชุม\u200c\u00ad\ufeff") == "การประชุม"


def test_nbsp_and_tabs_become_spaces():
    assert normalize_text("ข้อ\u00a0I1\tเดิม\u202fแล้ว") == "ข้อ I1 เดิม แล้ว"


def test_decomposed_sara_am_composed_with_and_without_tone():
    assert normalize_text("กํา") == "กำ"
    assert normalize_text("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"  # nikhahit, tone, aa
    assert normalize_text("น\u0e49\u0e4d\u0e32") == "น\u0e49\u0e33"  # tone typed first


def test_tone_before_vowel_kept_as_typed_and_doubled_marks_dropped():
    # The text layer must give back what was typed; the shaper draws the pair in the right order.
    assert normalize_text("ท\u0e48\u0e35") == "ท\u0e48\u0e35"
    assert normalize_text("ก\u0e48\u0e48อน") == "ก่อน"


def test_doubled_sara_e_becomes_sara_ae():
    assert normalize_text("\u0e40\u0e40ผน") == "แผน"


def test_control_characters_removed_line_breaks_unified():
    assert normalize_text("ก\x00ข\x07\r\nค\rง\u2028จ") == "กข\nค\nง\nจ"


def test_trailing_spaces_dropped_leading_kept():
    assert normalize_text("  ย่อหน้า   \nต่อ  ") == "  ย่อหน้า\nต่อ"


def test_missing_glyph_characters_are_kept():
    assert normalize_text("ผ่าน ✅ 😀") == "ผ่าน ✅ 😀"


def test_idempotent_on_seed(seed_paragraphs):
    for paragraph in seed_paragraphs:
        assert normalize_text(paragraph) == paragraph


def test_every_control_character_but_newline_is_removed():
    import unicodedata

    controls = "".join(chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc")
    assert len(controls) == 65
    # Line separators among them (\n, \r, \x0b, \x0c, \x85) become "\n", the tab a space (then
    # dropped as trailing), everything else goes.
    assert normalize_text("ก" + controls + "ข") == "ก\n\n\n\n\nข"
    for control in controls:
        assert normalize_text("ก" + control + "ข") in ("กข", "ก ข", "ก\nข"), hex(ord(control))
