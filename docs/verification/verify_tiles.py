#!/usr/bin/env python3
"""Audit the whole log from its C2SP tlog-tiles (タイル): download every entry bundle and level-0 hash tile of
a checked checkpoint's tree, hash each entry, compare with the tiles and recompute the root hash.

Usage: verify_tiles.py BASE_URL CHECKPOINT_FILE   (e.g. https://city.example  checkpoint.txt, checked first
with verify_checkpoint.py). Downloads all N entries: fine for an auditor, a monitor would keep what it saw.
"""
import base64, collections, hashlib, json, sys, urllib.request

def tile_number(n):  # 1234067 -> x001/x234/067
    d = str(n).zfill(-(-len(str(n)) // 3) * 3)
    return "/".join(("x" if i + 3 < len(d) else "") + d[i:i + 3] for i in range(0, len(d), 3))

def fetch(path):
    return urllib.request.urlopen(sys.argv[1].rstrip("/") + "/ledger/tile/" + path).read()

def root(hashes):  # RFC 6962 Merkle tree hash over leaf hashes: split at the largest power of two below n
    if len(hashes) == 1:
        return hashes[0]
    k = 1 << ((len(hashes) - 1).bit_length() - 1)
    return hashlib.sha256(b"\x01" + root(hashes[:k]) + root(hashes[k:])).digest()

_, size, expected = open(sys.argv[2], encoding="utf-8").read().split("\n")[:3]
size, leaves, kinds = int(size), [], collections.Counter()
for t in range(-(-size // 256)):
    width = min(256, size - 256 * t)
    suffix = tile_number(t) + ("" if width == 256 else ".p/%d" % width)
    bundle, tile = fetch("entries/" + suffix), fetch("0/" + suffix)  # entries: uint16 length + bytes each
    i = 0
    for k in range(width):
        n = int.from_bytes(bundle[i:i + 2], "big")
        entry, i = bundle[i + 2:i + 2 + n], i + 2 + n
        leaf = hashlib.sha256(b"\x00" + entry).digest()
        if leaf != tile[32 * k:32 * k + 32]:
            sys.exit("FAIL: entry %d does not hash to its tile's leaf hash" % (256 * t + k))
        leaves.append(leaf)
        kinds[json.loads(entry).get("type") or json.loads(entry).get("kind")] += 1
    if i != len(bundle):
        sys.exit("FAIL: entry bundle %s has trailing bytes" % suffix)
if size == 0 or base64.b64encode(root(leaves)).decode() != expected:
    sys.exit("FAIL: the entries do not give the checkpoint's root hash")
print("OK: %d entries, their tiles and the root hash %s agree; entries by kind: %s" % (size, expected, dict(kinds)))
