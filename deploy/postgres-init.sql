-- First start of the compose PostgreSQL (an empty volume only; the image's entrypoint runs this
-- file once, as the superuser, through psql). Creates one role and one database per system, so
-- that breachflow's case file and Temporal's persistence never share a database or a login:
--
--   breachflow            owned by role breachflow  (MIGRATION_DATABASE_URL of migrate); the api and
--                         worker connect as breachflow_app (DATABASE_URL), which the migrations
--                         grant everything but UPDATE, DELETE and TRUNCATE on the audit trail
--   temporal              owned by role temporal    (Temporal history, auto-setup applies the schema)
--   temporal_visibility   owned by role temporal    (Temporal visibility, incl. search attributes)
--
-- Passwords come from the container's environment (psql \getenv, PostgreSQL 15+), set in
-- docker-compose.yml from BREACHFLOW_DB_PASSWORD, BREACHFLOW_APP_DB_PASSWORD and
-- TEMPORAL_DB_PASSWORD; none is written here.
-- Changing those variables later does not change the roles: use ALTER ROLE ... PASSWORD.

\set ON_ERROR_STOP on

\getenv breachflow_password BREACHFLOW_DB_PASSWORD
\getenv app_password BREACHFLOW_APP_DB_PASSWORD
\getenv temporal_password TEMPORAL_DB_PASSWORD

\if :{?breachflow_password}
\else
  \warn 'BREACHFLOW_DB_PASSWORD is not set in the postgres container'
  SELECT 1/0 AS breachflow_db_password_missing;
\endif
\if :{?app_password}
\else
  \warn 'BREACHFLOW_APP_DB_PASSWORD is not set in the postgres container'
  SELECT 1/0 AS breachflow_app_db_password_missing;
\endif
\if :{?temporal_password}
\else
  \warn 'TEMPORAL_DB_PASSWORD is not set in the postgres container'
  SELECT 1/0 AS temporal_db_password_missing;
\endif

-- breachflow: the application owns its database; the schema comes only from its migrations.
CREATE ROLE breachflow LOGIN PASSWORD :'breachflow_password';
CREATE DATABASE breachflow OWNER breachflow;
REVOKE ALL ON DATABASE breachflow FROM PUBLIC;
-- The runtime role: created here because the owner may not create roles; its privileges come
-- from the migrations (migrations/1764950000000-audit-seal-and-runtime-role.ts).
CREATE ROLE breachflow_app LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE breachflow TO breachflow_app;

-- Temporal: auto-setup runs with SKIP_DB_CREATE=true and applies its schemas to these two.
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE temporal FROM PUBLIC;
REVOKE ALL ON DATABASE temporal_visibility FROM PUBLIC;
