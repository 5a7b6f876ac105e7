#!/usr/bin/env python3
"""Check a consistency proof (一貫性証明) between two checkpoints, by RFC 9162 section 2.1.4.2: the log only
appended entries between the older and the newer tree head.

Usage: verify_consistency.py OLD_CHECKPOINT PROOF.json NEW_CHECKPOINT   (both checkpoints already checked with
verify_checkpoint.py; PROOF.json is GET /ledger/proof/consistency?first=OLD_SIZE&second=NEW_SIZE)
"""
import base64, hashlib, json, sys

def node(left, right):  # RFC 6962 interior node: SHA-256(0x01 || left || right)
    return hashlib.sha256(b"\x01" + left + right).digest()

def size_and_root(path):
    _, size, root = open(path, encoding="utf-8").read().split("\n")[:3]
    return int(size), base64.b64decode(root)

(size1, root1), (size2, root2) = size_and_root(sys.argv[1]), size_and_root(sys.argv[3])
proof = json.load(open(sys.argv[2]))
if (proof["size1"], proof["size2"]) != (size1, size2) or not 0 < size1 <= size2:
    sys.exit("FAIL: the proof is for sizes %s..%s, the checkpoints have %d..%d" % (proof["size1"], proof["size2"], size1, size2))
path = [base64.b64decode(h) for h in proof["path"]]
if size1 == size2:
    ok = not path and root1 == root2
else:
    if size1 & (size1 - 1) == 0:  # the old tree is a complete subtree: its root starts the path
        path = [root1] + path
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            sys.exit("FAIL: the path is longer than the trees need")
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node(sr, c)
        fn, sn = fn >> 1, sn >> 1
    ok = sn == 0 and fr == root1 and sr == root2
if not ok:
    sys.exit("FAIL: the proof does not link the tree of %d entries to the tree of %d entries" % (size1, size2))
print("OK: the tree of %d entries is a prefix of the tree of %d entries" % (size1, size2))
