"""Persisting imports: Parquet then state.json, merge replacing keys, add/replace modes, survives a reload."""

from __future__ import annotations

import json

import pytest

import data
from data.dataset import imported_dir
from data.importers import clear_imports, import_files, read_state, save_import
from tests.bad_inputs import GOOD_ROWS, NP_ROWS, np_file, sp_file, sp_row


def test_replace_then_add_merge(data_folder):
    res = import_files([("np.csv", np_file(NP_ROWS))])
    state = save_import(res, "replace")
    assert state["mode"] == "replace" and state["sources"] == ["np.csv"]
    assert json.loads((imported_dir() / "state.json").read_text(encoding="utf-8")) == state
    ds = data.load_dataset()
    assert len(ds) == 4 and set(ds["source"].astype(str)) == {"Udir statistikkbanken"}
    info = data.dataset_info()
    assert not info.is_demo and "statistikkbanken" in info.label

    # a second import with one changed figure replaces that key and adds the rest
    changed = [NP_ROWS[0].replace("\t50\t", "\t51\t")]
    save_import(import_files([("np2.csv", np_file(changed))]), "replace")
    ds = data.load_dataset()
    assert len(ds) == 4 and ds.loc[ds["level"] == "nasjonalt", "value"].tolist() == [51]
    assert read_state()["sources"] == ["np.csv", "np2.csv"]

    save_import(import_files([("sp.csv", sp_file(GOOD_ROWS).encode())]), "add")
    ds = data.load_dataset()
    assert len(ds) > 1_000_000 and (ds["source"] == "Skoleporten").sum() == 3
    assert data.dataset_info().is_demo


def test_bad_import_changes_nothing(data_folder):
    save_import(import_files([("np.csv", np_file(NP_ROWS))]), "replace")
    before = (imported_dir() / "figures.parquet").read_bytes()
    bad = import_files([("bad.csv", sp_file(GOOD_ROWS + [sp_row(value="40")]).encode())])
    assert not bad.ok
    with pytest.raises(ValueError):
        save_import(bad, "add")
    assert (imported_dir() / "figures.parquet").read_bytes() == before
    assert read_state()["mode"] == "replace"


def test_clear_returns_to_demo(data_folder):
    save_import(import_files([("np.csv", np_file(NP_ROWS))]), "replace")
    clear_imports()
    assert data.dataset_info().sources == ("demo",)
    assert not (imported_dir() / "figures.parquet").exists()


def test_context_import_persists(data_folder):
    from tests.test_import_jsonstat import ssb_table

    doc = ssb_table("Folkemengde", "Personer", [100, 110, 200, 210, 5, 6])
    res = import_files([("pop.json", json.dumps(doc).encode())])
    save_import(res, "add")
    ctx = data.load_context().set_index("kommune_id")
    assert ctx.loc["3001", "population"] == 110
    assert read_state()["mode"] == "add"  # context only: figures stay the demo
