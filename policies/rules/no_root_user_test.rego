package shipshape.rules.no_root_user_test

import data.shipshape.rules.no_root_user
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_root_user.findings with input as doc
}

reasons(doc) := [f.message | some f in findings(doc)]

# Kubernetes

test_kubernetes_run_as_user_zero_fails if {
	doc := fx.deployment({"containers": [fx.container_with({"securityContext": {"runAsUser": 0}})]})
	[f] := findings(doc)
	f.rule == "no-root-user"
	f.level == "deny"
	f.object == "Deployment/web"
	f.container == "app"
	f.path == ["spec", "template", "spec", "containers", 0]
	f.field == ["spec", "template", "spec", "containers", 0, "securityContext", "runAsUser"]
	f.message == "container app of Deployment/web may run as root: runAsUser is 0"
}

test_kubernetes_run_as_user_zero_fails_under_run_as_non_root_true if {
	container := fx.container_with({"securityContext": {"runAsNonRoot": true, "runAsUser": 0}})
	count(findings(fx.pod({"containers": [container]}))) == 1
}

test_kubernetes_security_context_absent_fails if {
	doc := fx.pod({"containers": [fx.container_without(["securityContext"])]})
	[f] := findings(doc)
	f.field == ["spec", "containers", 0, "securityContext", "runAsNonRoot"]
	endswith(f.message, "neither runAsNonRoot: true nor a non-zero runAsUser is set")
}

test_kubernetes_pod_run_as_non_root_is_inherited if {
	container := fx.container_without(["securityContext/runAsNonRoot", "securityContext/runAsUser"])
	count(findings(fx.pod({"securityContext": {"runAsNonRoot": true}, "containers": [container]}))) == 0
}

test_kubernetes_pod_run_as_user_is_inherited if {
	container := fx.container_without(["securityContext/runAsNonRoot", "securityContext/runAsUser"])
	count(baseline_findings(fx.pod({"securityContext": {"runAsUser": 1000}, "containers": [container]}))) == 0
	[f] := findings(fx.pod({"securityContext": {"runAsUser": 0}, "containers": [container]}))
	f.field == ["spec", "securityContext", "runAsUser"]
}

test_kubernetes_container_run_as_user_overrides_pod if {
	container := fx.container_with({"securityContext": {"runAsUser": 0}})
	count(findings(fx.pod({"securityContext": {"runAsUser": 1000}, "containers": [container]}))) == 1
	safe := fx.container_with({"securityContext": {"runAsNonRoot": false, "runAsUser": 1000}})
	count(baseline_findings(fx.pod({"securityContext": {"runAsUser": 0}, "containers": [safe]}))) == 0
}

# The kubelet's reading, which a rule enabled by name under the baseline profile keeps.
baseline_findings(doc) := result if {
	result := no_root_user.findings with input as doc with data.shipshape.profile as "baseline"
}

# Restricted (the default profile): the standard's letter, as k8s.io/pod-security-admission checks it.

uid_only := fx.container_with({"securityContext": {"runAsUser": 10001}})

test_kubernetes_restricted_non_zero_uid_alone_fails if {
	container := json.remove(uid_only, ["securityContext/runAsNonRoot"])
	[f] := findings(fx.pod({"containers": [container]}))
	f.field == ["spec", "containers", 0, "securityContext", "runAsNonRoot"]
	startswith(f.message, "container app of Pod/web does not require a non-root user: runAsNonRoot: true is not set")
	count(baseline_findings(fx.pod({"containers": [container]}))) == 0
}

test_kubernetes_restricted_pod_false_is_not_lifted_by_container_true if {
	doc := fx.pod({"securityContext": {"runAsNonRoot": false}, "containers": [uid_only]})
	[f] := findings(doc)
	f.field == ["spec", "securityContext", "runAsNonRoot"]
	contains(f.message, "does not require a non-root user: the pod's runAsNonRoot is false")
	count(baseline_findings(doc)) == 0
}

