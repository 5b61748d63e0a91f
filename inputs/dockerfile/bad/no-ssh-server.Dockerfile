# Installs an SSH daemon and runs it as the entrypoint: two findings.
FROM registry.example.com/debian:12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
RUN apt-get update \
    && apt-get install -y --no-install-recommends openssh-server \
    && rm -rf /var/lib/apt/lists/*
COPY server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/usr/sbin/sshd", "-D", "-e"]
