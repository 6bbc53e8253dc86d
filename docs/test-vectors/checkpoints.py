#!/usr/bin/env python3
"""Independent (non-Java) reference for docs/checkpoints.md: RFC 6962 tree hashing, inclusion and consistency
proof verification (RFC 9162 sections 2.1.3.2 and 2.1.4.2), C2SP signed-note checkpoints and tlog-cosignatures.

    python3 checkpoints.py            verifies every vector in checkpoints.json
    python3 checkpoints.py --generate rewrites checkpoints.json (needs the 'cryptography' package)

Verification needs only hashlib and an Ed25519 verifier (here 'cryptography').
"""
import base64, hashlib, json, struct, sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

VECTORS = Path(__file__).with_name("checkpoints.json")


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf_hash(data: bytes) -> bytes:
    return sha256(b"\x00" + data)


def node_hash(left: bytes, right: bytes) -> bytes:
    return sha256(b"\x01" + left + right)


def split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves: list) -> bytes:
    """RFC 6962 MTH over leaf data, straight from the definition."""
    if not leaves:
        return sha256(b"")
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = split(len(leaves))
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m: int, leaves: list) -> list:
    if len(leaves) == 1:
        return []
    k = split(len(leaves))
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m: int, leaves: list, complete: bool) -> list:
    if m == len(leaves):
        return [] if complete else [mth(leaves)]
    k = split(len(leaves))
    if m <= k:
        return subproof(m, leaves[:k], complete) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list, root: bytes) -> bool:
    """RFC 9162, 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first: int, second: int, first_root: bytes, second_root: bytes, proof: list) -> bool:
    """RFC 9162, 2.1.4.2 (first == second and first == 0 handled as the RFC describes)."""
    if first > second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof and first_root == sha256(b"")
    if not proof:
        return False
    if first & (first - 1) == 0:
        proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


def key_id(name: str, sig_type: int, public_key: bytes) -> bytes:
    return sha256(name.encode() + b"\n" + bytes([sig_type]) + public_key)[:4]


def parse_vkey(vkey: str):
    name, kid, typed = vkey.split("+", 2)
    typed = base64.b64decode(typed)
    assert key_id(name, typed[0], typed[1:]).hex() == kid, "key id does not match"
    return name, typed[0], typed[1:]


def open_note(note: str):
    text, _, sigs = note.rpartition("\n\n")
    return text + "\n", [line[2:].split(" ") for line in sigs.rstrip("\n").split("\n")]


def verify_checkpoint(note: str, vkey: str) -> tuple:
    """Checks the node's signature on a checkpoint note; answers (origin, size, root)."""
    name, sig_type, public_key = parse_vkey(vkey)
    assert sig_type == 1
    text, sigs = open_note(note)
    for signer, blob in sigs:
        blob = base64.b64decode(blob)
        if signer == name and blob[:4] == key_id(name, 1, public_key):
            Ed25519PublicKey.from_public_bytes(public_key).verify(blob[4:], text.encode())
            origin, size, root = text.split("\n")[:3]
            assert origin == name
            return origin, int(size), base64.b64decode(root)
    raise AssertionError("no signature by " + vkey)


def verify_cosignature(note: str, witness_vkey: str) -> int:
    """Checks a tlog-cosignature/v1 line on a checkpoint note; answers its timestamp."""
    name, sig_type, public_key = parse_vkey(witness_vkey)
    assert sig_type == 4
    text, sigs = open_note(note)
    for signer, blob in sigs:
        blob = base64.b64decode(blob)
        if signer == name and blob[:4] == key_id(name, 4, public_key):
            (timestamp,) = struct.unpack(">Q", blob[4:12])
            message = b"cosignature/v1\ntime %d\n" % timestamp + text.encode()
            Ed25519PublicKey.from_public_bytes(public_key).verify(blob[12:], message)
            return timestamp
    raise AssertionError("no cosignature by " + witness_vkey)


