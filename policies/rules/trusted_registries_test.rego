package shipshape.rules.trusted_registries_test

import data.shipshape.rules.trusted_registries
import data.shipshape.test.fixtures_test as fx

allowed := {"trusted-registries": {"allowed": ["registry.example.com", "ghcr.io/my-org", "docker.io/library"]}}

findings(doc) := result if {
	result := trusted_registries.findings with input as doc with data.shipshape.params as allowed
}

pod_with(image) := fx.pod({"containers": [fx.container_with({"image": image})]})

test_off_until_configured if {
	found := trusted_registries.findings with input as pod_with("evil.example.net/miner:1.0")
	count(found) == 0
}

test_untrusted_registries_fail if {
	[f] := findings(pod_with("evil.example.net/miner:1.0"))
	f.message == concat("", [
		"container app of Pod/web uses image \"evil.example.net/miner:1.0\" from evil.example.net, ",
		"which is not a trusted registry",
	])
	untrusted := [
		"ghcr.io/other-org/app:1", "bitnami/redis:7",
		"registry.example.com.evil.net/app:1", "localhost:5000/app:1",
	]
	every image in untrusted {
		count(findings(pod_with(image))) == 1
	}
}

test_trusted_registries_pass if {
	trusted := [
		"nginx:1.27.3", "docker.io/library/nginx:1", "index.docker.io/library/redis:7",
		"ghcr.io/my-org/app:2", "registry.example.com/team/app:3",
	]
	every image in trusted {
		count(findings(pod_with(image))) == 0
	}
}

test_compose_and_inspect if {
	count(findings(fx.compose(fx.service_with({"image": "quay.io/app:1"})))) == 1
	count(findings([fx.inspect_container_with({"Config": {"Image": "quay.io/app:1"}})])) == 1
	id := "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
	count(findings([fx.inspect_container_with({"Config": {"Image": id}})])) == 0
}

test_dockerfile_bases_from_untrusted_registries_fail if {
	doc := array.concat([fx.instruction("from", 0, ["ghcr.io/evil/tools:1.2", "AS", "tools"])], fx.dockerfile)
	[f] := findings(doc)
	f.object == "Dockerfile stage tools"
	count(findings(fx.dockerfile)) == 0
}
