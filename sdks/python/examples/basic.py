"""Log in, create an organization and a project, create an API key for the project, use it.

    NEURONPLANE_API_URL=http://127.0.0.1:3000 NEURONPLANE_GLUE_URL=http://127.0.0.1:8080 \
    NEURONPLANE_USERNAME=alice NEURONPLANE_PASSWORD=... python basic.py

Prints what it made as one JSON object.
"""

from __future__ import annotations

import json
import os
import uuid

from neuronplane_client import ApiError, Client
from neuronplane_client.generated.api.rpc_create_organization import post_rpc_create_organization
from neuronplane_client.generated.models import PostRpcCreateOrganizationBody


def main() -> dict:
    api_url = os.environ.get("NEURONPLANE_API_URL", "http://127.0.0.1:3000")
    glue_url = os.environ.get("NEURONPLANE_GLUE_URL", "http://127.0.0.1:8080")
    suffix = uuid.uuid4().hex[:8]
    with Client(api_url, glue_url=glue_url) as client:
        session = client.login(os.environ["NEURONPLANE_USERNAME"],
                               os.environ["NEURONPLANE_PASSWORD"])

        # A generated function (typed body), through the client's session.
        answer = post_rpc_create_organization.sync_detailed(
            client=client.api,
            body=PostRpcCreateOrganizationBody(name=f"Example {suffix}", slug=f"ex-{suffix}"))
        org = json.loads(answer.content)

        # The same session, through the small helper for RPCs.
        project = client.rpc("create_project", name="example", org_id=org["id"])
        key = client.rpc("create_api_key", name="basic example", project_id=project["id"],
                         roles=["member"])

    # The key alone, as a service would use it.
    with Client(api_url, glue_url=glue_url, api_key=key["api_key"]) as service:
        seen = [p["id"] for p in service.paginate("/projects", params={"order": "name"})]
        try:
            service.rpc("create_organization", name=f"Other {suffix}", slug=f"other-{suffix}")
            refused = None
        except ApiError as exc:  # a project-limited member key may not create organizations
            refused = exc.sqlstate
    return {"principal_id": session["principal_id"], "org_id": org["id"],
            "project_id": project["id"], "api_key_id": key["id"],
            "projects_seen_with_key": seen, "key_refused_create_organization": refused}


if __name__ == "__main__":
    print(json.dumps(main()))
