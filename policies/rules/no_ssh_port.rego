# METADATA
# title: No SSH port
# description: |
#   A container that exposes port 22 usually runs an SSH daemon: another service to patch, another set of
#   credentials, and a way around the platform's own access controls. Use `docker exec` or `kubectl exec`.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.6
# custom:
#   id: no-ssh-port
#   severity: medium
#   level: warn
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.6 (Ensure sshd is not run within containers)
#   remediation:
#     docker: >-
#       Do not publish or expose port 22; remove sshd from the image and use `docker exec`.
#     compose: >-
#       Remove port 22 from `ports` and `expose`; use `docker compose exec`.
#     kubernetes: >-
#       Remove `containerPort: 22`; use `kubectl exec` or an ephemeral debug container.
#     dockerfile: >-
#       Remove `EXPOSE 22` and the SSH daemon; use `docker exec` or `kubectl exec`.
package shipshape.rules.no_ssh_port

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, port.path) |
	some container in model.containers
	some port in container.ports
	port.port == 22
	message := concat("", [result.subject(container), " exposes port 22 (SSH)"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
