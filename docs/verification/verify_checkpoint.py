#!/usr/bin/env python3
"""Check a Madoguchi transparency-log checkpoint (C2SP tlog-checkpoint in a C2SP signed note).

Usage: verify_checkpoint.py LOG_KEY_FILE CHECKPOINT_FILE
LOG_KEY_FILE holds the verifier key <name>+<8 hex key ID>+<base64(0x01 || 32-byte Ed25519 key)>, obtained
out of band (the city's web site), not only from the server you are checking. Standard library + openssl.
"""
import base64, hashlib, os, subprocess, sys, tempfile

def require(ok, why):
    if not ok:
        sys.exit("FAIL: " + why)

name, key_id, typed = open(sys.argv[1], encoding="utf-8").read().strip().split("+")
raw = base64.b64decode(typed, validate=True)
require(len(raw) == 33 and raw[0] == 0x01, "not an Ed25519 verifier key")
# key ID = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key)
require(hashlib.sha256(name.encode() + b"\n" + raw).hexdigest()[:8] == key_id, "key ID does not match the key")

note = open(sys.argv[2], "rb").read().decode("utf-8")
text, _, sig_block = note.rpartition("\n\n")  # the signed text ends in "\n"; an empty line; signature lines
text += "\n"
sigs = [base64.b64decode(line.split(" ")[2]) for line in sig_block.splitlines()
        if line.startswith("\u2014 " + name + " ") and base64.b64decode(line.split(" ")[2])[:4].hex() == key_id]
require(sigs, "no signature by " + name + "+" + key_id + " in the note")

with tempfile.TemporaryDirectory() as tmp:
    pem = "-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(
        bytes.fromhex("302a300506032b6570032100") + raw[1:]).decode() + "\n-----END PUBLIC KEY-----\n"
    for f, data in (("pub.pem", pem.encode()), ("msg", text.encode("utf-8")), ("sig", sigs[0][4:])):
        open(os.path.join(tmp, f), "wb").write(data)
    ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                         "-in", "msg", "-sigfile", "sig"], cwd=tmp, capture_output=True, text=True)
if ok.returncode != 0:
    sys.exit("FAIL: the signature does not verify (openssl: " + (ok.stdout + ok.stderr).strip() + ")")
origin, size, root = text.split("\n")[:3]
require(origin == name, "checkpoint origin " + origin + " is not the key name " + name)
print("OK: checkpoint signed by", name + "+" + key_id)
print("origin:   ", origin)
print("size:     ", size)
print("root hash:", root, "=", base64.b64decode(root).hex())
