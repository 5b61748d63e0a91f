# The npm token and the deploy key are mounted for the one RUN that needs them (`docker build --secret
# id=npmrc,src=.npmrc --ssh default`); configuration comes from the environment at run time.
FROM registry.example.com/node:20.18-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
WORKDIR /app
COPY package.json package-lock.json .env.example ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc --mount=type=ssh \
    mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts && npm ci --omit=dev
COPY --chown=10001 src ./src
USER 10001
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["node", "src/server.js"]
