# syntax=docker/dockerfile:1
# One image per app, all from this file (ADR 0006):
#   docker build --build-arg APP=referentials -t certif/referentials .
# APP: gateway, referentials, candidates, sessions or issuing (infra/services.json).
# The image runs `node main.js` under tini, as an unprivileged user, with production dependencies
# only; `node migrate.js` (database services) applies the migrations, `node events-admin.js` is
# the events tool (docs/operations.md).

# Node 24, the active LTS line, on Debian 13 (tini comes from Debian too): the major that
# package.json's `engines` names, checked by tools/deploy-checks (image-definition.spec.ts).
ARG NODE_IMAGE=node:24-trixie-slim

# ---- toolchain: npm compiles better-sqlite3 from source; python3/make/g++ stay in build stages.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# better-sqlite3 12 is compiled against the headers of the Node that package.json pins (the `node`
# devDependency, ADR 0016), from the registry's node-linux-<arch> package: built against 24.19+
# headers, it aborts the process when a statement is garbage-collected (nodejs/node#65446). The
# ABI is the same for every 24.x, so it runs on the image's Node.
ARG NODE_HEADERS_VERSION=24.18.1
RUN cd /tmp \
  && npm pack --silent "node-linux-$(node -p process.arch)@${NODE_HEADERS_VERSION}" \
  && mkdir -p /opt/node-headers \
  && tar -xzf node-linux-*.tgz -C /opt/node-headers --strip-components=1 package/include \
  && rm node-linux-*.tgz
ENV npm_config_nodedir=/opt/node-headers \
    npm_config_build_from_source=true
WORKDIR /app
COPY package.json package-lock.json ./

# ---- build: every dependency, then tsc for this app only (tools/build/build-apps.mjs).
FROM toolchain AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY infra/services.json infra/services.json
COPY tools tools
COPY libs libs
COPY apps apps
ARG APP
RUN test -n "${APP}" || { echo 'build with --build-arg APP=<app> (see infra/services.json)' >&2; exit 1; }
RUN node tools/build/build-apps.mjs "${APP}"

# ---- production dependencies, compiled for the same Node and libc as the runtime.
# --omit=optional too: TypeORM names ts-node as an optional peer, so `--omit=dev` alone would
# still install ts-node and typescript (devOptional in the lockfile). production-bundle.slow.spec.ts
# runs this command and starts the bundles on what it installs.
FROM toolchain AS production-dependencies
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --no-audit --no-fund

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
# Owned by root and read-only for the app's user: the code cannot be changed at run time.
COPY --from=production-dependencies /app/node_modules ./node_modules
ARG APP
# main.js & co., the compiled modules and node_modules/@certif (the workspace aliases).
COPY --from=build /app/dist/apps/${APP}/ ./
LABEL org.opencontainers.image.title="certif-${APP}" \
      org.opencontainers.image.description="Certification platform: ${APP}"
# The `node` user of the base image, numeric so that Kubernetes can check runAsNonRoot.
USER 1000:1000
# healthcheck.js: GET /healthz on $PORT (or the app's default port); slim images have no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "healthcheck.js"]
# tini is PID 1: it forwards SIGTERM to node (which stops gracefully) and reaps zombies.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "main.js"]
