# syntax=docker/dockerfile:1
#
# breachflow: one image, three commands (see docker-compose.yml and deploy/README.md):
#
#   node dist/apps/api/src/main.js       the HTTP API (the default command; the HEALTHCHECK probes it)
#   node dist/apps/worker/src/main.js    the Temporal worker (run it with the health check disabled)
#   node dist/scripts/migrate.js         applies the database migrations, then exits
#
# Configuration comes only from the environment (README.md, "Configuration"); the image holds
# no secret and no demo data: with NODE_ENV=production the demo users are never seeded.
#
# Node 24 LTS. For reproducible builds pin the base image by digest, e.g.
#   docker build --build-arg NODE_IMAGE=node:24-bookworm-slim@sha256:<digest> .
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: all dependencies, the SWC build into dist/, then the dev dependencies pruned away.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false

# Dependencies first, so that a source change does not reinstall them.
# Exactly what package-lock.json says (it lists every platform's optional native packages).
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# Sources (.dockerignore keeps node_modules, dist, .data, .tools, tests and secrets out).
COPY . .

# dist/ from apps, libs, workflows, migrations, scripts and bench, and the web app's bundle in
# dist/web (scripts/bootstrap.mjs build; the web app's libraries are dev dependencies: bundled).
# The worker bundles dist/workflows/index.js, and the libs it imports, when it starts.
RUN node scripts/bootstrap.mjs build \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/workflows/index.js \
 && test -f dist/scripts/migrate.js \
 && test -f dist/web/index.html \
 && mkdir -p templates

# Only what runs in production stays: everything the API, the worker (including its workflow
# bundler) and the migration runner import is in "dependencies".
RUN npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime: node_modules (production), dist/, templates/; owned by root, run as `node`.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# CA certificates for TLS from the Temporal SDK's native core (managed Temporal, TLS databases).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app

# Root-owned and read-only for the `node` user: the processes cannot change their own code.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/templates ./templates

USER node
EXPOSE 3000

# The API's health (200 when PostgreSQL and Temporal both answer, 503 otherwise). The image's
# other commands (worker, migrate) serve no HTTP: disable the check for them
# (`docker run --no-healthcheck`, or `healthcheck: { disable: true }` in compose).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/apps/api/src/main.js"]

LABEL org.opencontainers.image.title="breachflow" \
      org.opencontainers.image.description="GDPR breach-notification workflow engine: API, Temporal worker and migration runner" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
