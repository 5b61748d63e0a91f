# An init downloaded with ADD and nothing to verify it: one finding. The ADD with --checksum passes.
FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
ADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini-static
COPY server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/tini", "--", "/server"]
