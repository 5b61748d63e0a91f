# The installer is downloaded to a file and checked against its published checksum before it runs.
FROM registry.example.com/debian:12-slim@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31 AS build
ARG RUSTUP_SHA256=6aeece6993e902708983b209d04c0d1dbb14ebb405ddb87def578d41f920f56d
RUN curl -fsSLo /tmp/rustup-init https://static.rust-lang.org/rustup/archive/1.28.2/x86_64-unknown-linux-gnu/rustup-init \
    && echo "${RUSTUP_SHA256}  /tmp/rustup-init" | sha256sum -c - \
    && chmod +x /tmp/rustup-init && /tmp/rustup-init -y --profile minimal
COPY . /src
RUN /root/.cargo/bin/cargo build --release --manifest-path /src/Cargo.toml

FROM registry.example.com/base:1.4.2@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
COPY --from=build /src/target/release/server /server
USER 10001
HEALTHCHECK CMD ["/server", "healthcheck"]
ENTRYPOINT ["/server"]
