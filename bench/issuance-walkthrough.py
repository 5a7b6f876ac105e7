#!/usr/bin/env python3
"""Walks the 電子交付 journey of issue 6 against a running start-dev server, as a resident, staff and anyone would.

  bin/madoguchi start-dev --data-dir /tmp/walk6 --port 8080 &
  python3 bench/issuance-walkthrough.py http://localhost:8080 /tmp/walk6-out

1. the demo resident signs in, issues a virtual My Number Card (development page);
2. requests a 住民票の写し online with electronic delivery and signs the request with the card;
3. an examiner (shinsa) accepts it: the copy is issued and the application completed;
4. the resident downloads the signed PDF from 「交付された証明書」 through a short-lived link;
5. anyone (no session) checks it on /verify: valid, with the transparency-log proof verified; the QR code's
   page shows the record without personal data; one changed byte: invalid; the JSON API says the same;
6. the checkpoint, a tile and the inclusion proof are read from the public log API.
Writes the PDF, the tampered copy and the API answers to the output folder (for pdfsig, qpdf, openssl).
Only the Python standard library and `requests`.
"""
import importlib.util
import json
import os
import re
import sys
import time

import requests

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
OUT = sys.argv[2] if len(sys.argv) > 2 else "/tmp/madoguchi-issuance-walk"
HERE = os.path.dirname(os.path.abspath(__file__))

spec = importlib.util.spec_from_file_location("walk5", os.path.join(HERE, "identity-walkthrough.py"))
walk5 = importlib.util.module_from_spec(spec)
sys.argv = [sys.argv[0], BASE]
spec.loader.exec_module(walk5)
walk5.BASE = BASE
csrf, absolute = walk5.csrf, walk5.absolute


