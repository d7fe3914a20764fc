"""schemathesis drives every operation of /openapi.json: no answer is a server error.

The examples are bounded (``max_examples`` per operation) so the suite stays
fast; they run with an officer's token against a store holding one
submission, so authenticated paths are exercised, not only the 401s. (The
operations are walked here rather than through schemathesis' pytest plugin,
whose fixture loader does not run on this pytest.)
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.web.harness import Api

EXAMPLES_PER_OPERATION = 12


def test_no_operation_answers_a_server_error(api: Api) -> None:
    assert api.post("mission", "/api/submissions", json={"record": api.record}).status_code == 201
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    headers = api.auth("officer")
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(operation.as_strategy())
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        call()
