# No USER: the base image's user (root) runs the server. One finding, at the FROM of the final stage.
FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY server /server
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
