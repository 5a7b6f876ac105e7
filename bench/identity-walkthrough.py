#!/usr/bin/env python3
"""Walks the signed-application journey of issue 5 against a running start-dev server, as a resident and staff would.

  bin/madoguchi start-dev --data-dir /tmp/walk --port 8080 &
  python3 bench/identity-walkthrough.py http://localhost:8080

1. the demo resident signs in and issues a virtual My Number Card (development page), downloads the card file,
   signs out and signs in again with the card alone (challenge–response, `bin/madoguchi virtual-card auth`);
2. starts a 転出届, fills every page (prefilled answers kept), reaches the check page;
3. downloads the content to sign, signs it with `bin/madoguchi virtual-card sign`, uploads the signature;
4. an examiner opens the application: "署名は有効、署名者 = 宛名番号 …";
5. the signing certificate is revoked; a new signature on another draft is refused with the reason.
Only the Python standard library and `requests`.
"""
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import time

import requests

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIGN_PIN, AUTH_PIN = "SIGN2026", "1234"


class Form(html.parser.HTMLParser):
    """The fields of the main form of a page: inputs (text, radio, checkbox), selects and textareas."""

    def __init__(self):
        super().__init__()
        self.fields, self.radios, self.checked, self.select, self.textarea = {}, {}, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind == "radio":
                self.radios.setdefault(name, []).append(a.get("value"))
                if "checked" in a:
                    self.checked[name] = a.get("value")
            elif kind == "checkbox":
                if "checked" in a:
                    self.fields.setdefault(name, [])
                    self.fields[name].append(a.get("value"))
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = a.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and ("selected" in a):
            self.fields[self.select] = a.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def form_of(page):
    f = Form()
    f.feed(page)
    data = dict(f.fields)
    for name, values in f.radios.items():
        data[name] = f.checked.get(name, values[0])
    return data


def absolute(location):
    return BASE + location if location.startswith("/") else location


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


# what this journey types where the form has nothing yet (everything else stays as prefilled)
ANSWERS = {
    "f.phone": "043-123-4567", "f.notifierRole": "mover", "f.scope": "whole", "f.cards": "all",
    "f.moveDate.era": "R", "f.moveDate.year": "8", "f.moveDate.month": "12", "f.moveDate.day": "1",
    "f.visitDate.era": "R", "f.visitDate.year": "8", "f.visitDate.month": "12", "f.visitDate.day": "10",
    "f.newAddress.postalCode": "1000001", "f.newAddress.address": "東京都千代田区千代田1番1号",
    "f.newMunicipality": "東京都千代田区", "f.newHeadName": "本人",
    "f.copies": "1", "f.purpose": "license", "f.deliveryMethod": "counter",
}


def fill(s, url):
    """Posts every page of a draft until the check page; returns the check page's URL and HTML."""
    while "/check" not in url:
        page = s.get(url).text
        data = form_of(page)
        for k, v in ANSWERS.items():
            if k in data and (data[k] in ("", None) or k in ("f.scope", "f.cards", "f.notifierRole", "f.deliveryMethod")):
                data[k] = v
        r = s.post(url, data=data, allow_redirects=False)
        if r.status_code != 302:
            errors = re.findall(r'class="dads-error-text"[^>]*>([^<]+)<', r.text)
            raise SystemExit(f"page {url} refused: {errors}")
        url = absolute(r.headers["Location"])
    return url, s.get(url).text


def sign(s, draft, card, work):
    content = os.path.join(work, f"submission-{draft}.json")
    with open(content, "wb") as f:
        f.write(s.get(f"{BASE}/portal/drafts/{draft}/signing-content").content)
    signature = os.path.join(work, f"signature-{draft}.der")
    subprocess.run([os.path.join(HERE, "bin/madoguchi"), "virtual-card", "sign", "--card", card, "--pin", SIGN_PIN,
                    "--in", content, "--out", signature], check=True, capture_output=True)
    return signature


def submit_signed(s, check_url, check_page, draft, signature):
    with open(signature, "rb") as f:
        return s.post(f"{BASE}/portal/drafts/{draft}/submit-signed", data={"_csrf": csrf(check_page)},
                      files={"signature": ("signature.der", f, "application/pkcs7-signature")}, allow_redirects=False)


