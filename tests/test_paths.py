"""Per-user folders follow XDG on Linux and can be redirected."""

from ita_desktop.paths import user_config_dir, user_data_dir


def test_folders_follow_xdg_and_override(monkeypatch, tmp_path):
    monkeypatch.delenv("ITA_DESKTOP_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert user_data_dir() == tmp_path / "data" / "ita-desktop"
    assert user_config_dir() == tmp_path / "config" / "ita-desktop"
    monkeypatch.setenv("ITA_DESKTOP_DATA", str(tmp_path / "portable"))
    assert user_data_dir() == tmp_path / "portable"
