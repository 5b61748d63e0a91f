package shipshape.rules.no_unconfined_apparmor_test

import data.shipshape.rules.no_unconfined_apparmor
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_unconfined_apparmor.findings with input as doc
}

test_kubernetes_field_container_over_pod if {
	unconfined := {"appArmorProfile": {"type": "Unconfined"}}
	[f] := findings(fx.pod({"securityContext": unconfined, "containers": [fx.container]}))
	f.field == ["spec", "securityContext", "appArmorProfile", "type"]
	f.message == "Pod/web runs with AppArmor unconfined"
	default_profile := fx.container_with({"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}})
	count(findings(fx.pod({"securityContext": unconfined, "containers": [default_profile]}))) == 0
}

test_kubernetes_annotation_on_the_pod_template if {
	[f] := findings(annotated("unconfined"))
	f.field == ["spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"]
	sidecar := {"container.apparmor.security.beta.kubernetes.io/sidecar": "unconfined"}
	other_container := {"spec": {"template": {"metadata": {"annotations": sidecar}}}}
	count(findings(object.union(annotated("runtime/default"), other_container))) == 0
}

test_docker_and_compose_security_options if {
	[f] := findings(fx.compose(fx.service_with({"security_opt": ["no-new-privileges:true", "apparmor:unconfined"]})))
	f.field == ["services", "web", "security_opt", 1]
	inspected := fx.inspect_container_with({"HostConfig": {"SecurityOpt": ["no-new-privileges", "apparmor=unconfined"]}})
	count(findings([inspected])) == 1
	named := fx.service_with({"security_opt": ["no-new-privileges:true", "apparmor=docker-default"]})
	count(findings(fx.compose(named))) == 0
}

annotated(value) := object.union(fx.deployment({"containers": [fx.container]}), template_annotation(value))

template_annotation(value) := {"spec": {"template": {"metadata": {"annotations": app_annotation(value)}}}}

app_annotation(value) := {"container.apparmor.security.beta.kubernetes.io/app": value}

test_values_the_standard_does_not_allow_fail if {
	[f] := findings(annotated("badval"))
	f.message == "container app of Deployment/web sets the AppArmor profile \"badval\", which is not one the runtime loads"
	count(findings(annotated("localhost/k8s-nginx"))) == 0
}
