"""Exit codes, as the README gives them: 0 all stored, 1 some inputs failed (the others
stored), 2 usage error."""

from __future__ import annotations

from click.testing import CliRunner

from eventledger.cli import cli
from eventledger.store import Store

ARTICLE = ("date 2025-03-04 Protesters marched through Avonford on Tuesday, the city's "
           "police said. Officers said 3 people were injured.\n")


def test_exit_0_when_every_input_is_stored(tmp_path):
    article = tmp_path / "avonford.txt"
    article.write_text(ARTICLE)
    db = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["process", str(article), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert store.counts()["documents"] == 1


def test_exit_1_when_some_inputs_failed(tmp_path):
    article = tmp_path / "avonford.txt"
    article.write_text(ARTICLE)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["process", str(binary), str(article),
                                      "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert f"failed: {binary}: not a text file (binary content)" in result.output
    with Store.open(db) as store:
        assert store.counts()["documents"] == 1


def test_exit_1_when_every_input_failed_without_loading_a_model(tmp_path):
    db = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["process", str(tmp_path / "missing.txt"),
                                      "--db", str(db), "--model", "no_such_model", "-q"])
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'missing.txt'}: no such file" in result.output


def test_exit_2_for_a_usage_error(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["process"]).exit_code == 2  # no input named
    assert runner.invoke(cli, ["process", "x.txt", "--no-such-option"]).exit_code == 2
    bad_date = runner.invoke(cli, ["process", "x.txt", "--date", "yesterday"])
    assert bad_date.exit_code == 2
    assert "not a date" in bad_date.output


def test_exit_2_for_a_setting_that_cannot_work(tmp_path, monkeypatch):
    config = tmp_path / "eventledger.toml"
    config.write_text("max_parse_depht = 12\n")
    monkeypatch.setenv("EVENTLEDGER_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["process", "x.txt", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 2
    assert result.output == f"Error: [E300] {config}: unknown setting 'max_parse_depht'\n"


def test_exit_1_for_a_database_that_cannot_be_opened_before_the_model_loads(tmp_path):
    article = tmp_path / "avonford.txt"
    article.write_text(ARTICLE)
    db = tmp_path / "no_such_folder" / "events.db"
    result = CliRunner().invoke(cli, ["process", str(article), "--db", str(db),
                                      "--model", "no_such_model", "-q"])
    assert result.exit_code == 1
    assert result.output == f"Error: [E200] cannot open database {db}: unable to open database file\n"
