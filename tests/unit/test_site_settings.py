"""What every site engine is told, worked out once (generator/engines/site_settings.py), and how the
Zensical adapter writes it into its generated config (generator/engines/zensical/build.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import ROOT
from generator.engines.site_settings import site_settings, theme_language
from generator.guide.crisis_wording import worded_crisis
from generator.engines.zensical.build import escape_front_matter, scratch_config
from generator.pipeline import Project, generate
from generator.schema.items import CrisisLine


def settings_for(clinic: Path | None = None):
    return site_settings(*generate(Project.at(ROOT, clinic)))


def test_our_guide_has_no_clinic_block_no_logo_its_colours_and_the_handout_off_the_menu():
    settings = settings_for()
    assert settings.guide["clinic"] is None and settings.theme_files == {}
    assert settings.extra_css == ("stylesheets/brand.css",)  # our colours, made from OUR_COLOURS
    assert settings.not_in_nav == ("handout.md",)
    crisis = settings.guide["crisis"]
    assert crisis["bar"]["ways"] == [{"kind": "call", "label": "Call 988", "href": "tel:988"},
                                     {"kind": "text", "label": "Text 988", "href": "sms:988"}]  # its chat: on the crisis page
    assert crisis["lines"][0]["ways"][-1]["kind"] == "online"
    assert crisis["emergency"] | {"sentence": ""} == {"kind": "call", "label": "Call 911", "href": "tel:911",
                                                      "short": "Emergency: 911", "sentence": ""}
    assert settings.guide["help_page"] == "when-to-get-help/"  # where the header's help control leads
    assert {"Worksheets"} <= {title for item in settings.nav for title in item}


def test_the_help_control_leads_to_the_crisis_page_where_an_edition_has_no_help_page():
    guide, rendered = generate(Project.at(ROOT, None))
    without = guide.__class__(**{**guide.__dict__, "pages": [p for p in guide.pages if p.id != "when-to-get-help"]})
    assert site_settings(without, rendered).guide["help_page"] == "crisis/"


def test_a_text_only_line_is_in_the_crisis_bar_as_its_sms_link_with_the_keyword():
    guide, rendered = generate(Project.at(ROOT, None))
    shout = CrisisLine(id="shout", name="Shout", texts="85258", keyword="SHOUT")
    crisis = worded_crisis(guide.site.crisis.model_copy(update={"lines": [shout]}), guide.ui, "en")
    guide = guide.__class__(**{**guide.__dict__, "site": guide.site.model_copy(update={"crisis": crisis})})
    bar = site_settings(guide, rendered).guide["crisis"]["bar"]
    assert bar == {"name": "Shout", "ways": [{"kind": "text", "label": "Text SHOUT to 85258", "href": "sms:85258?body=SHOUT"}]}


def test_a_clinic_brings_its_logo_favicon_stylesheet_and_address_as_lines():
    settings = settings_for(ROOT / "clinics/example")
    assert settings.theme_files == {"logo": "brand/logo.svg", "favicon": "brand/favicon.svg"}
    assert settings.extra_css == ("stylesheets/brand.css",)
    clinic = settings.guide["clinic"]
    assert clinic["address_lines"] == clinic["contact"]["address"].splitlines() and len(clinic["address_lines"]) >= 2


def test_the_theme_language_falls_back_to_the_main_language_then_english(tmp_path):
    (tmp_path / "partials/languages").mkdir(parents=True)
    (tmp_path / "partials/languages/pt.html").write_text("", encoding="utf-8")
    assert theme_language("pt-BR", [tmp_path]) == "pt"
    assert theme_language("xx-YY", [tmp_path]) == "en"


def test_the_zensical_config_carries_what_the_mkdocs_plugin_sets_escaped_where_zensical_prints_raw():
    settings = settings_for(ROOT / "clinics/example")
    mkdocs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = scratch_config(mkdocs, settings, "en")
    assert "hooks" not in config and "watch" not in config
    assert config["docs_dir"] == "docs" and config["site_dir"] == "site"  # inside the scratch project
    assert config["theme"]["variant"] == "classic" and config["theme"]["logo"] == "brand/logo.svg"
    assert config["theme"]["font"] is False  # no Google Fonts
    assert config["extra"]["guide"] == settings.guide and config["nav"] == settings.nav
    assert config["extra_css"][-1] == "stylesheets/brand.css" and config["not_in_nav"] == "/handout.md"
    odd = scratch_config(mkdocs, settings.__class__(**{**settings.__dict__, "name": 'A & <B> "C"'}), "en")
    assert odd["site_name"] == "A &amp; &lt;B&gt; &quot;C&quot;"
    offline = scratch_config(mkdocs, settings, "en", offline=True)
    assert offline["use_directory_urls"] is False and offline["plugins"] == [{"search": {"enabled": False}}]


def test_front_matter_titles_are_escaped_and_the_rest_of_the_page_left_alone():
    page = '---\ntitle: "A & <b>B</b>"\ndescription: "x < y"\nscripts: ["a.js"]\n---\n\n# A & <b>B</b>\n'
    assert escape_front_matter(page) == ('---\ntitle: "A &amp; &lt;b&gt;B&lt;/b&gt;"\ndescription: "x &lt; y"\n'
                                         'scripts: ["a.js"]\n---\n\n# A & <b>B</b>\n')
    assert escape_front_matter("# no front matter & <b>\n") == "# no front matter & <b>\n"
