package shipshape.rules.healthcheck_required_test

import data.shipshape.rules.healthcheck_required
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := healthcheck_required.findings with input as doc
}

no_probes := fx.container_without(["livenessProbe", "readinessProbe"])

test_kubernetes_one_finding_per_missing_probe if {
	found := findings(fx.deployment({"containers": [no_probes]}))
	{f.field | some f in found} == {
		["spec", "template", "spec", "containers", 0, "livenessProbe"],
		["spec", "template", "spec", "containers", 0, "readinessProbe"],
	}
	[f] := findings(fx.pod({"containers": [fx.container_without(["readinessProbe"])]}))
	f.message == "container app of Pod/web has no working readinessProbe"
}

test_kubernetes_long_running_kinds_need_probes if {
	every kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"] {
		count(findings(fx.workload(kind, {"containers": [no_probes]}))) == 2
	}
}

test_kubernetes_jobs_and_cron_jobs_are_exempt if {
	count(findings(fx.workload("Job", {"containers": [no_probes]}))) == 0
	count(findings(fx.cron_job({"containers": [no_probes]}))) == 0
}

test_one_shot_pods_are_exempt_like_jobs if {
	every policy in ["Never", "OnFailure"] {
		count(findings(fx.pod({"restartPolicy": policy, "containers": [no_probes]}))) == 0
	}
	every spec in [{"restartPolicy": "Always", "containers": [no_probes]}, {"containers": [no_probes]}] {
		count(findings(fx.pod(spec))) == 2
	}
}

test_kubernetes_plain_init_containers_are_exempt if {
	count(findings(fx.pod({"containers": [fx.container], "initContainers": [no_probes]}))) == 0
}

test_kubernetes_native_sidecars_need_probes if {
	sidecar := object.union(no_probes, {"name": "proxy", "restartPolicy": "Always"})
	found := findings(fx.pod({"containers": [fx.container], "initContainers": [sidecar]}))
	count(found) == 2
	every f in found {
		f.container == "proxy"
	}
}

test_kubernetes_ephemeral_containers_are_exempt if {
	count(findings(fx.pod({"containers": [fx.container], "ephemeralContainers": [no_probes]}))) == 0
}

test_compose_missing_healthcheck_fails if {
	[f] := findings(fx.compose(fx.service_without(["healthcheck"])))
	f.field == ["services", "web", "healthcheck"]
	f.message == "service web has no working healthcheck"
}

test_compose_disabled_healthcheck_fails if {
	[f] := findings(fx.compose(fx.service_with({"healthcheck": {"disable": true}})))
	f.field == ["services", "web", "healthcheck", "disable"]
	[g] := findings(fx.compose(fx.service_with({"healthcheck": {"test": ["NONE"]}})))
	g.field == ["services", "web", "healthcheck", "test"]
}

test_inspect_missing_healthcheck_fails if {
	[f] := findings([fx.inspect_container_without(["Config/Healthcheck"])])
	f.field == [0, "Config", "Healthcheck"]
	count(findings(fx.inspect_container_with({"Config": {"Healthcheck": null}}))) == 1
	count(findings(fx.inspect_container_with({"Config": {"Healthcheck": {"Test": []}}}))) == 1
}

test_inspect_disabled_healthcheck_fails if {
	[f] := findings(fx.inspect_container_with({"Config": {"Healthcheck": {"Test": ["NONE"]}}}))
	f.field == ["Config", "Healthcheck", "Test"]
}

test_image_inspect_healthcheck if {
	count(findings(fx.inspect_image_without(["Config/Healthcheck"]))) == 1
	count(findings(fx.inspect_image_with({"Config": {"Healthcheck": {"Test": ["NONE"]}}}))) == 1
}

test_a_test_starting_with_none_is_disabled if {
	count(findings(fx.compose(fx.service_with({"healthcheck": {"test": ["NONE", "curl", "-f", "http://x"]}})))) == 1
	count(findings([fx.inspect_container_with({"Config": {"Healthcheck": {"Test": ["NONE", "x"]}}})])) == 1
}

test_kubernetes_custom_resources_with_a_pod_template_are_checked if {
	rollout := {
		"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": {"name": "web"},
		"spec": {"template": {"spec": {"containers": [fx.container_without(["livenessProbe"])]}}},
	}
	[f] := findings(rollout)
	f.object == "Rollout/web"
	f.field == ["spec", "template", "spec", "containers", 0, "livenessProbe"]
	scaled_job := {
		"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledJob", "metadata": {"name": "batch"},
		"spec": {"jobTargetRef": {"template": {"spec": {"containers": [fx.container_without(["livenessProbe"])]}}}},
	}
	count(findings(scaled_job)) == 0 # runs to completion, as a Job does
	never := {"restartPolicy": "Never", "containers": [fx.container_without(["livenessProbe"])]}
	count(findings(object.union(rollout, {"spec": {"template": {"spec": never}}}))) == 0
}

# Dockerfile

test_dockerfile_without_healthcheck_fails if {
	[f] := findings(fx.dockerfile_without([6]))
	f.field == [2]
	f.message == "Dockerfile stage 1 has no working HEALTHCHECK"
}

test_dockerfile_healthcheck_none_disables_the_base_one if {
	[f] := findings(fx.dockerfile_with([fx.instruction("healthcheck", 1, ["NONE"])]))
	f.field == [7]
}

test_dockerfile_build_stages_need_no_healthcheck if {
	count(findings(fx.dockerfile)) == 0
}

# Compose with the image's config known (x-shipshape-image): the image's HEALTHCHECK runs when the service sets none.
test_compose_known_image_health_check_counts if {
	service := fx.service_without(["healthcheck"])
	with_check := {"x-shipshape-image": {"ref": "app:1", "user": "10001", "healthcheck": true}}
	count(healthcheck_required.findings) == 0 with input as fx.compose(object.union(service, with_check))
	without := {"x-shipshape-image": {"ref": "app:1", "user": "10001", "healthcheck": false}}
	count(healthcheck_required.findings) == 1 with input as fx.compose(object.union(service, without))
}
