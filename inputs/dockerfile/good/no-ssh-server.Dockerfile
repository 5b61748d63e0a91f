# The SSH client is fine; the container is reached with `docker exec` or `kubectl exec`, not sshd.
FROM registry.example.com/debian:12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
RUN apt-get update \
    && apt-get install -y --no-install-recommends openssh-client \
    && rm -rf /var/lib/apt/lists/*
COPY server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
