"""dataset.toml read with tomllib and checked key by key (file, line, key, what was expected), and written back."""

from __future__ import annotations

import json
import re
import tomllib

from components import palette
from components.config import SHIPPED_DATA
from components.description import DATASET_FILE, VOCABULARIES, Description, Term
from components.problems import Problem
from components.schema import OPTIONAL_COLUMNS

TEXT_KEYS = ("title", "subtitle", "citation", "coverage", "milestone_category")
TOP_KEYS = (*TEXT_KEYS, "optional_columns", "since", *(v.name for v in VOCABULARIES))
SINCE_KEYS = ("era", "label")
TERM_KEYS = {
    "categories": ("id", "label", "color"),
    "directions": ("id", "label", "short", "above"),
    "sectors": ("id", "label"),
    "levels": ("id", "label"),
}
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _line_of(text: str, section: str, index: int, key: str) -> int | None:
    """The line of `key` in the `index`-th `[[section]]` or `[section]` ("" for the top), else the section's line."""
    current, count, found = "", {}, None
    for n, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?", line)
        if header:
            current = header[1]
            count[current] = count.get(current, -1) + 1
            found = n if current == section and count[current] == index else found
            continue
        here = current == section and (not section or count[current] == index)
        if here and key and re.match(rf'^\s*"?{re.escape(key)}"?\s*=', line):
            return n
    return found


class _Checker:
    """Collects the problems of one parsed file, each located at its key."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[Problem] = []

    def bad(self, section: str, index: int, key: str, value: object, expected: str) -> None:
        where = f"{section}[{index + 1}].{key}" if section and index >= 0 else f"{section}.{key}" if section else key
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        line = _line_of(self.text, section, max(index, 0), key)
        self.problems.append(Problem(DATASET_FILE, line, where.rstrip("."), shown, expected))

    def unknown(self, section: str, index: int, table: dict, allowed: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                self.bad(section, index, key, "", "a known key: " + ", ".join(allowed))

    def text_value(self, section: str, index: int, table: dict, key: str) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.bad(section, index, key, value, "text in quotes")
            return ""
        return value.strip()


def _terms(check: _Checker, name: str, items: object) -> tuple[Term, ...]:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        check.bad("", -1, name, items, f'an array of tables: [[{name}]] with id = "…"')
        return ()
    terms, seen = [], set()
    for index, item in enumerate(items):
        check.unknown(name, index, item, TERM_KEYS[name])
        term_id = check.text_value(name, index, item, "id")
        if not term_id:
            check.bad(name, index, "id", "", "an id (the value the data's cells hold)")
            continue
        if term_id in seen:
            check.bad(name, index, "id", term_id, "each id once (this one is declared twice)")
            continue
        seen.add(term_id)
        color = check.text_value(name, index, item, "color")
        if color and not palette.is_color(color):
            check.bad(name, index, "color", color, "a colour like #1f77b4 or #17b")
            color = ""
        short = check.text_value(name, index, item, "short")
        terms.append(Term(term_id, check.text_value(name, index, item, "label"), color, short))
        if "above" in item and not isinstance(item["above"], bool):
            check.bad(name, index, "above", item["above"], "true or false")
    return tuple(terms)


def _directions(check: _Checker, items: list, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """Exactly two directions, the one with `above = true` first."""
    if len(items) != 2:
        check.bad("", -1, "directions", f"{len(items)} directions", "exactly two [[directions]]")
        return terms
    above = [i for i, item in enumerate(items) if isinstance(item, dict) and item.get("above") is True]
    if len(above) > 1:
        check.bad("directions", above[1], "above", True, "above = true on one direction only")
    return terms[::-1] if above == [1] and len(terms) == 2 else terms


def parse_dataset_file(raw: bytes) -> tuple[Description | None, list[Problem]]:
    """The description a dataset.toml gives, or every problem in it (unknown keys, bad colours, repeated ids…)."""
    try:
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(DATASET_FILE, line, "", repr(raw[exc.start : exc.start + 8]), "UTF-8 text")]
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        message = _AT.sub("", str(exc)).strip()
        line = int(found[1]) if found else None
        return None, [Problem(DATASET_FILE, line, "", message, "TOML (see docs/data.md, “dataset.toml”)")]
    check = _Checker(text)
    check.unknown("", -1, data, TOP_KEYS)
    values = {key: check.text_value("", -1, data, key) for key in TEXT_KEYS}
    vocabularies = {v.name: _terms(check, v.name, data[v.name]) for v in VOCABULARIES if v.name in data}
    if "directions" in vocabularies and isinstance(data["directions"], list):
        vocabularies["directions"] = _directions(check, data["directions"], vocabularies["directions"])
    categories = [t.id for t in vocabularies.get("categories", ())]
    milestone = values.pop("milestone_category")
    if milestone and "categories" in vocabularies and milestone not in categories:
        check.bad("", -1, "milestone_category", milestone, "one of the [[categories]] ids: " + ", ".join(categories))
    optional = data.get("optional_columns", [])
    if not isinstance(optional, list) or not all(isinstance(c, str) for c in optional):
        check.bad("", -1, "optional_columns", optional, "a list of column names in quotes")
        optional = []
    for column in optional:
        if column not in OPTIONAL_COLUMNS:
            check.bad("", -1, "optional_columns", column, "optional columns among: " + ", ".join(OPTIONAL_COLUMNS))
    since = data.get("since", {})
    if not isinstance(since, dict):
        check.bad("", -1, "since", since, 'a table: [since] with era = "…" and label = "…"')
        since = {}
    check.unknown("since", -1, since, SINCE_KEYS)
    since_era, since_label = (check.text_value("since", -1, since, k) for k in SINCE_KEYS)
    if check.problems:
        return None, check.problems
    described = Description(
        **values, **vocabularies, milestone_category=milestone, since_era=since_era, since_label=since_label,
        optional_columns=tuple(optional), declared=tuple(vocabularies),
    )  # fmt: skip
    return described, []


def _quoted(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; Unicode kept as written)."""
    return json.dumps(text, ensure_ascii=False)


def write_dataset_file(description: Description) -> str:
    """dataset.toml for a description: its texts and every vocabulary it has (an empty one is left out)."""
    lines = [f"{key} = {_quoted(getattr(description, key))}" for key in TEXT_KEYS if getattr(description, key)]
    if description.optional_columns:
        lines.append("optional_columns = [" + ", ".join(map(_quoted, description.optional_columns)) + "]")
    if description.since_era:
        lines += ["", "[since]", f"era = {_quoted(description.since_era)}"]
        lines += [f"label = {_quoted(description.since_label)}"] if description.since_label else []
    for vocabulary in VOCABULARIES:
        for n, term in enumerate(description.terms(vocabulary.name)):
            lines += ["", f"[[{vocabulary.name}]]", f"id = {_quoted(term.id)}"]
            lines += [
                f"{key} = {_quoted(getattr(term, key))}" for key in ("label", "color", "short") if getattr(term, key)
            ]
            lines += ["above = true"] if vocabulary.name == "directions" and n == 0 else []
    return "\n".join(lines).lstrip("\n") + "\n"


def shipped_description() -> Description:
    """The shipped data's description (synthetic data takes its vocabularies)."""
    described, problems = parse_dataset_file((SHIPPED_DATA / DATASET_FILE).read_bytes())
    if described is None:
        raise ValueError(f"{SHIPPED_DATA / DATASET_FILE}: " + "; ".join(map(str, problems)))
    return described
