# The API alone (docker-compose.yml gives it a Neo4j). No Java or Maven: NEO4J_URI names the database.
# Node 24, the current LTS. The API runs as the image's unprivileged `node` user, which cannot change its own code
# (copied as root, readable by all).
FROM node:24-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
USER node
EXPOSE 4000
# /health answers within a second, 503 while Neo4j is down.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/main.ts"]
