package shipshape.rules.selinux_options_test

import data.shipshape.rules.selinux_options
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := selinux_options.findings with input as doc
}

test_kubernetes_type_user_and_role if {
	options := {"seLinuxOptions": {"type": "spc_t", "user": "system_u", "role": "system_r", "level": "s0:c1,c2"}}
	found := findings(fx.pod({"containers": [fx.container_with({"securityContext": options})]}))
	{f.message | some f in found} == {
		"container app of Pod/web sets the SELinux type spc_t, not a container type",
		"container app of Pod/web sets the SELinux user system_u",
		"container app of Pod/web sets the SELinux role system_r",
	}
	every f in found {
		f.field == ["spec", "containers", 0, "securityContext", "seLinuxOptions"]
	}
}

test_kubernetes_pod_level_options_count_too if {
	[f] := findings(pod_options({"type": "unconfined_t"}))
	f.field == ["spec", "securityContext", "seLinuxOptions"]
}

test_container_types_and_levels_pass if {
	every type in ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"] {
		count(findings(pod_options({"type": type, "level": "s0:c123"}))) == 0
	}
}

test_docker_and_compose_labels if {
	[f] := findings(fx.compose(fx.service_with({"security_opt": ["no-new-privileges:true", "label:disable"]})))
	f.message == "service web turns SELinux separation off"
	f.field == ["services", "web", "security_opt", 1]
	labels := {"HostConfig": {"SecurityOpt": ["label=type:spc_t", "label=level:s0:c1"]}}
	[g] := findings([fx.inspect_container_with(labels)])
	g.message == "container /web sets the SELinux type spc_t, not a container type"
	count(findings(fx.compose(fx.service_with({"security_opt": ["label=level:s0:c100,c200"]})))) == 0
}

pod_options(options) := fx.pod({"securityContext": {"seLinuxOptions": options}, "containers": [fx.container]})
