# syntax=docker/dockerfile:1
# The admission webhook image. Build the package first (it carries the compiled policy, so no Go is needed
# here): `npm pack` then `docker build --build-arg PACKAGE=shipshape-0.1.0.tgz -t shipshape .`
# Both stages use the same base, pinned by digest; bump it deliberately.

FROM docker.io/library/node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS build
ARG PACKAGE=shipshape-0.1.0.tgz
# tini forwards signals to node and reaps zombies as PID 1.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/shipshape
COPY ${PACKAGE} /tmp/shipshape.tgz
RUN npm install --omit=dev --no-audit --no-fund --prefix /opt/shipshape /tmp/shipshape.tgz \
 && npm cache clean --force

FROM docker.io/library/node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0
COPY --from=build /usr/bin/tini /usr/bin/tini
COPY --from=build /opt/shipshape /opt/shipshape
ENV NODE_ENV=production
# A numeric non-root user (Kubernetes can verify runAsNonRoot against it); run with a read-only root filesystem.
USER 10001:10001
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s \
  CMD ["node", "-e", "require('https').get({host:'127.0.0.1',port:8443,path:'/healthz',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/opt/shipshape/node_modules/shipshape/bin/shipshape.js"]
CMD ["serve", "--port=8443", "--tls-cert=/tls/tls.crt", "--tls-key=/tls/tls.key"]