test_kubernetes_restricted_pod_uid_zero_is_not_lifted_by_container_uid if {
	doc := fx.pod({"securityContext": {"runAsUser": 0}, "containers": [uid_only]})
	[f] := findings(doc)
	f.field == ["spec", "securityContext", "runAsUser"]
	count(baseline_findings(doc)) == 0
}

test_kubernetes_restricted_container_false_with_uid_fails if {
	container := fx.container_with({"securityContext": {"runAsNonRoot": false, "runAsUser": 10001}})
	[f] := findings(fx.pod({"containers": [container]}))
	contains(f.message, "runAsNonRoot is false (Restricted")
}

test_kubernetes_restricted_pod_true_covers_containers if {
	container := json.remove(uid_only, ["securityContext/runAsNonRoot"])
	count(findings(fx.pod({"securityContext": {"runAsNonRoot": true}, "containers": [container]}))) == 0
}

test_kubernetes_container_run_as_non_root_false_overrides_pod if {
	container := fx.container_with({"securityContext": {"runAsNonRoot": false}})
	without_uid := json.remove(container, ["securityContext/runAsUser"])
	[f] := findings(fx.pod({"securityContext": {"runAsNonRoot": true}, "containers": [without_uid]}))
	endswith(f.message, "runAsNonRoot is false")
}

test_kubernetes_pod_run_as_non_root_false_fails if {
	container := fx.container_without(["securityContext/runAsNonRoot", "securityContext/runAsUser"])
	[f] := findings(fx.pod({"securityContext": {"runAsNonRoot": false}, "containers": [container]}))
	f.field == ["spec", "securityContext", "runAsNonRoot"]
}

test_kubernetes_quoted_uid_counts_as_number if {
	container := fx.container_with({"securityContext": {"runAsUser": "0"}})
	count(findings(fx.pod({"containers": [container]}))) == 1
}

test_kubernetes_init_and_ephemeral_containers_are_checked if {
	root := fx.container_without(["securityContext"])
	doc := fx.pod({
		"containers": [fx.container],
		"initContainers": [object.union(root, {"name": "setup"})],
		"ephemeralContainers": [object.union(root, {"name": "debug"})],
	})
	{f.container | some f in findings(doc)} == {"setup", "debug"}
}

test_kubernetes_every_workload_kind_is_checked if {
	root := fx.container_without(["securityContext"])
	every kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"] {
		count(findings(fx.workload(kind, {"containers": [root]}))) == 1
	}
}

test_kubernetes_cron_jobs_and_pod_templates_are_checked if {
	root := fx.container_without(["securityContext"])
	count(findings(fx.cron_job({"containers": [root]}))) == 1
	template := {
		"apiVersion": "v1",
		"kind": "PodTemplate",
		"metadata": {"name": "t"},
		"template": {"spec": {"containers": [root]}},
	}
	count(findings(template)) == 1
}

test_kubernetes_list_items_are_checked if {
	root := fx.container_without(["securityContext"])
	items := [fx.pod({"containers": [fx.container]}), fx.pod({"containers": [root]})]
	doc := {"apiVersion": "v1", "kind": "List", "items": items}
	[f] := findings(doc)
	f.path == ["items", 1, "spec", "containers", 0]
}

test_kubernetes_admission_review_object_is_checked if {
	root := fx.container_without(["securityContext"])
	doc := {
		"apiVersion": "admission.k8s.io/v1",
		"kind": "AdmissionReview",
		"request": {"uid": "1", "object": fx.deployment({"containers": [root]})},
	}
	[f] := findings(doc)
	f.path == ["request", "object", "spec", "template", "spec", "containers", 0]
}

# Compose

test_compose_root_user_fails if {
	every user in ["root", "0", 0, "0:1000", "root:root", "", "00", "000", "+0", "-0", "+0:0", " 0", ":1000"] {
		count(findings(fx.compose(fx.service_with({"user": user})))) == 1
	}
}

test_compose_non_root_user_passes if {
	every user in ["10001", 10001, "1000:0", "daemon", "app:app", "+10001", "0x0", "+-0", "rooter"] {
		count(findings(fx.compose(fx.service_with({"user": user})))) == 0
	}
}

