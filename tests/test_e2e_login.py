"""Login end to end: a real OIDC provider on 127.0.0.1 (tests/oidc_provider.py), the real server configured
with ``[auth]`` in secrets.toml, and the login flow driven in headless Chromium. An anonymous visitor sees only
the login; the signed-in skoleeier of kommune 7290 sees that kommune only."""

from __future__ import annotations

import re
import socket

import pytest
from playwright.sync_api import Page, expect

from data.access import Principal
from data.findings import Author, FindingIn, FindingsStore
from data.findings.ratings import RatingStore
from data.findings.access_store import set_role
from tests.conftest import running_server
from tests.oidc_provider import OIDCProvider

pytestmark = pytest.mark.e2e
TIMEOUT = 60_000
expect.set_options(timeout=TIMEOUT)
WORKSHOP: dict[str, str] = {}  # the rating session the fixture opens (code, challenge id, database URL)


@pytest.fixture(scope="module")
def login_world(tmp_path_factory):
    provider = OIDCProvider({"kari": {"name": "Kari Nordmann", "email": "kari@example.no"},
                             "ukjent": {"name": "Ulla Ukjent", "email": "ulla@example.no"}}).start()
    root = tmp_path_factory.mktemp("login")
    data_dir = root / "data"
    data_dir.mkdir()
    store = FindingsStore(f"sqlite:///{data_dir / 'funn.sqlite'}")
    set_role(store, Principal("init", "Oppsett", "administrator"),
             Principal("kari", "Kari Nordmann", "skoleeier", kommuner=("7290",)))
    challenge = store.create(FindingIn("7290", "Svak lesing på mellomtrinnet", "utfordring"),
                             Author("Vera", "veileder"))
    WORKSHOP.update(code=RatingStore(store).create_session("7290", "Samling", anonymous=True,
                                                           author=Author("Vera", "veileder")).code,
                    challenge=challenge.id, url=str(store.url))
    store.dispose()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (root / ".streamlit").mkdir()
    (root / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "en-lang-tilfeldig-hemmelighet-for-tester-0123456789"\n'
        f'client_id = "{provider.client_id}"\n'
        f'client_secret = "{provider.client_secret}"\n'
        f'server_metadata_url = "{provider.issuer}/.well-known/openid-configuration"\n', encoding="utf-8")
    with running_server(data_dir, cwd=root, port=port) as url:
        yield url, provider
    provider.stop()


def test_anonymous_sees_only_login_then_skoleeier_sees_own_kommune(page: Page, login_world, output_dir):
    url, provider = login_world
    page.set_default_timeout(TIMEOUT)
    page.goto(url + "/?kommune=7190")
    expect(page.get_by_role("button", name="Logg inn")).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)  # no picker, no data before login
    expect(page.get_by_text("Kvitholm")).to_have_count(0)
    page.screenshot(path=str(output_dir / "e2e-login-anonymous.png"), full_page=True)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", name="Test-innlogging")).to_be_visible()
    page.get_by_role("button", name="Logg inn som Kari Nordmann").click()
    expect(page.get_by_text("Innlogget: Kari Nordmann (skoleeier)")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Oversikt: Brekkestad"))).to_be_visible()
    assert provider.logins == ["kari"]
    page.screenshot(path=str(output_dir / "e2e-login-skoleeier.png"), full_page=True)
    page.goto(url + "/funn?kommune=7190")
    expect(page.get_by_text("Innlogget: Kari Nordmann")).to_be_visible()
    expect(page).to_have_url(re.compile(r"kommune=7290"))


def test_signed_in_without_a_role_gets_no_access(page: Page, login_world):
    url, _ = login_world
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("button", name="Logg inn som Ulla Ukjent").click()
    expect(page.get_by_text("har ingen tilgang ennå")).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)


def _rate_once(page: Page, role: str) -> None:
    expect(page.get_by_role("heading", name="Vurder utfordringene")).to_be_visible()
    expect(page.get_by_text("Svak lesing på mellomtrinnet")).to_be_visible()
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)
    page.get_by_test_id("stMain").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name=role, exact=True).click()
    page.get_by_role("radiogroup", name=re.compile("Hvor viktig")).first.get_by_text("4", exact=True).click()
    page.get_by_role("radiogroup", name=re.compile("Hvor sikker")).first.get_by_text("3", exact=True).click()
    page.get_by_role("button", name="Lagre vurderingene").click()
    expect(page.get_by_text("Takk! 1 vurdering er lagret", exact=False)).to_be_visible()


def test_workshop_link_works_without_a_login_and_without_a_role(browser, login_world, output_dir):
    url, _ = login_world
    code = WORKSHOP["code"]
    anon = browser.new_context().new_page()  # a participant's phone: never signed in
    anon.set_default_timeout(TIMEOUT)
    anon.goto(f"{url}/vurdering?okt={code}")
    _rate_once(anon, "Lærer/tillitsvalgt")
    expect(anon.get_by_role("button", name="Logg inn")).to_have_count(0)
    expect(anon.get_by_test_id("stSidebar")).to_have_count(0)  # nothing but the rating page
    anon.screenshot(path=str(output_dir / "e2e-login-participant.png"), full_page=True)
    anon.goto(f"{url}/funn?kommune=7290&okt={code}")  # the code opens the rating page, not the rest of the app
    expect(anon.get_by_role("heading", name="Vurder utfordringene")).to_be_visible()
    ulla = browser.new_context().new_page()  # signed in with no role: may still take part
    ulla.set_default_timeout(TIMEOUT)
    ulla.goto(url)
    ulla.get_by_role("button", name="Logg inn").click()
    ulla.get_by_role("button", name="Logg inn som Ulla Ukjent").click()
    expect(ulla.get_by_text("har ingen tilgang ennå")).to_be_visible()
    ulla.goto(f"{url}/vurdering?okt={code}")
    _rate_once(ulla, "PPT/barnehage")
    store = FindingsStore(WORKSHOP["url"])
    df = RatingStore(store).ratings(code)
    store.dispose()
    assert sorted(df["role"]) == ["laerer", "ppt"] and df["participant"].nunique() == 2
