# An npm token file and a .env copied in, and a deploy key written by a RUN: three findings. The .env.example
# template and the known_hosts file are not secrets.
FROM registry.example.com/node:20.18-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
WORKDIR /app
COPY package.json package-lock.json .npmrc .env.example ./
COPY .env /app/.env
RUN mkdir -p /root/.ssh && echo "$DEPLOY_KEY" > /root/.ssh/id_ed25519 \
    && ssh-keyscan github.com >> /root/.ssh/known_hosts && npm ci --omit=dev
COPY --chown=10001 src ./src
USER 10001
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["node", "src/server.js"]
