# An index update alone, an apt install that keeps /var/lib/apt/lists, and a pip install that keeps its cache:
# three findings. The last RUN keeps pip's cache in a cache mount, outside the layer, and passes.
FROM registry.example.com/python:3.12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
RUN apt-get update
RUN apt-get install -y --no-install-recommends libpq5
COPY requirements.txt .
RUN pip install -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install gunicorn
COPY --chown=10001 app ./app
USER 10001
HEALTHCHECK CMD ["python", "-m", "app.healthcheck"]
CMD ["gunicorn", "app:wsgi"]
