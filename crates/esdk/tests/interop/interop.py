"""Interop between keydeck-esdk and the official AWS Encryption SDK for Python.

    python interop.py --cli PATH/TO/keydeck-esdk

For every algorithm suite, frame lengths 0 (non-framed), 512 and 4096,
plaintexts of 0, 10 and 10,240 bytes, with and without an encryption
context, under a raw AES key and a raw RSA key (OAEP-SHA256, plus a few
PKCS #1 v1.5 and OAEP-SHA1 cases): Python encrypts and keydeck-esdk
decrypts, and keydeck-esdk encrypts and Python decrypts. Prints
`interop: N/M passed` and exits non-zero on any failure.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import aws_encryption_sdk
from aws_encryption_sdk.identifiers import (
    Algorithm,
    CommitmentPolicy,
    EncryptionKeyType,
    WrappingAlgorithm,
)
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from aws_encryption_sdk.key_providers.raw import RawMasterKey

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
NAMESPACE = "keydeck-interop"
KEY_NAME = "interop-key"
AES_KEY = bytes(range(32))
RSA_PRIVATE = os.path.join(DATA, "rsa-2048-private.pem")

SUITES = [0x0014, 0x0046, 0x0078, 0x0114, 0x0146, 0x0178, 0x0214, 0x0346, 0x0378, 0x0478, 0x0578]
FRAME_LENGTHS = [0, 512, 4096]
SIZES = [0, 10, 10240]
# Keys sorted by their UTF-8 bytes put "Zulu" before "alpha" and "ω" last.
CONTEXT = {"alpha": "1", "Zulu": "two", "ω": "omega ✓", "purpose": "interop"}

RSA_PADDINGS = {
    "pkcs1": WrappingAlgorithm.RSA_PKCS1,
    "oaep-sha1": WrappingAlgorithm.RSA_OAEP_SHA1_MGF1,
    "oaep-sha256": WrappingAlgorithm.RSA_OAEP_SHA256_MGF1,
    "oaep-sha384": WrappingAlgorithm.RSA_OAEP_SHA384_MGF1,
    "oaep-sha512": WrappingAlgorithm.RSA_OAEP_SHA512_MGF1,
}


def committing(suite):
    return suite >= 0x0478


def python_key(key):
    if key == "aes":
        wrapping = WrappingKey(
            wrapping_algorithm=WrappingAlgorithm.AES_256_GCM_IV12_TAG16_NO_PADDING,
            wrapping_key=AES_KEY,
            wrapping_key_type=EncryptionKeyType.SYMMETRIC,
        )
    else:
        with open(RSA_PRIVATE, "rb") as f:
            pem = f.read()
        wrapping = WrappingKey(
            wrapping_algorithm=RSA_PADDINGS[key],
            wrapping_key=pem,
            wrapping_key_type=EncryptionKeyType.PRIVATE,
        )
    return RawMasterKey(provider_id=NAMESPACE, key_id=KEY_NAME.encode(), wrapping_key=wrapping)


def cli_key_args(key):
    args = ["--key-namespace", NAMESPACE, "--key-name", KEY_NAME]
    if key == "aes":
        return args + ["--raw-aes-key-hex", AES_KEY.hex()]
    return args + ["--raw-rsa-private-pem", RSA_PRIVATE, "--raw-rsa-padding", key]


def context_args(context):
    return [a for k, v in sorted(context.items()) for a in ("--context", f"{k}={v}")]


def cases():
    """(name, suite, frame length, size, context, key) for the whole matrix."""
    out = []
    for key in ("aes", "oaep-sha256"):
        for suite in SUITES:
            for frame in FRAME_LENGTHS:
                for size in SIZES:
                    for with_context in (False, True):
                        context = CONTEXT if with_context else {}
                        name = f"{key}-{suite:04x}-f{frame}-{size}b-{'ec' if with_context else 'noec'}"
                        out.append((name, suite, frame, size, context, key))
    # A few cases for the other RSA paddings.
    for key in ("pkcs1", "oaep-sha1", "oaep-sha384", "oaep-sha512"):
        for suite in (0x0078, 0x0214, 0x0578):
            name = f"{key}-{suite:04x}-f4096-10240b-ec"
            out.append((name, suite, 4096, 10240, CONTEXT, key))
    return out


def plaintext(size, seed):
    return bytes((i * 31 + seed) % 251 for i in range(size))


def python_client(suite, encrypting):
    if committing(suite):
        policy = CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    elif encrypting:
        policy = CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT
    else:
        policy = CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT
    return aws_encryption_sdk.EncryptionSDKClient(commitment_policy=policy)


def cli_policy(suite, encrypting):
    if committing(suite):
        return "require-encrypt-require-decrypt"
    return "forbid-encrypt-allow-decrypt" if encrypting else "require-encrypt-allow-decrypt"


def run_cli(cli, args):
    done = subprocess.run([cli] + args, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace").strip())


def python_to_cli(cli, work, case):
    name, suite, frame, size, context, key = case
    data = plaintext(size, suite)
    message, _ = python_client(suite, True).encrypt(
        source=data,
        key_provider=python_key(key),
        encryption_context=context,
        algorithm=Algorithm.get_by_id(suite),
        frame_length=frame,
    )
    ct = os.path.join(work, name + ".py.esdk")
    out = os.path.join(work, name + ".py.out")
    with open(ct, "wb") as f:
        f.write(message)
    run_cli(
        cli,
        ["decrypt", "--input", ct, "--output", out, "--commitment-policy", cli_policy(suite, False)]
        + cli_key_args(key)
        + context_args(context),
    )
    with open(out, "rb") as f:
        if f.read() != data:
            raise RuntimeError("keydeck-esdk decrypted different bytes")


def cli_to_python(cli, work, case):
    name, suite, frame, size, context, key = case
    data = plaintext(size, suite + 1)
    pt = os.path.join(work, name + ".rs.in")
    ct = os.path.join(work, name + ".rs.esdk")
    with open(pt, "wb") as f:
        f.write(data)
    run_cli(
        cli,
        ["encrypt", "--input", pt, "--output", ct, "--suite", f"0x{suite:04x}"]
        + ["--frame-length", str(frame), "--commitment-policy", cli_policy(suite, True)]
        + cli_key_args(key)
        + context_args(context),
    )
    with open(ct, "rb") as f:
        message = f.read()
    decrypted, header = python_client(suite, False).decrypt(source=message, key_provider=python_key(key))
    if decrypted != data:
        raise RuntimeError("Python decrypted different bytes")
    if header.algorithm.algorithm_id != suite or header.frame_length != frame:
        raise RuntimeError(f"header has suite {header.algorithm.algorithm_id:#06x}, frame {header.frame_length}")
    for k, v in context.items():
        if header.encryption_context.get(k) != v:
            raise RuntimeError(f"encryption context lacks {k}={v}")


def attempt(direction, cli, work, case):
    try:
        direction(cli, work, case)
        return None
    except Exception as e:  # any failure is a failed case, reported by name
        return f"{direction.__name__} {case[0]}: {e}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to the keydeck-esdk binary")
    parser.add_argument("--jobs", type=int, default=4, help="cases run at once")
    args = parser.parse_args()
    started = time.monotonic()
    matrix = cases()
    jobs = [(d, c) for d in (python_to_cli, cli_to_python) for c in matrix]
    with tempfile.TemporaryDirectory(prefix="esdk-interop-") as work:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            failures = [f for f in pool.map(lambda j: attempt(j[0], args.cli, work, j[1]), jobs) if f]
    for failure in failures:
        print("FAIL", failure)
    passed = len(jobs) - len(failures)
    print(f"interop: {passed}/{len(jobs)} passed in {time.monotonic() - started:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