def main():
    work = tempfile.mkdtemp(prefix="walk-")
    s = requests.Session()
    login = s.get(f"{BASE}/portal/login").text
    s.post(f"{BASE}/portal/login", data={"_csrf": csrf(login), "username": "demo@example.jp",
                                          "password": "jumin-demo-2026"})
    page = s.get(f"{BASE}/portal/dev/virtual-card").text
    r = s.post(f"{BASE}/portal/dev/virtual-card", data={"_csrf": csrf(page), "signingPin": SIGN_PIN, "authPin": AUTH_PIN})
    page = r.text
    atena = re.search(r"<dd>(\d{10})</dd>", page).group(1)
    card = os.path.join(work, "card.json")
    with open(card, "wb") as f:
        f.write(s.get(f"{BASE}/portal/dev/virtual-card/file").content)
    print(f"1. virtual card issued for 宛名番号 {atena}: {card}")

    portal = s.get(f"{BASE}/portal").text
    s.post(f"{BASE}/portal/logout", data={"_csrf": csrf(portal)})
    page = s.get(f"{BASE}/portal/card/sign-in").text
    challenge = re.search(r'id="challenge"[^>]*>([0-9a-f]+)<', page).group(1)
    response = os.path.join(work, "response.der")
    subprocess.run([os.path.join(HERE, "bin/madoguchi"), "virtual-card", "auth", "--card", card, "--pin", AUTH_PIN,
                    "--challenge", challenge, "--out", response], check=True, capture_output=True)
    with open(response, "rb") as f:
        r = s.post(f"{BASE}/portal/card/sign-in", data={"_csrf": csrf(page), "returnTo": "/portal"},
                   files={"responseFile": ("response.der", f, "application/pkcs7-signature")}, allow_redirects=False)
    assert r.status_code == 302 and "/portal" in r.headers["Location"], (r.status_code, r.text[-1500:])
    print(f"   signed out, then signed in with the card: challenge {challenge[:16]}… answered, sent to {r.headers['Location']}")

    proc = s.get(f"{BASE}/portal/procedures/tenshutsu").text
    r = s.post(f"{BASE}/portal/procedures/tenshutsu/start", data={"_csrf": csrf(proc)}, allow_redirects=False)
    first = absolute(r.headers["Location"])
    draft = re.search(r"/drafts/([0-9a-f-]{36})/", first).group(1)
    check_url, check_page = fill(s, first)
    assert "マイナンバーカードで電子署名して申請する" in check_page, "the check page offers signing"
    print(f"2. 転出届 draft {draft} filled; check page offers signing")

    signature = sign(s, draft, card, work)
    r = submit_signed(s, check_url, check_page, draft, signature)
    assert r.status_code == 302 and r.headers["Location"].endswith("/receipt"), (r.status_code, r.text[-2000:])
    receipt = s.get(absolute(r.headers["Location"])).text
    number = re.search(r'id="receipt-number"[^>]*>([^<]+)<', receipt).group(1)
    print(f"3. signed and submitted: 受付番号 {number}")

    staff = requests.Session()
    login = staff.get(f"{BASE}/login").text
    staff.post(f"{BASE}/login", data={"_csrf": csrf(login), "username": "shinsa", "password": "shinsa-demo"})
    review = staff.get(f"{BASE}/staff/applications/{draft}").text
    summary = re.search(r"署名は有効、署名者 = 宛名番号 \d{10}（照合：[^）]+）", review)
    assert summary, "the staff page shows the verdict"
    print(f"4. staff see: {summary.group(0)}")

    page = s.get(f"{BASE}/portal/dev/virtual-card").text
    s.post(f"{BASE}/portal/dev/virtual-card/revoke", data={"_csrf": csrf(page)})
    time.sleep(12)  # start-dev rereads the CRL folder every 10 s
    proc = s.get(f"{BASE}/portal/procedures/juminhyo-copy").text
    r = s.post(f"{BASE}/portal/procedures/juminhyo-copy/start", data={"_csrf": csrf(proc)}, allow_redirects=False)
    second = absolute(r.headers["Location"])
    draft2 = re.search(r"/drafts/([0-9a-f-]{36})/", second).group(1)
    check_url, check_page = fill(s, second)
    r = submit_signed(s, check_url, check_page, draft2, sign(s, draft2, card, work))
    assert r.status_code == 200 and "失効しています" in r.text, (r.status_code, r.text[-1500:])
    print("5. after revocation a new signature is refused: "
          + re.search(r"署名に使った電子証明書は失効しています[^<]*", r.text).group(0))


if __name__ == "__main__":
    main()
