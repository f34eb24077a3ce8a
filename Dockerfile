# syntax=docker/dockerfile:1
# Docsy server image: compiled server + built UI, running against an external Postgres.
#   docker build -t docsy .
#   docker run -e DATABASE_URL=postgres://… -e JWT_SECRET=… -p 8000:8000 docsy

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json vite.config.ts ./
COPY server ./server
COPY ui ./ui
# Type-checks and compiles the server into dist/, builds the UI into ui/dist.
RUN npm run build

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DOCSY_REQUIRE_DATABASE_URL=1
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/ui/dist ./ui/dist
COPY --chown=node:node archetypes ./archetypes
COPY --chown=node:node templates ./templates
# The shipped terminology value sets, loaded at start (server/app.ts reads them from the source tree).
COPY --chown=node:node server/terminology/value-sets ./server/terminology/value-sets
USER node
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from the orchestrator closes the server gracefully (in-flight requests finish).
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