test_compose_user_absent_fails if {
	[f] := findings(fx.compose(fx.service_without(["user"])))
	f.object == "service web"
	f.field == ["services", "web", "user"]
	f.message == concat("", [
		"service web may run as root: no user is set, ",
		"so the image's default user runs it (root unless the image sets USER)",
	])
}

# docker inspect

test_inspect_root_user_fails if {
	every user in ["", "root", "0", "0:1000", "root:root", "00", "+0", "-0:0"] {
		count(findings([fx.inspect_container_with({"Config": {"User": user}})])) == 1
	}
}

test_inspect_named_user_passes if {
	count(findings([fx.inspect_container_with({"Config": {"User": "daemon"}})])) == 0
}

test_inspect_user_absent_fails if {
	[f] := findings([fx.inspect_container_without(["Config/User"])])
	f.object == "container /web"
	f.field == [0, "Config", "User"]
}

test_image_inspect_root_user_fails if {
	count(findings(fx.inspect_image_with({"Config": {"User": "0"}}))) == 1
	count(findings(fx.inspect_image_without(["Config/User"]))) == 1
}

# Dockerfile

test_dockerfile_without_user_fails_at_the_final_from if {
	[f] := findings(fx.dockerfile_without([4]))
	f.object == "Dockerfile stage 1"
	f.field == [2]
	startswith(f.message, "Dockerfile stage 1 may run as root: no USER instruction, so the base image's user runs it")
}

test_dockerfile_root_user_fails_and_the_last_user_wins if {
	back_to_non_root := [fx.instruction("user", 1, ["0"]), fx.instruction("user", 1, ["10001"])]
	count(findings(fx.dockerfile_with(back_to_non_root))) == 0
	every user in ["root", "0", "0:0", "+0", "root:app"] {
		count(findings(fx.dockerfile_with([fx.instruction("user", 1, [user])]))) == 1
	}
}

test_dockerfile_user_is_inherited_through_from_stage if {
	doc := [
		fx.instruction("from", 0, [fx.pinned_image, "AS", "base"]),
		fx.instruction("user", 0, ["10001"]),
		fx.instruction("from", 1, ["base"]),
		fx.exec_form("healthcheck", 1, ["CMD", "/server"]),
	]
	count(findings(doc)) == 0
	unrelated := array.concat(array.slice(doc, 0, 2), [fx.instruction("from", 1, [fx.pinned_image]), doc[3]])
	count(findings(unrelated)) == 1
}

test_dockerfile_target_stage_is_a_parameter if {
	doc := fx.dockerfile_with([fx.instruction("from", 2, [fx.pinned_image, "AS", "debug"])])
	[f] := no_root_user.findings with input as doc
	f.object == "Dockerfile stage debug"
	found := no_root_user.findings with input as doc with data.shipshape.dockerfile_target as "BUILD"
	[g] := found
	g.object == "Dockerfile stage build"
}

# Compose with the image's config known (x-shipshape-image, from `docker image inspect`): no guess.

with_image(image) := fx.compose(object.union(fx.service_without(["user"]), {"x-shipshape-image": image}))

test_compose_known_image_user_decides if {
	[f] := findings(with_image({"ref": "nginx:1.27", "user": "", "healthcheck": false}))
	f.field == ["services", "web", "user"]
	f.message == concat("", [
		"service web may run as root: no user is set, and its image nginx:1.27 runs as ",
		"root (the image sets no USER) by default",
	])
	count(findings(with_image({"ref": "app:1", "user": "0:0", "healthcheck": false}))) == 1
	count(findings(with_image({"ref": "app:1", "user": "10001", "healthcheck": false}))) == 0
	count(findings(with_image({"ref": "app:1", "user": "nginx", "healthcheck": false}))) == 0
}

test_compose_own_user_wins_over_the_image if {
	service := object.union(fx.service_with({"user": "0"}), {"x-shipshape-image": {"ref": "a:1", "user": "10001"}})
	count(findings(fx.compose(service))) == 1
}
