"""`neuronplane ingest` and `jobs` refuse bad arguments naming them, before any request."""

from __future__ import annotations

import pytest

from neuronplane import cli

PROJECT = "6f1c2b9e-4a0d-4c55-9a57-2f3b8d2e1a10"


@pytest.mark.parametrize(("argv", "message"), [
    (["ingest", "x.csv", "--project", "my-project"],
     "argument --project: project must be a uuid, not 'my-project'"),
    (["jobs", "--project", "42"], "argument --project: project must be a uuid, not '42'"),
    (["ingest", "x.csv", "--project", PROJECT, "--options", '{"delimiter": ";"'],
     "argument --options: --options is not valid JSON: Expecting ',' delimiter"),
    (["ingest", "x.csv", "--project", PROJECT, "--options", '["null", "NA"]'],
     "argument --options: --options must be a JSON object"),
])
def test_bad_arguments_are_refused_naming_them(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