def b32_id(prefix: str, public_key: bytes) -> str:
    return prefix + base64.b32encode(public_key).decode().rstrip("=").lower()


RFC6962_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]


def generate() -> dict:
    leaves = [bytes.fromhex(h) for h in RFC6962_LEAVES]
    node_seed = sha256(b"vacant checkpoint test vector: node key")
    witness_seed = sha256(b"vacant checkpoint test vector: witness key")
    node = Ed25519PrivateKey.from_private_bytes(node_seed)
    witness = Ed25519PrivateKey.from_private_bytes(witness_seed)
    raw = lambda k: k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    node_id = b32_id("node_", raw(node))
    origin = "vacant.example/" + node_id
    text = "%s\n%d\n%s\n" % (origin, 8, base64.b64encode(mth(leaves)).decode())
    signature = node.sign(text.encode())
    note = text + "\n\u2014 %s %s\n" % (origin, base64.b64encode(key_id(origin, 1, raw(node)) + signature).decode())
    witness_name = "witness.example/w1"
    timestamp = 1700000000
    cosig = witness.sign(b"cosignature/v1\ntime %d\n" % timestamp + text.encode())
    cosigned = note + "\u2014 %s %s\n" % (witness_name, base64.b64encode(
        key_id(witness_name, 4, raw(witness)) + struct.pack(">Q", timestamp) + cosig).decode())
    vkey = lambda name, t, k: "%s+%s+%s" % (name, key_id(name, t, k).hex(), base64.b64encode(bytes([t]) + k).decode())
    return {
        "rfc6962": {
            "leaves_hex": RFC6962_LEAVES,
            "roots_hex": [mth(leaves[:n]).hex() for n in range(0, 9)],
            "inclusion": [{"index": m, "size": n, "proof_hex": [h.hex() for h in path(m, leaves[:n])]}
                          for n in range(1, 9) for m in range(n)],
            "consistency": [{"from": m, "to": n, "proof_hex": [h.hex() for h in subproof(m, leaves[:n], True)]}
                            for n in range(1, 9) for m in range(1, n + 1)],
        },
        "checkpoint": {
            "node_seed_hex": node_seed.hex(),
            "node_id": node_id,
            "node_vkey": vkey(origin, 1, raw(node)),
            "note": note,
            "signature_hex": signature.hex(),
            "witness_seed_hex": witness_seed.hex(),
            "witness_vkey": vkey(witness_name, 4, raw(witness)),
            "witness_timestamp": timestamp,
            "cosigned_note": cosigned,
        },
    }


def verify(vectors: dict) -> None:
    rfc = vectors["rfc6962"]
    leaves = [bytes.fromhex(h) for h in rfc["leaves_hex"]]
    roots = [bytes.fromhex(h) for h in rfc["roots_hex"]]
    for n, root in enumerate(roots):
        assert mth(leaves[:n]) == root, n
    for case in rfc["inclusion"]:
        proof = [bytes.fromhex(h) for h in case["proof_hex"]]
        assert verify_inclusion(case["index"], case["size"], leaf_hash(leaves[case["index"]]), proof, roots[case["size"]])
    for case in rfc["consistency"]:
        proof = [bytes.fromhex(h) for h in case["proof_hex"]]
        assert verify_consistency(case["from"], case["to"], roots[case["from"]], roots[case["to"]], proof)
    cp = vectors["checkpoint"]
    origin, size, root = verify_checkpoint(cp["note"], cp["node_vkey"])
    assert size == 8 and root == roots[8]
    assert verify_cosignature(cp["cosigned_note"], cp["witness_vkey"]) == cp["witness_timestamp"]
    print("all %d inclusion and %d consistency vectors, the checkpoint and its cosignature verify"
          % (len(rfc["inclusion"]), len(rfc["consistency"])))


if __name__ == "__main__":
    if "--generate" in sys.argv:
        VECTORS.write_text(json.dumps(generate(), indent=2, ensure_ascii=False) + "\n")
    verify(json.loads(VECTORS.read_text()))
