"""The brand's pure parts: contrast ratios, derived dark-scheme colours, the stylesheet, the therapy component."""

from __future__ import annotations

import shutil

import pytest

from generator.guide.assemble import load_guide
from generator.guide.brand import OUR_COLOURS, Brand
from generator.guide.colours import DARK_BACKGROUND, contrast_problems, contrast_ratio, lighten_until_readable, resolve_colours
from generator.guide.phone_links import phone_href
from generator.render.environment import make_environment
from generator.schema.brand_file import Colours, IntegrationTherapy, Referral
from helpers import ROOT, english_ui
from helpers import render_macro


@pytest.mark.parametrize("one, other, ratio", [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0),
                                               ("#777777", "#ffffff", 4.48), ("#767676", "#ffffff", 4.54)])
def test_contrast_ratio_is_the_wcag_formula(one, other, ratio):
    assert contrast_ratio(one, other) == pytest.approx(ratio, abs=0.01)


def test_our_own_colours_pass_everywhere_the_theme_uses_them():
    assert contrast_problems(OUR_COLOURS) == []


def test_dark_scheme_colours_are_derived_lighter_until_they_read():
    colours = resolve_colours(Colours(primary="#5b2a86", accent="#8a1c4a"))
    assert contrast_ratio(colours.link_on_dark, DARK_BACKGROUND) >= 4.5
    assert contrast_ratio(colours.accent_on_dark, DARK_BACKGROUND) >= 4.5
    assert contrast_problems(colours) == []
    assert lighten_until_readable("#8fd8e0") == "#8fd8e0"  # already readable: unchanged


def test_a_colour_below_aa_is_named_with_its_ratio():
    [(key, message)] = contrast_problems(resolve_colours(Colours(primary="#888888", accent="#8a1c4a")))
    assert key == "primary" and "#888888 on #ffffff has a contrast of 3.54:1" in message


def _brand(**changes) -> Brand:
    values = dict(name="A & <B>", short_name="AB", logo=None, favicon=None, colours=resolve_colours(
        Colours(primary="#5b2a86", accent="#8a1c4a")), contact=None, integration_therapy=None,
        footer="f", languages=("en",))
    return Brand(**{**values, **changes})


def test_the_brand_stylesheet_sets_the_theme_colours_in_both_schemes():
    css = make_environment(ROOT / "templates", english_ui()).get_template("site/brand.css.j2").render(brand=_brand(name="Evil */ body{display:none} /*"))
    assert "--md-primary-fg-color: #5b2a86;" in css and "--md-typeset-a-color: #5b2a86;" in css
    assert '[data-md-color-scheme="slate"]' in css
    assert css.count("*/") == 1  # a name cannot end the comment and inject rules


def test_phone_links_keep_the_digits_and_a_leading_plus():
    assert phone_href("+44 (20) 7946-0000") == "tel:+442079460000"
    assert phone_href("020 7946 0000") == "tel:02079460000"
    assert phone_href("0477 13 11 14", text=True) == "sms:0477131114"
    assert phone_href("85258", text=True, body="SHOUT") == "sms:85258?body=SHOUT"
    assert phone_href(" +1 988", text=True, body="AYUDA ya") == "sms:+1988?body=AYUDA%20ya"  # the body as a URL part
    assert phone_href("988", body="AYUDA") == "tel:988"  # a call carries no message


def test_clinic_therapy_shows_the_offer_and_each_referral_as_text_with_links():
    therapy = IntegrationTherapy(offered=False, description="Ask us <b>at</b> reception.", referrals=[
        Referral(name="Dr <X> & Co", phone="+1 555 010 0000", email="x@example.org", website="https://example.org/?a=1&b=2")])
    html = render_macro("clinic_therapy.md.j2", "clinic_therapy", _brand(integration_therapy=therapy))
    assert '<h2 id="clinic-therapy">Integration therapy at A &amp; &lt;B&gt;</h2>' in html
    assert "does not offer integration therapy itself. We can refer you" in html
    assert "Ask us &lt;b&gt;at&lt;/b&gt; reception." in html
    assert "<strong>Dr &lt;X&gt; &amp; Co</strong>" in html
    assert '<a href="tel:+15550100000">+1 555 010 0000</a>' in html
    assert '<a href="mailto:x@example.org">x@example.org</a>' in html
    assert '<a href="https://example.org/?a=1&amp;b=2">' in html


def test_clinic_therapy_is_empty_without_an_offer():
    assert render_macro("clinic_therapy.md.j2", "clinic_therapy", _brand()).strip() == ""


def test_the_pdfs_site_url_is_the_clinics_then_the_engines_then_none(tmp_path):
    from generator.guide.assemble import load_guide
    from generator.publish.site_url import published_site_url

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: https://guide.example.org/ours\nhooks:\n  - !!python/name:x.y\n", encoding="utf-8")
    ours = load_guide(ROOT / "content").brand
    assert ours.site_url is None
    assert published_site_url(ours, config) == "https://guide.example.org/ours/"  # from mkdocs.yml, with its /
    assert published_site_url(ours, tmp_path / "missing.yml") is None
    config.write_text("site_name: x\n", encoding="utf-8")
    assert published_site_url(ours, config) is None
    clinic = load_guide(ROOT / "content", ROOT / "clinics/example").brand
    assert clinic.site_url == "https://example.org/guide/"
    config.write_text("site_url: https://elsewhere.example/\n", encoding="utf-8")
    assert published_site_url(clinic, config) == "https://example.org/guide/"  # the clinic's own wins


@pytest.mark.parametrize(("settings", "paper"), [
    ('country: "GB"', "a4"), ('country: "AU"', "a4"), ('country: "CA"', "letter"), ('country: "US"', "letter"),
    ('country: "MX"', "letter"), ('country: "PH"', "letter"), ('country: "VE"', "letter"), ('country: "ES"', "a4"),
    ('country: "US"\npaper: a4', "a4"), ('country: "DE"\npaper: letter', "letter")])
def test_the_paper_follows_the_country_unless_brand_yml_names_one(tmp_path, settings, paper):
    clinic = shutil.copytree(ROOT / "clinics/example", tmp_path / "clinic")
    brand = clinic / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8").replace('country: "GB"', settings), encoding="utf-8")
    guide = load_guide(ROOT / "content", clinic)
    assert guide.brand.paper == paper
    css = make_environment(ROOT / "templates", english_ui()).get_template("site/brand.css.j2").render(brand=guide.brand)
    assert f"size: {'A4' if paper == 'a4' else 'letter'};" in css


def test_our_own_guide_prints_on_letter_for_the_us():
    guide = load_guide(ROOT / "content")
    assert (guide.brand.country, guide.brand.paper) == ("US", "letter")
