"""No network access at any point: the CLI and the dashboard run with internet sockets blocked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import ROOT

BLOCKER = textwrap.dedent('''
    import os, socket
    _log = os.environ["NETWORK_ATTEMPTS_LOG"]

    def _refuse(*args, **kwargs):
        with open(_log, "a") as handle:
            handle.write(repr(args)[:200] + "\\n")
        raise OSError("network access is blocked in this test")

    _connect = socket.socket.connect
    def _guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return _refuse(address)
        return _connect(self, address)
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = lambda self, address: _guarded_connect(self, address)
    socket.getaddrinfo = _refuse
    socket.create_connection = _refuse
''')

APP_SESSION = textwrap.dedent('''
    import sys
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(sys.argv[1], default_timeout=120)
    at.run()
    at.sidebar.text_input[0].set_value("Offline BV")
    at.sidebar.button[0].click().run()
    at.file_uploader[0].set_value([("dpa.pdf", open(sys.argv[2], "rb").read(), "application/pdf")]).run()
    next(b for b in at.button if b.label == "Analyseren").click().run()
    assert not at.exception, at.exception
    assert any("dpa.pdf" in s.value for s in at.success)
    print("app ok")
''')


def _offline_env(tmp_path, empty_model_cache: bool = False) -> dict:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
           "NETWORK_ATTEMPTS_LOG": str(tmp_path / "attempts.log"), "ANALYSER_DATA_DIR": str(tmp_path / "data"),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if empty_model_cache:
        env["ANALYSER_CACHE_DIR"] = str(tmp_path / "cache")
    return env


TRAIN_ON_A_SAMPLE = textwrap.dedent('''
    from analyser.classify import train
    from analyser.training import load_documents, load_rows
    classifier = train(load_rows()[::15], load_documents())
    print(sorted(classifier.predict_proba(["We will not use your prompts to train our models."])[0])[-1] > 0)
''')


def test_offline_training(tmp_path):
    # the fitting code needs no network either: the same `train` as at install, on every 15th sentence
    env = _offline_env(tmp_path, empty_model_cache=True)
    result = subprocess.run([sys.executable, "-c", TRAIN_ON_A_SAMPLE], capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode == 0 and "True" in result.stdout, result.stderr[-2000:]
    assert not (tmp_path / "attempts.log").exists()


def test_offline_cli_whole_pipeline(tmp_path, files):
    env = _offline_env(tmp_path)
    html = tmp_path / "terms.html"
    html.write_text("<html><body><h1>Terms</h1><p>1.1 We store data in the EU only.</p>"
                    "<img src='https://example.org/x.png'><link rel=stylesheet href='https://example.org/s.css'>"
                    "</body></html>")
    result = subprocess.run([sys.executable, "-m", "analyser.cli", "analyse", str(files / "mistral-dpa.pdf"),
                             str(files / "chefdata-verwerkersovereenkomst.docx"), str(html)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 3
    assert not (tmp_path / "attempts.log").exists()


def test_offline_blocker_works(tmp_path):
    env = _offline_env(tmp_path)
    result = subprocess.run([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://example.org')"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode != 0 and (tmp_path / "attempts.log").exists()


def test_offline_dashboard_session(tmp_path, files):
    env = _offline_env(tmp_path)
    script = tmp_path / "session.py"
    script.write_text(APP_SESSION)
    result = subprocess.run([sys.executable, str(script), str(ROOT / "app.py"), str(files / "mistral-dpa.pdf")],
                            capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path)
    assert result.returncode == 0 and "app ok" in result.stdout, result.stderr[-2000:]
    assert not (tmp_path / "attempts.log").exists()
