#!/usr/bin/env python3
"""Check an inclusion proof (包含証明) of a log entry against a checkpoint, by RFC 9162 section 2.1.3.2.

Usage: verify_inclusion.py ENTRY_FILE PROOF.json CHECKPOINT_FILE
ENTRY_FILE: the entry's bytes; PROOF.json: GET /ledger/proof/inclusion?index=I&size=N ({index, treeSize, path});
CHECKPOINT_FILE: a checkpoint you have already checked with verify_checkpoint.py (its size must be N).
"""
import base64, hashlib, json, sys

def node(left, right):  # RFC 6962 interior node: SHA-256(0x01 || left || right)
    return hashlib.sha256(b"\x01" + left + right).digest()

entry = open(sys.argv[1], "rb").read()
proof = json.load(open(sys.argv[2]))
_, size, root = open(sys.argv[3], encoding="utf-8").read().split("\n")[:3]
if proof["treeSize"] != int(size):
    sys.exit("FAIL: the proof is for a tree of %s entries, the checkpoint has %s" % (proof["treeSize"], size))

r = hashlib.sha256(b"\x00" + entry).digest()  # RFC 6962 leaf: SHA-256(0x00 || entry)
fn, sn = proof["index"], proof["treeSize"] - 1
if not 0 <= fn <= sn:
    sys.exit("FAIL: index out of range")
for p in map(base64.b64decode, proof["path"]):
    if sn == 0:
        sys.exit("FAIL: the path is longer than the tree is deep")
    if fn & 1 or fn == sn:  # we are a right child, or the last node of this level: the sibling is on the left
        r = node(p, r)
        while not fn & 1 and fn != 0:
            fn, sn = fn >> 1, sn >> 1
    else:
        r = node(r, p)
    fn, sn = fn >> 1, sn >> 1
if sn != 0 or r != base64.b64decode(root):
    sys.exit("FAIL: the computed root %s is not the checkpoint's %s" % (base64.b64encode(r).decode(), root))
print("OK: entry %d is in the tree of %s entries with root %s" % (proof["index"], size, root))
