# The final stage builds on one with a health check, then turns it off with HEALTHCHECK NONE.
FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 AS base
HEALTHCHECK CMD ["/server", "healthcheck"]
FROM base
COPY server /server
USER 10001
HEALTHCHECK NONE
ENTRYPOINT ["/server"]
