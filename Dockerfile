# imops: the chat-ops bot (`imops serve`): device upload API, /healthz, /readyz, /metrics, Slack and Discord.
#   docker build -t imops .
#   docker run -p 3000:3000 -v imops-data:/data -e IMOPS_SDKAPPID=… -e IMOPS_SECRET_KEY=… imops
# Several replicas: -e IMOPS_DATABASE_URL=postgres://… on each (the /data volume is then unused); see docker-compose.yml.
# Its steps are the npm commands CI runs (.ci/run): npm ci, then the build.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles its native addon when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Dependencies in their own layer, so a source change does not reinstall them. `prepare` (the build) needs the
# sources copied below, hence --ignore-scripts here and `npm rebuild` for the dependencies' install scripts.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
RUN npm run build \
 && test -f dist/bin/imops.js \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    IMOPS_DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# package.json says "type": "module", which Node needs to load dist/ as ESM.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's unprivileged `node` user (uid 1000) owns only the data directory.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Alive = /healthz answers 200. Uses node itself: the slim image has no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (drains requests, closes the store); `docker stop` waits 10 s by default.
CMD ["node", "dist/bin/imops.js", "serve"]
