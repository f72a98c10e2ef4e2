# Yozuv: one image for the web server (the default command) and the transcription workers
# (`node worker.mjs`). See the README's "Deploying" section and docker-compose.yml.
#
# The runtime stage copies one folder, the standalone bundle that `npm run build` completes
# (server.js, worker.mjs, .next/static, public, db/migrations, the whisper.cpp binding with its native
# binary, the static ffmpeg, PGlite's WASM files and the PDF fonts, plus only the node_modules files
# the server uses). tests/bundle/copied-bundle.test.ts copies exactly what the COPY lines of the last
# stage name into an empty folder and signs in, uploads and transcribes from there, so keep every file
# the image needs in those COPY lines.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    PGLITE_DIR=/data/pglite \
    UPLOAD_DIR=/data/uploads \
    MODELS_DIR=/models
COPY --from=build /app/.next/standalone ./
# The app's files stay root's (read-only to the server); only the data and model folders are the
# node user's. Next writes its cache under .next/cache.
RUN mkdir -p /data /models /app/.next/cache && chown node:node /data /models /app/.next/cache
USER node
VOLUME ["/data", "/models"]
EXPOSE 3000
# Liveness only; orchestrators that route traffic should also use /api/ready (database, migrations,
# storage, engine). Node's fetch, since the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop): uploads in flight finish or are cleaned up, embedded workers hand their jobs
# back, then the server exits 0; give it SHUTDOWN_GRACE_MS plus WORKER_SHUTDOWN_GRACE_MS (stop_grace_period).
CMD ["node", "server.js"]
