# A builder pulled as latest and a final base whose tag comes from an ARG without a default: both unpinned
# (and neither has a digest).
ARG BASE_TAG
FROM registry.example.com/golang:latest AS build
RUN go build -o /out/server .
FROM registry.example.com/base:${BASE_TAG}
COPY --from=build /out/server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
