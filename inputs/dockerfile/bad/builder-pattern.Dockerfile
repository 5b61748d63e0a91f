# One stage that compiles the dependencies and ships the compiler and headers with them: one finding.
FROM registry.example.com/python:3.12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev libpq5 \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=10001 app ./app
USER 10001
HEALTHCHECK CMD ["python", "-m", "app.healthcheck"]
CMD ["gunicorn", "app:wsgi"]
