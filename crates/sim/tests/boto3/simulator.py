"""What both boto3 suites share: clients of the simulator, its non-AWS
`KeyDeck.*` controls, the error assertion, and the runner that reads
`--endpoint` and ends with the line "N passed, N failed".
"""

import argparse
import json
import sys
import unittest
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = "http://127.0.0.1:4566"


def client(service, access_key, region="us-east-1"):
    """A boto3 client calling as `access_key` (`root-<account>`, `user-<account>-<name>`)."""
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key="anything",
        config=Config(retries={"max_attempts": 1}),
    )


def control(operation, body):
    """Calls the simulator's own `KeyDeck.<operation>` target."""
    request = urllib.request.Request(
        endpoint + "/",
        data=json.dumps(body).encode(),
        headers={"X-Amz-Target": f"KeyDeck.{operation}", "Content-Type": "application/x-amz-json-1.1"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)


class SimulatorTest(unittest.TestCase):
    def assert_error(self, call, code, message=None):
        with self.assertRaises(ClientError) as caught:
            call()
        error = caught.exception.response["Error"]
        self.assertEqual(error["Code"], code)
        if message is not None:
            self.assertEqual(error["Message"], message)
        return error


def run(case):
    """Runs `case` against `--endpoint`; exits non-zero on any failure."""
    global endpoint
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", default=endpoint)
    args, _ = parser.parse_known_args()
    endpoint = args.endpoint.rstrip("/")
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() else 1)
