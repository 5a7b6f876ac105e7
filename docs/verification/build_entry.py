#!/usr/bin/env python3
"""Rebuild the transparency-log entry of an issued copy (発行記録) from the PDF and its public record.

Usage: build_entry.py COPY.pdf RECORD.json OUT_ENTRY
RECORD.json is GET /api/v1/verification/{code} (or the "record" of POST /api/v1/verification).
The entry is compact JSON (UTF-8, no spaces, Japanese not escaped) with the keys in this fixed order:
type, city, issueNumber, documentKind, issuedAt, pages, channel, sha256.
"""
import base64, hashlib, json, sys

pdf = open(sys.argv[1], "rb").read()
record = json.load(open(sys.argv[2], encoding="utf-8"))
record = record.get("record") or record  # accept the POST answer as well as the GET record
sha256 = hashlib.sha256(pdf).hexdigest()
if sha256 != record["sha256"]:
    sys.exit("FAIL: the PDF's SHA-256 " + sha256 + " is not the record's " + record["sha256"])
entry = {"type": "issuance", "city": record["city"], "issueNumber": record["issueNumber"],
         "documentKind": record["kind"], "issuedAt": record["issuedAt"], "pages": record["pages"],
         "channel": record["channel"], "sha256": sha256}
data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
open(sys.argv[3], "wb").write(data)
print(data.decode("utf-8"))
print("leaf hash SHA-256(0x00 || entry):", base64.b64encode(hashlib.sha256(b"\x00" + data).digest()).decode())
