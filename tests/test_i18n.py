"""The translation table: both languages for every key, same placeholders, and no page uses a missing key."""

import re
import string
from pathlib import Path

import pytest

from clinic import i18n

ROOT = Path(__file__).resolve().parent.parent


def fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.TABLE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    pair = i18n.TABLE[key]
    assert isinstance(pair, tuple) and len(pair) == 2, key
    en, vi = pair
    assert en.strip() and vi.strip(), f"{key} has an empty translation"
    assert fields(en) == fields(vi), f"{key}: placeholders differ between English and Vietnamese"


def test_t_uses_the_current_language_and_formats():
    i18n.set_lang("vi")
    try:
        assert i18n.t("app.title") == "Phòng khám Huấn luyện"
        assert "lr=5" in i18n.t("notice.clamped", name="lr", raw="5", lo="0", hi="1", value="1")
    finally:
        i18n.set_lang("en")
    assert i18n.t("app.title") == "Training Clinic"
    i18n.set_lang("klingon")
    assert i18n.get_lang() == "en"


def test_unknown_keys_show_themselves_instead_of_crashing():
    assert i18n.t("no.such.key") == "no.such.key"


def _literal_keys(source: str) -> set[str]:
    # t("key") and t("key", ...) with a literal key
    return set(re.findall(r"\bt\(\s*\"([a-z0-9_.]+)\"", source))


def test_every_literal_key_used_in_the_code_exists():
    missing = {}
    for path in list((ROOT / "pages").glob("*.py")) + list((ROOT / "clinic").glob("*.py")) + [ROOT / "app.py"]:
        keys = _literal_keys(path.read_text(encoding="utf-8"))
        bad = sorted(k for k in keys if not i18n.has(k))
        if bad:
            missing[path.name] = bad
    assert not missing, f"translation keys used but not defined: {missing}"


def test_vietnamese_is_really_vietnamese():
    # A sample of long texts must contain Vietnamese letters: catches an English string pasted twice.
    long_keys = [k for k, (en, vi) in i18n.TABLE.items() if len(en) > 60]
    copied = [k for k in long_keys if i18n.TABLE[k][0] == i18n.TABLE[k][1]]
    assert not copied, f"long texts not translated: {copied}"
    assert all(re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", i18n.TABLE[k][1], re.I)
               for k in long_keys)