def main():
    os.makedirs(OUT, exist_ok=True)
    s = requests.Session()
    login = s.get(f"{BASE}/portal/login").text
    s.post(f"{BASE}/portal/login", data={"_csrf": csrf(login), "username": "demo@example.jp",
                                          "password": "jumin-demo-2026"})
    page = s.get(f"{BASE}/portal/dev/virtual-card").text
    page = s.post(f"{BASE}/portal/dev/virtual-card", data={"_csrf": csrf(page), "signingPin": walk5.SIGN_PIN,
                                                           "authPin": walk5.AUTH_PIN}).text
    atena = re.search(r"<dd>(\d{10})</dd>", page).group(1)
    card = os.path.join(OUT, "card.json")
    with open(card, "wb") as f:
        f.write(s.get(f"{BASE}/portal/dev/virtual-card/file").content)
    print(f"1. demo resident (宛名番号 {atena}) has a virtual card")

    walk5.ANSWERS["f.deliveryMethod"] = "electronic"
    proc = s.get(f"{BASE}/portal/procedures/juminhyo-copy").text
    r = s.post(f"{BASE}/portal/procedures/juminhyo-copy/start", data={"_csrf": csrf(proc)}, allow_redirects=False)
    first = absolute(r.headers["Location"])
    draft = re.search(r"/drafts/([0-9a-f-]{36})/", first).group(1)
    check_url, check_page = walk5.fill(s, first)
    assert "電子交付" in check_page, "the check page shows electronic delivery"
    r = walk5.submit_signed(s, check_url, check_page, draft, walk5.sign(s, draft, card, OUT))
    assert r.status_code == 302 and r.headers["Location"].endswith("/receipt"), (r.status_code, r.text[-1500:])
    number = re.search(r'id="receipt-number"[^>]*>([^<]+)<', s.get(absolute(r.headers["Location"])).text).group(1)
    print(f"2. 住民票の写し requested online (電子交付), signed with the card: 受付番号 {number}")

    staff = requests.Session()
    login = staff.get(f"{BASE}/login").text
    staff.post(f"{BASE}/login", data={"_csrf": csrf(login), "username": "shinsa", "password": "shinsa-demo"})
    review = staff.get(f"{BASE}/staff/applications/{draft}").text
    version = re.search(r'name="rowVersion" value="(\d+)"', review).group(1)
    t0 = time.monotonic()
    r = staff.post(f"{BASE}/staff/applications/{draft}/actions",
                   data={"_csrf": csrf(review), "rowVersion": version, "action": "approve", "text": ""},
                   allow_redirects=False)
    accept_ms = (time.monotonic() - t0) * 1000
    assert r.status_code == 302, (r.status_code, re.findall(r'dads-notification-banner__body"><p>([^<]+)', r.text))
    review = staff.get(f"{BASE}/staff/applications/{draft}").text
    assert "完了" in review, "the application is completed"
    print(f"3. examiner accepted it ({accept_ms:.0f} ms, rendering + sealing + TSA included); status 完了")

    docs = s.get(f"{BASE}/portal/documents").text
    link = re.search(r'action="(/portal/documents/[0-9a-f-]{36}/link)"', docs).group(1)
    r = s.post(BASE + link, data={"_csrf": csrf(docs)}, allow_redirects=False)
    download = absolute(r.headers["Location"])
    r = s.get(download)
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf", r.status_code
    pdf = r.content
    name = re.search(r'filename="?([^";]+)', r.headers["Content-Disposition"]).group(1)
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(pdf)
    print(f"4. resident downloaded {name} ({len(pdf)} bytes) via {download[:60]}…; "
          f"Cache-Control: {r.headers.get('Cache-Control')}")
    anonymous = requests.get(download, allow_redirects=False)
    print(f"   the same link without the resident's session: HTTP {anonymous.status_code} "
          f"→ {anonymous.headers.get('Location', '')}")

    time.sleep(2)  # the sequencer runs every second in start-dev
    public = requests.Session()
    page = public.post(f"{BASE}/verify", files={"file": (name, pdf, "application/pdf")}).text
    outcome = re.search(r'data-outcome="([A-Z_]+)"', page).group(1)
    proof = re.search(r'id="log-proof" data-verified="(\w+)">([^<]+)<', page)
    assert outcome == "VALID" and proof.group(1) == "true", (outcome, proof)
    print(f"5. /verify without signing in: {outcome}; {proof.group(2).strip()}")
    print(f"   cookies the public check set: {dict(public.cookies) or 'none'}")
    tampered = bytearray(pdf)
    at = pdf.find(b"/Type /Page") + 7
    tampered[at] ^= 0x01
    with open(os.path.join(OUT, "tampered.pdf"), "wb") as f:
        f.write(tampered)
    page = public.post(f"{BASE}/verify", files={"file": ("tampered.pdf", bytes(tampered), "application/pdf")}).text
    bad = re.search(r'data-outcome="([A-Z_]+)" data-signature="([A-Z_]+)"', page)
    assert bad.group(1) == "INVALID", bad.groups()
    print(f"   one byte changed: {bad.group(1)} ({bad.group(2)})")
    api = requests.post(f"{BASE}/api/v1/verification", data=pdf, headers={"Content-Type": "application/pdf"}).json()
    with open(os.path.join(OUT, "verification.json"), "w") as f:
        json.dump(api, f, ensure_ascii=False, indent=2)
    print(f"   API: outcome {api['outcome']}, 発行番号 {api['record']['issueNumber']}, "
          f"log index {api['record']['logProof']['index']} of {api['record']['logProof']['treeSize']}")
    qr = requests.get(f"{BASE}/verify/{api['record']['code']}").text
    assert api["record"]["issueNumber"] in qr and atena not in qr
    print("   the QR page shows the record and no 宛名番号 or name")

    checkpoint = requests.get(f"{BASE}/ledger/checkpoint").text
    with open(os.path.join(OUT, "checkpoint.txt"), "w") as f:
        f.write(checkpoint)
    size = int(checkpoint.splitlines()[1])
    inclusion = requests.get(f"{BASE}/ledger/proof/inclusion",
                             params={"index": api["record"]["logProof"]["index"], "size": size}).json()
    with open(os.path.join(OUT, "inclusion.json"), "w") as f:
        json.dump(inclusion, f, indent=2)
    beyond = requests.get(f"{BASE}/ledger/proof/inclusion", params={"index": size + 5, "size": size})
    print(f"6. log: checkpoint of {size} entries ({checkpoint.splitlines()[0]}), inclusion proof of "
          f"{len(inclusion.get('path', []))} hashes; a proof beyond the tree: HTTP {beyond.status_code} "
          f"{beyond.headers.get('Content-Type')}")
    print(f"files in {OUT}")


if __name__ == "__main__":
    main()
