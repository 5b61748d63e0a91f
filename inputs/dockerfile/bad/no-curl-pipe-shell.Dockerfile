# The builder stage pipes an installer straight into sh: one finding. Piping JSON into python3 -c reads it as
# data, and passes.
FROM registry.example.com/debian:12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 AS build
RUN curl -fsSL https://sh.rustup.rs | sh -s -- -y --profile minimal
RUN curl -fsSL https://api.github.com/repos/org/app/releases/latest | python3 -c 'import json,sys; print(json.load(sys.stdin)["tag_name"])'
COPY . /src
RUN /root/.cargo/bin/cargo build --release --manifest-path /src/Cargo.toml

FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY --from=build /src/target/release/server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
