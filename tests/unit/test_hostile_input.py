"""Hostile and unlucky input: each is refused with a located message, quickly, in bounded memory,
with no traceback, and nothing written (issue 14). Those that need a real process of their own (a YAML
bomb, a huge file or list, a pipe or device in place of a file) are in
tests/site/test_hostile_input_in_a_process.py."""

from __future__ import annotations

import shutil

import pytest

from generator.publish.csp import add_csp, inline_script_hashes
from helpers import ROOT, cli, copy_project

PAGE = "content/pages/about.yml"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_symlink_in_content_is_named_as_the_link_not_what_it_points_to(project, tmp_path):
    secret = tmp_path / "outside.yml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (project / "content/pages/evil.yml").symlink_to(secret)
    (project / "content/pages/broken.yml").symlink_to(tmp_path / "missing.yml")
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/evil.yml:1:1: this is a symbolic link" in result.stderr
    assert "content/pages/broken.yml:1:1: this is a symbolic link" in result.stderr
    assert "outside.yml" not in result.stderr and "hunter2" not in result.stderr and "missing.yml" not in result.stderr


@pytest.mark.parametrize("markup, says", [
    ("<script>steal(localStorage)</script>", "a <script> element is not allowed in content"),
    ('<img src="x.png" onerror="steal()">', "an event-handler attribute (onerror=) is not allowed"),
    ("[Click](javascript:steal())", "a link to a javascript: address is not allowed"),
    ('<a href=" JavaScript:steal()">x</a>', "a javascript: address in href= is not allowed"),
    ('<iframe src="https://example.org/"></iframe>', "a <iframe> element is not allowed"),
    ('<object data="x.swf"></object>', "a <object> element is not allowed"),
])
def test_markup_that_could_run_a_script_is_refused_where_it_is_written(project, markup, says):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + f"  - type: text\n    body: |\n      Hello.\n      {markup}\n", 1), encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 6  # the markup's own line in the | block
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PAGE}:{line}:1: blocks[0].body: {says}" in result.stderr, result.stderr


def test_plain_words_with_angle_brackets_and_harmless_tags_pass(project):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nblocks:\n", "\nblocks:\n  - type: text\n    body: |\n      If pain is < 5 or > 7, "
                                 "call.<br>Use <strong>care</strong>.\n", 1), encoding="utf-8")
    assert cli("--root", str(project), "check").returncode == 0


@pytest.mark.parametrize("svg, says", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "an event-handler attribute (onload=)"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>', "a <image> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "a <foreignobject> element"),
])
def test_an_svg_logo_that_could_run_or_load_something_is_refused(project, svg, says):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    (project / "clinics/example/assets/logo.svg").write_text(svg, encoding="utf-8")
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml:" in result.stderr and f"logo: the logo 'assets/logo.svg' holds {says}" in result.stderr


