#!/usr/bin/env python3
"""Split a sealed Madoguchi PDF into what its seal signs, the CMS signature and the signature's time-stamp.

Usage: extract_cms.py COPY.pdf OUT   (Python 3 standard library only) writes
  OUT.signed  the signed bytes: the whole file except the /Contents hex string
  OUT.p7s     the CMS SignedData (DER) from /Contents            -> openssl cms -verify
  OUT.tst     the RFC 3161 time-stamp token (DER, a CMS SignedData) -> openssl ts -verify
and prints the SHA-256 of the CMS signature value, which is what the time-stamp must cover.
"""
import hashlib, re, sys

def tlv(buf, i):
    """DER tag, content start and content end of the element at i."""
    n, j = buf[i + 1], i + 2
    if n & 0x80:
        n, j = int.from_bytes(buf[j:j + (n & 0x7F)], "big"), j + (n & 0x7F)
    return buf[i], j, j + n

def children(buf, i):
    """(tag, element start, content start, content end) of each element inside the element at i."""
    _, j, end = tlv(buf, i)
    while j < end:
        tag, cs, ce = tlv(buf, j)
        yield tag, j, cs, ce
        j = ce

pdf = open(sys.argv[1], "rb").read()
ranges = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
if not ranges:
    sys.exit("FAIL: no /ByteRange, the PDF carries no signature")
# the seal is the signature whose range reaches furthest (the last incremental update)
s, a, b, c = max((tuple(map(int, r)) for r in ranges), key=lambda r: r[2] + r[3])
print("ByteRange:", [s, a, b, c], "file size:", len(pdf))
if s != 0 or b + c != len(pdf) or pdf[a:a + 1] != b"<" or pdf[b - 1:b] != b">":
    sys.exit("FAIL: the seal does not cover the whole file except its /Contents (data appended?)")
der = bytes.fromhex(pdf[a + 1:b - 1].decode("ascii"))
der = der[:tlv(der, 0)[2]]  # /Contents is zero-padded after the DER
print("SubFilter:", re.findall(rb"/SubFilter\s*/([\w.]+)", pdf)[-1].decode())
open(sys.argv[2] + ".signed", "wb").write(pdf[:a] + pdf[b:])
open(sys.argv[2] + ".p7s", "wb").write(der)

# ContentInfo -> [0] -> SignedData; its last element is the SET of SignerInfos; take the first SignerInfo
signed_data = list(children(der, 0))[1][2]
signer_infos = list(children(der, signed_data))[-1][1]
signer_info = next(children(der, signer_infos))[1]
token = None
for tag, at, cs, ce in children(der, signer_info):
    if tag == 0x04:  # the signature value (OCTET STRING)
        print("SHA-256 of the signature value (time-stamp imprint):", hashlib.sha256(der[cs:ce]).hexdigest())
    if tag == 0xA1:  # unsignedAttrs: find id-aa-signatureTimeStampToken 1.2.840.113549.1.9.16.2.14
        for _, attr, _, _ in children(der, at):
            oid, values = list(children(der, attr))
            if der[oid[2]:oid[3]] == bytes.fromhex("2a864886f70d010910020e"):
                _, token_at, _, token_end = next(children(der, values[1]))
                token = der[token_at:token_end]
if token is None:
    sys.exit("FAIL: no signature time-stamp token (not PAdES B-T)")
open(sys.argv[2] + ".tst", "wb").write(token)
print("wrote", sys.argv[2] + ".signed", sys.argv[2] + ".p7s", sys.argv[2] + ".tst")
print("SHA-256 of the whole file:", hashlib.sha256(pdf).hexdigest())
