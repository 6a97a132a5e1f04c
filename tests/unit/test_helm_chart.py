"""charts/neuronplane: linted and rendered with the Helm library (helm-python-sdk), for the
default values and variants; every built-in manifest validated against the Kubernetes 1.30
schemas (kubernetes-validate, strict); the objects checked for what the chart promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from helm_python import chart as helm

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "charts" / "neuronplane"
K8S = "1.30.0"

VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "external-db": {"database": {"mode": "external", "external": {
        "host": "pg.example.internal", "port": 5433, "superuserSecret": "pg-admin"}}},
    "ingress-off": {"ingress": {"enabled": False}},
    "three-replicas": {"api": {"replicas": 3}, "app": {"replicas": 3},
                       "worker": {"replicas": 3}, "proxy": {"replicas": 3}},
}


def render(values: dict[str, Any]) -> list[dict[str, Any]]:
    out = helm.Chart.load(CHART).render(values=values, name="np", namespace="prod",
                                        is_install=True)
    docs = []
    for text in out.values():
        docs += [d for d in yaml.safe_load_all(text) if d]
    return docs


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def test_lint_has_no_warnings_or_errors() -> None:
    report = helm.lint(CHART, strict=True, kube_version=f"v{K8S}")
    problems = [m for m in report["messages"] if m["severity"] >= 2]
    assert report["errors"] == [] and problems == [], report


@pytest.mark.parametrize("variant", VARIANTS)
def test_manifests_validate_against_kubernetes(variant: str) -> None:
    docs = render(VARIANTS[variant])
    kinds = sorted({d["kind"] for d in docs})
    assert {"Deployment", "Service", "PodDisruptionBudget", "Job", "NetworkPolicy"} <= set(kinds)
    for doc in docs:
        if doc["apiVersion"].startswith("postgresql.cnpg.io/"):
            continue  # a CRD: checked in test_cloudnativepg_cluster
        kubernetes_validate.validate(doc, K8S, strict=True)


def _pods(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    pods = {name: d["spec"]["template"]["spec"] for name, d in by_kind(docs, "Deployment").items()}
    pods.update({name: d["spec"]["template"]["spec"] for name, d in by_kind(docs, "Job").items()})
    return pods


def test_every_pod_is_locked_down() -> None:
    pods = _pods(render({}))
    assert set(pods) == {"np-neuronplane-api", "np-neuronplane-app", "np-neuronplane-worker",
                         "np-neuronplane-proxy", "np-neuronplane-migrate"}
    for name, pod in pods.items():
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] != 0, name
        assert pod["automountServiceAccountToken"] is False, name
        for c in pod["containers"]:
            sc = c["securityContext"]
            assert sc["readOnlyRootFilesystem"] is True, name
            assert sc["allowPrivilegeEscalation"] is False, name
            assert sc["capabilities"]["drop"] == ["ALL"], name
            assert c["resources"]["limits"]["memory"], name
            if name != "np-neuronplane-migrate":
                assert c["readinessProbe"] and c["livenessProbe"], name


def test_no_secret_is_inlined() -> None:
    docs = render({})
    assert by_kind(docs, "Secret") == {}
    for name, pod in _pods(docs).items():
        for c in pod["containers"]:
            for env in c.get("env", []):
                assert "valueFrom" not in env or "secretKeyRef" not in env["valueFrom"], name
                if "PASSWORD" in env["name"] or "KEY" in env["name"]:
                    assert env["name"].endswith("_FILE"), (name, env)
        secret_volumes = [v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v]
        assert secret_volumes, f"{name} reads its credentials from a mounted Secret"


def test_replicas_and_disruption_budgets() -> None:
    docs = render(VARIANTS["three-replicas"])
    deployments = by_kind(docs, "Deployment")
    assert all(d["spec"]["replicas"] == 3 for d in deployments.values())
    pdbs = by_kind(docs, "PodDisruptionBudget")
    assert set(pdbs) == {f"np-neuronplane-{c}" for c in ("api", "app", "worker", "proxy")}
    assert all(p["spec"]["minAvailable"] == 1 for p in pdbs.values())
    default = by_kind(render({}), "PodDisruptionBudget")
    assert default["np-neuronplane-worker"]["spec"] == {
        "maxUnavailable": 1, "selector": default["np-neuronplane-worker"]["spec"]["selector"]}


def test_network_policies_fence_api_app_and_db() -> None:
    policies = by_kind(render({}), "NetworkPolicy")

    def sources(name: str) -> list[dict[str, Any]]:
        return [peer for rule in policies[name]["spec"]["ingress"] for peer in rule["from"]]

    comp = "app.kubernetes.io/component"
    assert [p["podSelector"]["matchLabels"][comp] for p in sources("np-neuronplane-app")] == [
        "proxy"]
    assert [p["podSelector"]["matchLabels"][comp] for p in sources("np-neuronplane-api")] == [
        "proxy", "app"]
    assert "namespaceSelector" in sources("np-neuronplane-proxy")[0]
    db_clients = sources("np-neuronplane-db")[0]["podSelector"]["matchLabels"]
    assert db_clients["neuronplane.dev/database-client"] == "true"
    clients = {name for name, d in by_kind(render({}), "Deployment").items()
               if d["spec"]["template"]["metadata"]["labels"].get(
                   "neuronplane.dev/database-client") == "true"}
    assert clients == {"np-neuronplane-api", "np-neuronplane-app", "np-neuronplane-worker"}
    deny = policies["np-neuronplane-default-deny"]["spec"]
    assert deny["policyTypes"] == ["Ingress"] and "ingress" not in deny


def test_cloudnativepg_cluster() -> None:
    docs = render({})
    [cluster] = [d for d in docs if d["kind"] == "Cluster"]
    spec = cluster["spec"]
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    assert spec["instances"] == 3
    assert spec["imageName"] == "localhost/neuronplane-db:0.1.0"
    assert spec["postgresql"]["shared_preload_libraries"] == ["pg_cron"]
    assert spec["postgresql"]["parameters"]["neuronplane.key_file"].startswith("/projected/")
    assert spec["superuserSecret"] == {"name": "neuronplane-superuser"}
    job = by_kind(docs, "Job")["np-neuronplane-migrate"]
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "post-install,pre-upgrade"
    env = {e["name"]: e["value"] for e in job["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["PGHOST"] == "np-neuronplane-db-rw"


def test_external_database() -> None:
    docs = render(VARIANTS["external-db"])
    assert not [d for d in docs if d["kind"] == "Cluster"]
    assert "np-neuronplane-db" not in by_kind(docs, "NetworkPolicy")
    job = by_kind(docs, "Job")["np-neuronplane-migrate"]
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    pod = job["spec"]["template"]["spec"]
    env = {e["name"]: e["value"] for e in pod["containers"][0]["env"]}
    assert (env["PGHOST"], env["PGPORT"]) == ("pg.example.internal", "5433")
    assert {"secretName": "pg-admin"}.items() <= next(
        v["secret"] for v in pod["volumes"] if v["name"] == "superuser").items()


def test_ingress_routes_to_the_proxy_only() -> None:
    ingress = by_kind(render({}), "Ingress")["np-neuronplane"]
    [rule] = ingress["spec"]["rules"]
    [path] = rule["http"]["paths"]
    assert path["backend"]["service"]["name"] == "np-neuronplane-proxy"
    assert ingress["spec"]["tls"][0]["secretName"] == "neuronplane-tls"
    assert by_kind(render(VARIANTS["ingress-off"]), "Ingress") == {}


@pytest.mark.parametrize("values,where", [
    ({"api": {"replicas": 0}}, "/api/replicas"),
    ({"database": {"mode": "sqlite"}}, "/database/mode"),
    ({"database": {"mode": "external"}}, "/database/external"),
    ({"api": {"resources": {"limits": {"cpu": "lots", "memory": "1Gi"}}}}, "/api/resources"),
    ({"app": {"allowedOrigins": ["*"]}}, "/app/allowedOrigins"),
    ({"replicas": 2}, "additional properties"),
    ({"api": {"service": {"type": "ExternalName", "port": 3000}}}, "/api/service/type"),
])
def test_schema_rejects_bad_values(values: dict[str, Any], where: str) -> None:
    with pytest.raises(Exception, match="schema") as info:
        render(values)
    assert where in str(info.value)
