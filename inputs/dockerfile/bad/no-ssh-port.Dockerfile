# EXPOSE 22: an SSH daemon is expected. One finding; 8080 passes.
FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY server /server
USER 10001
EXPOSE 22 8080/tcp
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