def test_writing_into_a_folder_that_cannot_exist_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("render", "--out", str(blocker / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error:" in result.stderr and "last good output is unchanged" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_policy_allows_the_frames_scripts_never_one_inside_the_content():
    html = ("<html><head><script>theme()</script></head><body><article class=\"md-content__inner\">"
            "<script>steal()</script></article><script>theme2()</script></body></html>")
    hashes = inline_script_hashes(html)
    assert len(hashes) == 2  # the two outside the article, not the one inside
    assert hashes == inline_script_hashes(html.replace("<script>steal()</script>", ""))
    assert '<meta name="referrer" content="no-referrer">' in add_csp(html)


# --- the allow-list sanitizer (issue 19) ----------------------------------------------------------------

SANITIZER = "is not allowed: the sanitizer would take it out"


def _with_text_block(project, body: str) -> int:
    """Our about page with a text block first whose body is ``body`` (a `|` block, one line or more);
    returns the line of the body's first line in the file."""
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    lines = "".join(f"      {line}\n" if line else "\n" for line in body.split("\n"))
    path.write_text(text.replace(marker, marker + f"  - type: text\n    body: |\n{lines}", 1), encoding="utf-8")
    return text[: text.index(marker)].count("\n") + 5


@pytest.mark.parametrize("markdown, found", [
    ("[Call](&#106;avascript:steal())", "the address 'javascript:steal()' (in <a href=>)"),
    ("[Call](&#x6A;avascript:steal())", "the address 'javascript:steal()' (in <a href=>)"),
    ("[Call](javascript&colon;steal())", "the address 'javascript:steal()' (in <a href=>)"),
    ("[Call](java&#9;script:steal())", "the address 'java\\x09script:steal()' (in <a href=>)"),
    ("[Call](java&#10;script:steal())", "the address 'java\\x0ascript:steal()' (in <a href=>)"),
    ("[Call](&#1;javascript:steal())", "the address 'javascript:steal()' (in <a href=>)"),
    ("[Call][help]\n\n[help]: javascript:steal()", "in the reference definition [help]: the address 'javascript:steal()' (in <a href=>)"),
    ("A calm paragraph.\n{ onclick=steal() }", "the attribute onclick= (on <p>)"),
    ("[Call](https://988lifeline.org){ href=\"javascript:steal()\" }", "the address 'javascript:steal()' (in <a href=>)"),
    ("*Breathe*{ onerror=steal() }", "the attribute onerror= (on <em>)"),
    ("A calm paragraph.\n{ autofocus onfocus=steal() }", "the attribute onfocus= (on <p>)"),
    ('<abbr title="&lt;meta http-equiv=refresh content=0;url=https://evil.example&gt;">ER</abbr>',
     "a title= holding markup or a control character ('<meta http-equiv=refresh content=0;url=https://evil.example>', on <abbr>)"),
    ('[Call](https://988lifeline.org "&lt;a href=https://evil.example&gt;here&lt;/a&gt;")',
     "a title= holding markup or a control character ('<a href=https://evil.example>here</a>', on <a>)"),
    ('<p style="background:url(https://tracker.example/p.png)">Hi</p>', "the attribute style= (on <p>)"),
    ('<bdo dir="rtl">889</bdo>', "the <bdo> element"),
])
def test_markdown_forms_the_deny_list_misses_are_refused_by_the_sanitizer_at_their_line(project, markdown, found):
    first = _with_text_block(project, "Hello.\n\n" + markdown)
    line = first + 2 + (markdown.count("\n") if "[help]:" in markdown or "\n{" in markdown else 0)
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PAGE}:{line}:1: blocks[0].body: {found} {SANITIZER}" in result.stderr, result.stderr


def test_a_control_character_inside_a_scheme_is_refused_by_the_sanitizer(project):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    path.write_text(text.replace(marker, marker + '  - type: text\n    body: "[Call](java\\x01script:steal()) now"\n', 1),
                    encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 4
    result = cli("--root", str(project), "check")
    assert f"{PAGE}:{line}:5: blocks[0].body: the address 'java\\x01script:steal()' (in <a href=>) {SANITIZER}" in result.stderr, result.stderr


def test_each_of_several_bad_links_in_one_text_is_named_at_its_own_line(project):
    first = _with_text_block(project, "[One](&#106;avascript:a())\n\nFine words.\n\n[Two](javascript&colon;a())")
    result = cli("--root", str(project), "check")
    for line in (first, first + 4):
        assert f"{PAGE}:{line}:1: blocks[0].body: the address 'javascript:a()' (in <a href=>) {SANITIZER}" in result.stderr
    assert result.stderr.count(SANITIZER) == 2, result.stderr


OTHER_PAYLOADS = [
    '<svg><a xlink:href="javascript:steal()"><text>x</text></a></svg>',
    '<svg/onload=steal()>',
    "<math><mtext><img src=x onerror=steal()></mtext></math>",
    '<math href="javascript:steal()">x</math>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="DATA:text/html,<script>steal()</script>">x</a>',
    "[x](JAVASCRIPT:steal())",
    "[x](  JaVaScRiPt:steal())",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058steal()">x</a>',
    '<a href="jav&#x09;ascript:steal()">x</a>',
    '<span style="width: expression(steal())">x</span>',
    '<div style="background-image: url(https://tracker.example/p.png)">x</div>',
    '<img srcset="https://tracker.example/p.png 1x" alt="">',
    "![a](https://tracker.example/p.png)",
    "![a](/local.png)",
    '<button formaction="javascript:steal()">Go</button>',
    '<form action="https://evil.example"><input name="q"></form>',
    '<input autofocus onfocus="steal()">',
    '<details open ontoggle="steal()"><summary>x</summary></details>',
    '<video><source onerror="steal()"></video>',
    '<iframe srcdoc="&lt;script&gt;steal()&lt;/script&gt;"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<style>body{background:url(https://tracker.example/p.png)}</style>",
    "<noscript><p title=\"</noscript><img src=x onerror=steal()>\"></noscript>",
    "<template><img src=x onerror=steal()></template>",
    '<a href="https://988lifeline.org" target="_blank">x</a>',
    '<a href="https://988lifeline.org" ping="https://tracker.example/">x</a>',
    '<p data-md-component="tooltip">x</p>',
    '<span dir="rtl">889</span>',
    '<abbr title="x&#10;y\x07">ER</abbr>',
    "x { tabindex=1 accesskey=s }\n{: style=\"color:red\" }",
    "# Heading { onclick=steal() }",
    '<div markdown="1" onmouseover="steal()">Hi</div>',
    "<!-- <img src=x onerror=steal()> -->",
    "<strong>open and never closed",
]


@pytest.mark.parametrize("payload", OTHER_PAYLOADS)
def test_the_allow_list_holds_for_payloads_no_rule_names(payload):
    """Forms of each kind that neither the issue nor the deny-list names: the sanitizer, not a list, holds."""
    from generator.guide.sanitizer import findings

    assert findings(payload, True), payload


@pytest.mark.parametrize("payload", ["[x](javascript:steal())", "[x](JavaScript:steal())", "Call.\n{ onclick=steal() }",
                                     "[x][r]\n\n[r]: javascript:steal()", "*x*{ onmouseover=steal() }"])
def test_text_whose_html_is_escaped_still_may_not_make_links_or_attributes(payload):
    """A plain field (a name, a title) is printed with its HTML escaped (so &#106; is text, not a letter),
    but Markdown still reads links and attributes in it."""
    from generator.guide.sanitizer import findings

    assert findings(payload, False), payload


@pytest.mark.parametrize("plain", [
    "If pain is < 5 or > 7, call.<br>Use <strong>care</strong>.",
    "Read [when to get help](page:when-to-get-help#signs) or call [988](tel:988), text [741741](sms:741741), "
    "write to [us](mailto:help@example.org) or see [the source](https://988lifeline.org/ \"The 988 Lifeline\").",
    "## A heading\n\nSome *words*, **bold**, `code`, <abbr title=\"Emergency room\">ER</abbr>, <kbd>Tab</kbd>.\n\n"
    "!!! note \"Before you start\"\n    Breathe.\n\n- one\n- two\n\n1. first\n2. second\n\n> A quote.",
    "<div class=\"guide-box\" markdown>\n*Inside* a box.\n</div>",
    "A paragraph with an id.\n{ #my-anchor .guide-note lang=es }",
    "Tom & Jerry \"quoted\" 'x' &amp; a < b, 5 > 3, ¿Qué tal? 心 👩‍⚕️",
])
def test_markdown_and_harmless_html_pass_the_sanitizer_unchanged(plain):
    from generator.guide.sanitizer import findings

    assert findings(plain, True) == ()


def test_the_sanitizer_renders_with_the_markdown_extensions_of_mkdocs_yml():
    import yaml

    from generator.guide.sanitizer import SITE_MARKDOWN_EXTENSIONS

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml may hold !!python/name: tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [next(iter(ext)) if isinstance(ext, dict) else ext for ext in config["markdown_extensions"]]
    assert names == SITE_MARKDOWN_EXTENSIONS


def _clinic(project, brand_changes: dict) -> None:
    import yaml

    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    path = project / "clinics/example/brand.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dotted, value in brand_changes.items():
        *parents, key = dotted.split(".")
        target = data
        for parent in parents:
            target = target.setdefault(parent, {})
        target[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.mark.parametrize("field, value, found", [
    ("crisis.intro", "Reach out [now](https://988lifeline.org){ href='javascript:steal()' }.",
     "crisis.intro: the address 'javascript:steal()' (in <a href=>)"),
    ("crisis.intro", "Reach out now.\n{ onclick=steal() }", "crisis.intro: the attribute onclick= (on <p>)"),
    ("integration_therapy.description", "Ask [us][r].\n\n[r]: javascript:steal()",
     "integration_therapy.description: in the reference definition [r]: the address 'javascript:steal()' (in <a href=>)"),
    ("name", "Tip Clinic [home][r]\n\n[r]: javascript:steal()", "name: the address 'javascript:steal()' (in <a href=>)"),
    ("footer", "Our clinic\n{ onmouseover=steal() }", "footer: the attribute onmouseover= (on <p>)"),
])
def test_markdown_in_brand_fields_is_sanitized_where_the_clinic_wrote_it(project, field, value, found):
    _clinic(project, {field: value})
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml:" in result.stderr and f"{found} {SANITIZER}" in result.stderr, result.stderr


def test_a_clinic_page_is_sanitized_in_the_clinic_file(project):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    page = project / "clinics/example/content/pages/about.yml"
    page.parent.mkdir(parents=True, exist_ok=True)
    text = (project / PAGE).read_text(encoding="utf-8")
    marker = "\nblocks:\n"
    page.write_text(text.replace(marker, marker + "  - type: text\n    body: |\n      [Call](javascript&colon;steal())\n", 1),
                    encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 5
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert (f"clinics/example/content/pages/about.yml:{line}:1: blocks[0].body: the address 'javascript:steal()' "
            f"(in <a href=>) {SANITIZER}") in result.stderr, result.stderr


# --- characters that change what a text shows (issue 19) -------------------------------------------------


@pytest.mark.parametrize("char, name", [
    ("\u202e", "U+202E (right-to-left override) is a bidirectional control"),
    ("\u202b", "U+202B (right-to-left embedding) is a bidirectional control"),
    ("\u2067", "U+2067 (right-to-left isolate) is a bidirectional control"),
    ("\u200f", "U+200F (right-to-left mark) is a bidirectional control"),
    ("\u061c", "U+061C (arabic letter mark) is a bidirectional control"),
    ("\u200b", "U+200B (zero width space) is an invisible zero-width character"),
    ("\u2060", "U+2060 (word joiner) is an invisible zero-width character"),
    ("\ufeff", "U+FEFF (zero width no-break space) is an invisible zero-width character"),
    ("\u200d", "U+200D (zero width joiner) is an invisible zero-width character"),
])
def test_a_bidi_control_or_zero_width_character_is_refused_at_its_line_and_column(project, char, name):
    first = _with_text_block(project, f"Hello.\n\nIf you feel unsafe, call {char}889 now.")
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    column = len("      If you feel unsafe, call ") + 1  # the body is indented by six spaces in the file
    assert f"{PAGE}:{first + 2}:{column}: blocks[0].body: {name}" in result.stderr, result.stderr


def test_a_bidi_control_written_as_an_escape_is_refused_at_its_text(project):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle:", '\ntitle: "Call \\u202e889\\u202c now"\nx-title:', 1), encoding="utf-8")
    line = text[: text.index("\ntitle:")].count("\n") + 2
    result = cli("--root", str(project), "check")
    assert f"{PAGE}:{line}:1: title: U+202E (right-to-left override) is a bidirectional control" in result.stderr, result.stderr


def test_a_zero_width_character_in_a_brand_value_is_refused_in_brand_yml(project):
    _clinic(project, {"crisis.lines": [{"id": "line", "name": "Samaritans", "number": "116\u200b123", "hours": "24/7"}]})
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "clinics/example/brand.yml:" in result.stderr
    assert "crisis.lines[0].number: U+200B (zero width space) is an invisible zero-width character" in result.stderr, result.stderr


@pytest.mark.parametrize("words", [
    "A health worker 👩\u200d⚕\ufe0f can help, and so can a family 👨\u200d👩\u200d👧.",  # emoji joined into one
    "In Persian: می\u200cخواهم; in Hindi: क्\u200dष.",  # joiners that choose a letter's shape
])
def test_joiners_doing_their_job_in_emoji_and_joining_scripts_pass(project, words):
    _with_text_block(project, words)
    result = cli("--root", str(project), "check")
    assert result.returncode == 0, result.stderr


# --- the scaffold's --name (issue 19) ----------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    'Nice Clinic\nsite_url: "https://evil.example/"\n#',
    "Nice Clinic\rcountry: GB",
    "Nice Clinic\x85site_url: \"https://evil.example/\"",  # YAML reads NEL as a line break
    "Nice Clinic\u2028site_url: \"https://evil.example/\"",
    "Nice\tClinic",
    "Nice Clinic \u202e889",
    "   ",
])
def test_the_scaffold_refuses_a_name_that_is_not_one_line_of_visible_text(tmp_path, name):
    result = cli("new-clinic", str(tmp_path / "clinic"), "--name", name)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: --name ") and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "clinic").exists()


def test_check_sees_exactly_the_one_name_the_scaffold_was_given(project):
    import yaml

    name = 'Nice Clinic" site_url: "https://evil.example/" # \\n: {a: b} &x *x !!python/name:os.system 心'
    created = cli("new-clinic", "clinics/nice", "--name", name, cwd=project)
    assert created.returncode == 0, created.stderr
    brand = yaml.safe_load((project / "clinics/nice/brand.yml").read_text(encoding="utf-8"))
    assert brand["name"] == name and brand["short_name"] == name and "site_url" not in brand
    names = [line for line in (project / "clinics/nice/brand.yml").read_text(encoding="utf-8").splitlines()
             if line.startswith("name:")]
    assert len(names) == 1
    result = cli("--clinic", "clinics/nice", "check", cwd=project)
    assert result.returncode == 0, result.stderr
    from generator.guide.assemble import load_guide

    guide = load_guide(project / "content", project / "clinics/nice")
    assert guide.site.name == name and guide.brand.site_url is None


# --- required content stays required (issue 19) ----------------------------------------------------------


def test_a_clinic_crisis_page_without_the_crisis_lines_is_refused(project):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    page = project / "clinics/example/content/pages/crisis.yml"
    page.parent.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "content/pages/crisis.yml").read_text(encoding="utf-8")
    assert "  - type: crisis_lines\n" in text
    page.write_text(text.replace("  - type: crisis_lines\n", ""), encoding="utf-8")
    line = next(n for n, row in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if row.startswith("blocks:"))
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"clinics/example/content/pages/crisis.yml:{line}:1: blocks: the crisis page must list the crisis lines" in result.stderr, result.stderr


# --- bounds before the expensive steps (issue 19) -----------------------------------------------------------


def test_a_text_longer_than_any_page_needs_is_refused_at_its_line(project):
    first = _with_text_block(project, "calm " * 12_000)
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PAGE}:{first - 1}:11: blocks[0].body: the text has 60,001 characters, more than a text of the guide may have (50,000)" in result.stderr, result.stderr


