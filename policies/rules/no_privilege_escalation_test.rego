package shipshape.rules.no_privilege_escalation_test

import data.shipshape.rules.no_privilege_escalation
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_privilege_escalation.findings with input as doc
}

test_kubernetes_allowed_or_unset_fails if {
	allowed := fx.container_with({"securityContext": {"allowPrivilegeEscalation": true}})
	[f] := findings(fx.pod({"containers": [allowed]}))
	f.field == ["spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"]
	f.message == "container app of Pod/web may gain privileges (allowPrivilegeEscalation: false is not set)"
	unset := fx.container_without(["securityContext/allowPrivilegeEscalation"])
	count(findings(fx.deployment({"initContainers": [unset], "containers": [fx.container]}))) == 1
}

test_compose_needs_no_new_privileges if {
	count(findings(fx.compose(fx.service_without(["security_opt"])))) == 1
	count(findings(fx.compose(fx.service_with({"security_opt": ["no-new-privileges:false"]})))) == 1
	every option in ["no-new-privileges", "no-new-privileges:true", "no-new-privileges=true"] {
		count(findings(fx.compose(fx.service_with({"security_opt": ["label:disable", option]})))) == 0
	}
}

test_inspect_needs_no_new_privileges if {
	[f] := findings([fx.inspect_container_with({"HostConfig": {"SecurityOpt": null}})])
	f.field == [0, "HostConfig", "SecurityOpt"]
	count(findings(fx.inspect_container_without(["HostConfig/SecurityOpt"]))) == 1
}

test_images_are_not_judged if {
	count(findings(fx.inspect_image)) == 0
}
