"""A real OpenID Connect provider for the tests: panva's oidc-provider (npm) in Node.js.

`OidcProvider` starts `provider.mjs` on a free port with users and tenants from a JSON file,
waits until its discovery document answers and always stops it. The users can be changed
while it runs (`set_user`), as a school's ICT contact switches an account off.
"""

import json
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from tlschool.serving import free_port, stop

HERE = Path(__file__).resolve().parent
CLIENT_ID = "tlschool-tests"
CLIENT_SECRET = "tests-only-client-secret"


def install() -> None:
    """The provider's npm packages, from the lock file, when they are not there yet."""
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True
        )


class OidcProvider:
    def __init__(self, directory: Path, users: dict):
        self.config_path = directory / "oidc-provider.json"
        self.users = dict(users)
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.process = None

    def _write(self):
        config = {
            "clients": [
                {
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "redirect_uris": ["http://127.0.0.1/accounts/oidc/callback/"],
                }
            ],
            "users": self.users,
        }
        self.config_path.write_text(json.dumps(config))

    def set_user(self, login: str, **claims):
        self.users[login] = {**self.users.get(login, {}), **claims}
        self._write()

    def start(self, timeout=60):
        install()
        self._write()
        self.process = subprocess.Popen(
            ["node", str(HERE / "provider.mjs"), str(self.config_path), str(self.port)],
            cwd=HERE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"oidc-provider exited with {self.process.returncode}")
                try:
                    urllib.request.urlopen(
                        f"{self.issuer}/.well-known/openid-configuration", timeout=5
                    )
                    return self
                except OSError:
                    time.sleep(0.2)
            raise RuntimeError(f"oidc-provider did not answer within {timeout} s")
        except BaseException:
            self.stop()
            raise

    def stop(self):
        if self.process is not None:
            stop(self.process)


class _Form(HTMLParser):
    """The first form of a page: its action and its fields."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self._done = None, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if tag == "form" and self.action is None:
            self.action = attrs.get("action")
        elif tag == "input" and self.action is not None and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.action is not None:
            self._done = True


def sign_in_at_provider(authorize_url: str, login: str, *, stop_at: str) -> str:
    """Do what a person does at the provider's pages (type the login, agree), following every
    redirect until one leaves for `stop_at`; return that URL (the callback, with its code)."""
    import requests

    browser = requests.Session()
    url, method, data = authorize_url, "GET", None
    for _step in range(12):
        response = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(stop_at):
                return url
            method, data = "GET", None
            continue
        form = _Form()
        form.feed(response.text)
        if form.action is None:
            raise AssertionError(f"the provider answered without a form: {response.text[:300]}")
        data = {**form.fields, "login": login, "password": "any"}
        url, method = urljoin(url, form.action), "POST"
    raise AssertionError("the provider never sent the person back")
