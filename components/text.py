"""Text from data made inert for Markdown rendering: escaped characters and http(s)-only links."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

# Every character that Markdown (CommonMark + GFM, as Streamlit renders it) could treat as syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=\"'])")


def md_escape(text: object) -> str:
    """Backslash-escape Markdown and HTML syntax so the text renders literally; newlines become spaces.

    Bare addresses stay text too (see `_no_autolink`): links come only from a source's URL, through `md_link`.
    """
    s = "" if text is None else str(text)
    s = re.sub(r"\s+", " ", s).strip()
    return _no_autolink(_MD_SPECIAL.sub(r"\\\1", s))


def _no_autolink(escaped: str) -> str:
    """An invisible word joiner inside `://` and after `www` or `@` stops GFM making a bare address a link.

    Backslash escapes do not: the autolink extension sees through them (and would make `a@b.org` a mailto link).
    """
    out = escaped.replace("\\://", "\\:\u2060//").replace("://", ":\u2060//")
    return out.replace("www\\.", "www\u2060\\.").replace("www.", "www\u2060.").replace("@", "@\u2060")


def safe_url(url: object) -> str | None:
    """The URL, percent-encoded for a Markdown link target, if it is http(s) with a host; else None."""
    s = "" if url is None else str(url).strip()
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(s, safe=":/?#@!$&'*+,;=%~-._")


def md_link(label: object, url: object) -> str:
    """A Markdown link when the URL is http(s), else the escaped label alone."""
    target = safe_url(url)
    text = md_escape(label) or md_escape(url)
    return f"[{text}]({target})" if target else text


# Inline Markdown syntax that could make links, images, HTML, emphasis or math out of text from a link or a file.
_MD_INLINE = re.compile(r"([\\`*_\[\]()<>!#|~$])")


def md_inline(text: object) -> str:
    """Escape only the Markdown that could turn text into links, images, HTML or maths (for short captions)."""
    escaped = _MD_INLINE.sub(r"\\\1", re.sub(r"\s+", " ", "" if text is None else str(text)).strip())
    return _no_autolink(escaped)


def plotly_text(values):
    """Text for Plotly labels and hovers with `<`, `>` and `&` as entities, so data cannot add markup or links."""
    if isinstance(values, str):
        return html.escape(values, quote=False)
    return [html.escape(str(v), quote=False) for v in values]
