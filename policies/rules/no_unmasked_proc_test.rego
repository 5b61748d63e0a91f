package shipshape.rules.no_unmasked_proc_test

import data.shipshape.rules.no_unmasked_proc
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_unmasked_proc.findings with input as doc
}

test_kubernetes_unmasked_fails_default_passes if {
	[f] := findings(fx.pod({"containers": [fx.container_with({"securityContext": {"procMount": "Unmasked"}})]}))
	f.field == ["spec", "containers", 0, "securityContext", "procMount"]
	f.message == "container app of Pod/web unmasks /proc (the runtime's masked paths are visible)"
	count(findings(fx.pod({"containers": [fx.container_with({"securityContext": {"procMount": "Default"}})]}))) == 0
}

test_docker_and_compose_systempaths if {
	[f] := findings(fx.compose(fx.service_with({"security_opt": ["no-new-privileges:true", "systempaths=unconfined"]})))
	f.field == ["services", "web", "security_opt", 1]
	count(findings([fx.inspect_container_with({"HostConfig": {"SecurityOpt": ["systempaths:unconfined"]}})])) == 1
}

test_any_value_but_the_default_fails if {
	count(findings(fx.pod({"containers": [fx.container_with({"securityContext": {"procMount": "Other"}})]}))) == 1
}
