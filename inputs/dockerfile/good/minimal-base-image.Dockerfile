# The slim variant of the same image.
FROM registry.example.com/python:3.12-slim-bookworm@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY --chown=10001 app /app
USER 10001
HEALTHCHECK CMD ["python", "-m", "app.healthcheck"]
CMD ["python", "-m", "app"]
