"""Kakao and Naver log-in appear only when their keys are set in the environment."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent


def test_without_keys_no_provider_is_installed(client, db):
    text = client.get("/accounts/login/").content.decode()
    assert "카카오" not in text and "네이버" not in text
    assert client.post("/accounts/kakao/login/").status_code == 404


def test_with_keys_kakao_and_naver_buttons_work(tmp_path):
    env = {
        **os.environ,
        "SOTONG_TESTING": "1",
        "SOTONG_VAR_DIR": str(tmp_path),
        "SOTONG_TEST_DB": "sqlite",
        "KAKAO_CLIENT_ID": "kakao-test-id",
        "KAKAO_SECRET": "kakao-test-secret",
        "NAVER_CLIENT_ID": "naver-test-id",
        "NAVER_SECRET": "naver-test-secret",
    }
    env.pop("DATABASE_URL", None)  # its own throw-away SQLite file, whatever the outer run uses
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            str(HERE / "provider_keys_check.py"),
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "3 passed" in result.stdout
