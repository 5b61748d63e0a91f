# A version tag but no digest: the tag can be moved to other content.
FROM registry.example.com/base:1.4.2
COPY server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
