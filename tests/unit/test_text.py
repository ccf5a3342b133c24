"""Text from data is inert: Markdown and HTML escaped, only http(s) links become links."""

import pytest

from components.text import md_escape, md_inline, md_link, plotly_text, safe_url


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "![x](https://example.org/track.png)",
        "**bold** _it_ `code` # heading",
        "<a href='data:text/html,x'>x</a>",
    ],
)
def test_md_escape_leaves_no_live_syntax(hostile):
    out = md_escape(hostile)
    for ch in "<>[]()!*_`#":
        assert ch not in out.replace("\\" + ch, "")


@pytest.mark.parametrize("escape", [md_escape, md_inline])
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("see https://example.org/report", "example"),
        ("HTTP://EXAMPLE.ORG", "EXAMPLE"),
        ("www.example.org/page", "example"),
        ("write to press@example.org", "press"),
        ("ftp://example.org and mailto:x@example.org", "ftp"),
    ],
)
def test_bare_addresses_stay_text(escape, text, kept):
    # GFM autolinks `https://…`, `www.…` and `a@b.org` even through backslash escapes; a word joiner stops it.
    out = escape(text)
    assert "://" not in out and "www." not in out and "www\\." not in out and "@" not in out.replace("@\u2060", "")
    assert kept in out and out.replace("\u2060", "").replace("\\", "") == text


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("ftp://example.org", False),
        ("//example.org", False),
        ("", False),
    ],
)
def test_only_http_links(url, ok):
    assert (safe_url(url) is not None) == ok
    assert md_link("x", url).startswith("[x](") == ok


def test_link_target_cannot_break_out_of_markdown():
    assert (
        md_link("t", "https://example.org/a) [b](javascript:x")
        == "[t](https://example.org/a%29%20%5Bb%5D%28javascript:x)"
    )


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("![x](https://example.org/t.png)", "](https"),
        ("[log in](https://example.org/login)", "://"),
        ("www.example.org", "www."),
        ("<b>x</b> $x^2$ `c`", "<b>"),
    ],
)
def test_md_inline_defuses_links_images_html_and_maths(text, absent):
    assert absent not in md_inline(text)


def test_md_inline_keeps_plain_captions_readable():
    assert md_inline("treaty events: 13 of 116 from 1 June 2024") == "treaty events: 13 of 116 from 1 June 2024"


def test_plotly_text_escapes_markup():
    assert plotly_text("<a href='x'>y</a> & z") == "&lt;a href='x'&gt;y&lt;/a&gt; &amp; z"
    assert plotly_text(["<b>", "ok"]) == ["&lt;b&gt;", "ok"]
