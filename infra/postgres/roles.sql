-- Production: one login role per service, with rights on its own schema only, so that nothing
-- reads another service's tables. Run once as a superuser on the platform's database:
--   psql "$DATABASE_URL" -v members_password=… -v processes_password=… -v proposals_password=… \
--        -v debates_password=… -v evaluations_password=… -f infra/postgres/roles.sql
-- Each service then connects as itself (DATABASE_URL=postgres://members:…@host/convergences),
-- creates its schema's tables through its migrations, and owns them.

\set ON_ERROR_STOP on

select format('create role %I login password %L', name, password)
from (values
  ('members', :'members_password'),
  ('processes', :'processes_password'),
  ('proposals', :'proposals_password'),
  ('debates', :'debates_password'),
  ('evaluations', :'evaluations_password')
) as roles(name, password)
where not exists (select 1 from pg_roles where rolname = name)
\gexec

-- No one but the owner creates anything in public.
revoke create on schema public from public;

select format('create schema if not exists %1$I authorization %1$I', name)
from (values ('members'), ('processes'), ('proposals'), ('debates'), ('evaluations')) as services(name)
\gexec

select format('revoke all on schema %1$I from public', name)
from (values ('members'), ('processes'), ('proposals'), ('debates'), ('evaluations')) as services(name)
\gexec

-- Text search and similarity (later issues) need these in public, usable by every role.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
