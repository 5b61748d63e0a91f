# A token baked into ENV and a password as an ARG default: two findings; *_FILE paths and ARGs without a
# default are not secrets.
FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
ARG NPM_TOKEN
ARG DB_PASSWORD=changeme
ENV API_TOKEN=s3cr3t-t0k3n DB_PASSWORD_FILE=/run/secrets/db
COPY server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
