# The API alone (docker-compose.yml gives it a Neo4j). No Java or Maven: NEO4J_URI names the database.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
