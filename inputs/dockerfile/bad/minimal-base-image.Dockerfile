# The final stage runs on the full python image (compilers, headers, hundreds of packages): one finding. It
# comes from Docker Hub, outside the samples' trusted registry, so trusted-registries reports it too.
FROM docker.io/library/python:3.12-bookworm@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY --chown=10001 app /app
USER 10001
HEALTHCHECK CMD ["python", "-m", "app.healthcheck"]
CMD ["python", "-m", "app"]
