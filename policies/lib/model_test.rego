package shipshape.lib.model_test

import data.shipshape.lib.model
import data.shipshape.test.fixtures_test as fx

shape_of(doc) := shape if {
	shape := model.shape with input as doc
} else := "skipped"

containers_of(doc) := containers if {
	containers := model.containers with input as doc
}

test_dockerfile_stages_become_an_image_record_and_build_records if {
	shape_of(fx.dockerfile) == "dockerfile"
	[image, build] := [[c.role, c.object, c.path] | some c in containers_of(fx.dockerfile)]
	image == ["image", "Dockerfile stage 1", [2]]
	build == ["build", "Dockerfile stage build", [0]]
}

test_shapes_are_recognised if {
	shape_of(fx.deployment({"containers": [fx.container]})) == "kubernetes"
	shape_of(fx.compose(fx.service)) == "compose"
	shape_of([fx.inspect_container]) == "docker"
	shape_of(fx.inspect_container) == "docker"
	shape_of(fx.inspect_image) == "docker"
}

test_empty_inspect_array_is_docker_with_no_containers if {
	shape_of([]) == "docker"
	containers_of([]) == []
}

test_empty_compose_services_is_compose if {
	shape_of({"services": null}) == "compose"
	containers_of({"services": null}) == []
}

# A Helm values file with a `services:` section is not Compose: Compose allows only its own keys (and x-).
test_only_compose_keys_make_a_compose_file if {
	values := {"replicaCount": 1, "services": {"web": {"type": "ClusterIP", "port": 80}}}
	shape_of(values) == "skipped"
	shape_of({"services": {"web": {"image": "a:1", "type": "ClusterIP"}}}) == "skipped"
	shape_of({"services": {"web": {"image": "a:1", "x-team": "a"}}, "x-common": {}, "name": "p"}) == "compose"
	shape_of({"services": {"web": null}}) == "compose"
}

test_unrecognised_documents_are_skipped if {
	every doc in [{"foo": 1}, [1, 2], "text", {"services": "web"}, [{"Config": {}}], {"Config": {}}, null] {
		shape_of(doc) == "skipped"
	}
}

test_kubernetes_non_workloads_have_no_containers if {
	containers_of({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {}}) == []
	containers_of({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}) == []
}

test_container_records_name_their_owner if {
	[c] := containers_of(fx.cron_job({"containers": [fx.container]}))
	c.object == "CronJob/nightly"
	c.path == ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0]
	[d] := containers_of([fx.inspect_container])
	d.object == "container /web"
	d.name == "web"
	[i] := containers_of(fx.inspect_image)
	i.object == "image registry.example.com/app:1.4.2"
}

test_generate_name_and_unnamed_owners if {
	pod := json.remove(fx.pod({"containers": [json.remove(fx.container, ["name"])]}), ["metadata/name"])
	[c] := containers_of(object.union(pod, {"metadata": {"generateName": "web-"}}))
	c.object == "Pod/web-"
	c.name == "(unnamed)"
	[d] := containers_of(pod)
	d.object == "Pod/(unnamed)"
}

test_compose_container_name_is_used if {
	[c] := containers_of(fx.compose(fx.service_with({"container_name": "web-1"})))
	c.name == "web-1"
	c.object == "service web"
}

test_list_skips_non_object_items if {
	doc := {"apiVersion": "v1", "kind": "List", "items": [1, fx.pod({"containers": [fx.container]})]}
	[c] := containers_of(doc)
	c.path == ["items", 1, "spec", "containers", 0]
}

test_input_type_reads_a_document_of_that_outline_only if {
	both := {"apiVersion": "v1", "kind": "Config", "services": {"web": {"image": "a:1"}}}
	forced := model.shape with input as both with data.shipshape.input_type as "compose"
	forced == "compose"
	[c] := model.containers with input as both with data.shipshape.input_type as "compose"
	c.object == "service web"
	mismatch := model.shape with input as {"services": {"web": {}}} with data.shipshape.input_type as "kubernetes"
	mismatch == null
	none := model.containers with input as {"services": {"web": {}}} with data.shipshape.input_type as "docker"
	none == []
}

test_unknown_input_type_is_ignored if {
	shape := model.shape with input as {"services": {}} with data.shipshape.input_type as "helm"
	shape == "compose"
}

test_lists_within_lists_are_flattened_as_kubectl_does if {
	pod := fx.pod({"containers": [fx.container]})
	inner := {"apiVersion": "v1", "kind": "List", "items": [pod, {"apiVersion": "v1", "kind": "List", "items": [pod]}]}
	doc := {"apiVersion": "v1", "kind": "List", "items": [inner, pod]}
	{c.path | some c in containers_of(doc)} == {
		["items", 0, "items", 0, "spec", "containers", 0],
		["items", 0, "items", 1, "items", 0, "spec", "containers", 0],
		["items", 1, "spec", "containers", 0],
	}
}

test_inspect_output_mixing_containers_and_networks_judges_each_element if {
	network := {"Name": "bridge", "Id": "abc", "Driver": "bridge", "Containers": {}}
	shape_of([network, fx.inspect_container, fx.inspect_image]) == "docker"
	[c.kind | some c in containers_of([network, fx.inspect_container, fx.inspect_image])] == ["container", "image"]
	shape_of([network]) == "skipped"
}

test_every_shape_yields_exactly_the_model_fields if {
	documents := [
		fx.deployment({"containers": [fx.container], "initContainers": [fx.container]}),
		fx.compose(fx.service),
		[fx.inspect_container],
		fx.inspect_image,
		fx.dockerfile,
	]
	every doc in documents {
		records := containers_of(doc)
		count(records) > 0
		every record in records {
			object.keys(record) == model.fields
		}
	}
}
