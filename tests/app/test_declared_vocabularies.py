"""The Delegations page draws whatever two directions, sectors and levels a dataset.toml declares, by their labels."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import MINI

DATASET = """title = "Ports and ships"

[[directions]]
id = "south"
label = "Outbound"
short = "out"

[[directions]]
id = "north"
label = "Inbound"
short = "in"
above = true

[[sectors]]
id = "Sports"
label = "Rowing"

[[sectors]]
id = "Defense"
label = "Harbour guard"

[[levels]]
id = "ministerial"
label = "Harbour master"

[[levels]]
id = "working"
label = "Deckhand"
"""


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "ports"
    shutil.copytree(MINI, out)
    rows = (out / "delegations.csv").read_text()
    (out / "delegations.csv").write_text(rows.replace("dprk_to_russia", "south").replace("russia_to_dprk", "north"))
    (out / "dataset.toml").write_text(DATASET)
    return out


def test_the_page_uses_the_declared_directions_and_labels(make_app, folder):
    at = make_app(folder, page="app_pages/delegations.py")
    assert not at.exception
    assert at.button_group(key="direction").options == ["Inbound", "Outbound"]  # the one `above` first
    assert at.multiselect(key="sector").options == ["Rowing", "Harbour guard"]
    assert at.multiselect(key="level").options == ["Harbour master", "Deckhand"]
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["yaxis"]["ticktext"] == ["in ▲", "out ▼"]
    assert "Inbound: 1 · Outbound: 1" in " ".join(c.value for c in at.caption)


def test_the_article_toggle_and_preset_are_hidden_when_the_column_is_not_in_use(make_app, folder):
    at = make_app(folder, page="app_pages/delegations.py")
    assert not [t for t in at.toggle if t.key == "listed"]
    assert not [b for b in at.button if b.key == "preset_article"]


def test_a_link_with_declared_ids_selects_them(make_app, folder):
    at = make_app(folder, page="app_pages/delegations.py", params={"direction": "north", "level": "working"})
    assert not [w for w in at.warning if "Ignored" in w.value]
    assert at.multiselect(key="level").value == ["working"]
    assert any("Delegations (Inbound) at level Deckhand: 1 of 2" in c.value.replace("\\", "") for c in at.caption)
