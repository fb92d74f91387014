"""Settings come from the environment and fail loudly on bad values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sotong.settings import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


def test_env_bool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("SOTONG_X", "yes")
    assert env_bool("SOTONG_X") is True
    monkeypatch.setenv("SOTONG_X", "0")
    assert env_bool("SOTONG_X", True) is False


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("SOTONG_X", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOTONG_X")


def test_env_int_rejects_words(monkeypatch):
    monkeypatch.setenv("SOTONG_X", "eight")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOTONG_X", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("SOTONG_X", "a.kr, b.kr,,")
    assert env_list("SOTONG_X", []) == ["a.kr", "b.kr"]


def _manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SOTONG_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage(["check"], {"SOTONG_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "SOTONG_VAR_DIR": str(tmp_path),
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40 + "-9f8e7d6c5b4a",
            "ALLOWED_HOSTS": "sotong.example.kr",
            "HTTPS": "true",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
