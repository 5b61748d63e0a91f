# METADATA
# title: Containers must not run as root
# description: |
#   A process running as root inside a container is root on the host as soon as it escapes the container
#   (a kernel bug, a mounted socket, a privileged flag), and it can rewrite everything in its own filesystem.
#   The container must run as a non-root user, and in Kubernetes the kubelet must be told to enforce it.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.1
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted, Running as Non-root
# custom:
#   id: no-root-user
#   severity: high
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 4.1 (Ensure that a user for the container has been created)
#     - Kubernetes Pod Security Standards, Restricted profile (Running as Non-root)
#   remediation:
#     docker: >-
#       Create a user in the image (`RUN useradd -u 10001 app` and `USER 10001`) or run with `--user 10001`.
#     compose: >-
#       Set `user:` on the service to a non-root uid (`user: "10001"`) or a named non-root user.
#     kubernetes: |
#       Set `securityContext.runAsNonRoot: true` (on the pod or the container) and a non-zero `runAsUser`;
#       a container-level `runAsNonRoot: false` or `runAsUser: 0` overrides the pod. The restricted profile
#       (the default) follows the Pod Security Standard's letter: `runAsNonRoot: true` even with a non-zero
#       `runAsUser`, and no pod-level `runAsNonRoot: false` or `runAsUser: 0` whatever the containers set.
#     dockerfile: >-
#       End the final stage with a numeric non-root user (`RUN useradd -u 10001 app` and `USER 10001`, or a
#       distroless `:nonroot` base with `USER 65532`); without USER, the base image's user (usually root) runs it.
package shipshape.rules.no_root_user

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.user.path) |
	some container in model.containers
	container.user.may_be_root
	message := concat("", [result.subject(container), " ", container.user.claim, ": ", container.user.reason])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