def _long_page(project, page_id: str, blocks: int) -> None:
    paragraph = ("A calm sentence about breathing slowly, resting and drinking water. " * 600).strip()  # about 41 KB
    body = "".join(f"  - type: text\n    body: |\n      {paragraph}\n" for _ in range(blocks))
    (project / f"content/pages/{page_id}.yml").write_text(
        f"id: {page_id}\ntitle: A long page\norder: 99\ndescription: Long.\nlast_reviewed: 2026-01-01\n"
        f"next_review_due: 2027-01-01\nblocks:\n{body}", encoding="utf-8")


def test_a_page_larger_than_the_bound_is_refused_at_check(project):
    _long_page(project, "long", 8)
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/pages/long.yml:1:1: the page is " in result.stderr and "more than a page may be (300,000)" in result.stderr


def test_a_handout_and_a_guide_larger_than_their_bounds_are_refused_at_check(project):
    for number in range(7):
        _long_page(project, f"long-{number}", 6)  # each page under its bound, all of them over the handout's
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the page is" not in result.stderr
    assert "content/pages/long-0.yml:1:1: the printed handout, which holds every page, is" in result.stderr, result.stderr
    assert "more than it may be (1,000,000)" in result.stderr
    assert "the guide's pages are" in result.stderr and "more than a guide may be (2,000,000)" in result.stderr


def test_a_bad_page_id_says_which_characters_an_id_may_hold(project):
    path = project / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nid: about\n", "\nid: About Us\n", 1), encoding="utf-8")
    line = text[: text.index("\nid: about\n")].count("\n") + 2
    result = cli("--root", str(project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{PAGE}:{line}:1: id: expected an id: lower-case letters a-z, digits and single hyphens, such as 'my-page' "
            "(also the page's address") in result.stderr, result.stderr
    assert "(got 'About Us')" in result.stderr


def test_a_clinic_interface_text_that_would_make_a_link_is_refused_in_its_file(project):
    shutil.copytree(ROOT / "clinics" / "example", project / "clinics" / "example")
    (project / "clinics/example/content/interface.yml").write_text(
        'crisis:\n  more_ways: "More ways [to get help][r]\\n\\n[r]: javascript:steal()"\n', encoding="utf-8")
    result = cli("--clinic", "clinics/example", "check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("clinics/example/content/interface.yml:2:3: crisis.more_ways: the address 'javascript:steal()' (in <a href=>) "
            f"{SANITIZER}") in result.stderr, result.stderr
    assert "(built in code)" not in result.stderr
