# METADATA
# title: Only the volume types the Pod Security Standards allow
# description: |
#   A hostPath volume hands the pod a directory of the node: whatever the container writes there outlives it,
#   and whatever the node keeps there (credentials, sockets, other pods' data) the container can read. Volume
#   types backed by the node or by storage the cluster admin has not set up (nfs, iscsi, cephfs, a flexVolume
#   driver, a gitRepo that runs git on the node) bypass the storage the cluster vouches for. The Pod Security
#   Standards' baseline profile forbids hostPath volumes; the restricted profile allows only configMap, csi,
#   downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret. Under the baseline profile
#   only hostPath is reported. Every volume of the pod counts, mounted or not, and each is reported once per
#   pod. Kubernetes only: Docker and Compose bind mounts are judged by `no-sensitive-host-mounts` and
#   `no-docker-socket`, since a bind mount of the project directory is how Compose is used.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted, Volume Types
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, HostPath Volumes
# custom:
#   id: volume-types
#   severity: medium
#   level: deny
#   profile: baseline
#   parameters:
#     allowed:
#       description: >-
#         Volume types allowed beyond the restricted list (`nfs`, say, where the cluster admin vouches for the
#         server); `hostPath` here allows host paths too, which `no-sensitive-host-mounts` still judges.
#       schema: {type: array, uniqueItems: true, items: {type: string, minLength: 1}}
#       default: []
#   references:
#     - Kubernetes Pod Security Standards, Restricted profile (Volume Types)
#     - Kubernetes Pod Security Standards, Baseline profile (HostPath Volumes)
#   remediation:
#     kubernetes: >-
#       Use a persistentVolumeClaim (storage the cluster provides), an emptyDir for scratch space, or a
#       configMap, secret, projected or downwardAPI volume for configuration; a node agent that needs the host
#       belongs in a namespace that allows it, with a waiver naming why.
package shipshape.rules.volume_types

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"allowed": []}

allowed := params.param("volume-types", "allowed", parameter_defaults.allowed)

# The restricted profile's list (k8s.io/pod-security-admission, check_restrictedVolumes.go).
restricted_types := {
	"configMap", "csi", "downwardAPI", "emptyDir",
	"ephemeral", "persistentVolumeClaim", "projected", "secret",
}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, volume.path) |
	some container in model.containers
	container.volumes != null
	some volume in container.volumes
	disallowed(volume.type)
	message := concat("", [result.subject(container), " ", says(volume)])
]

disallowed(type) if {
	type == "hostPath"
	not type in allowed
}

disallowed(type) if {
	params.profile != "baseline"
	not type in restricted_types
	not type in allowed
}

says(volume) := concat("", ["mounts the node's filesystem through the hostPath volume ", name(volume)]) if {
	volume.type == "hostPath"
} else := concat("", [
	"uses the volume ", name(volume), " of type ", volume.type,
	", outside the types the restricted profile allows",
])

name(volume) := volume.name if is_string(volume.name)

else := "(unnamed)"

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
