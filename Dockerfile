# syntax=docker/dockerfile:1
# Lectern's image: one node (the API, the live rooms' gateway, the projectors) running the compiled server on
# Node 20 LTS as an unprivileged user. Not built or run in this repository's CI (it has no Docker engine); the
# same build (`npm run build`) and start (`NODE_ENV=production npm start`) are tested there without Docker.
# Build: docker build -t lectern .   Run: see compose.yaml and docs/operations.md.

# ---- build: install everything, compile the server to dist/ and the web client to web/dist/
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run: the compiled server, runtime dependencies only, no compiler, no tsx, no vite
FROM node:20-bookworm-slim AS run
# The old space is capped so that garbage is collected before it piles up (docs/operations.md, NODE_OPTIONS).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=256 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/lectern
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY LICENSE ./
# PGlite's data folder, for trying Lectern without Postgres; production sets DATABASE_URL and writes nothing here.
RUN mkdir -p /var/lib/lectern && chown node:node /var/lib/lectern
# The `node` user of the official image (uid 1000), never root.
USER node
EXPOSE 3000
# Ready = migrations applied, the stores reachable, the read models caught up (GET /health/ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/scripts/start.js"]
