# Exec form: node is PID 1 and gets the SIGTERM itself (a script that ends in `exec node server.js` passes too).
FROM registry.example.com/node:20.18-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
WORKDIR /app
COPY --chown=10001 . .
USER 10001
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["node", "server.js"]
