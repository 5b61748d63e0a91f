package shipshape.rules.registry_mirror_test

import data.shipshape.rules.registry_mirror

deployment(image) := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "web"},
	"spec": {"template": {"spec": {"containers": [{"name": "app", "image": image}]}}},
}

test_public_image_is_a_finding if {
	count(registry_mirror.findings) == 1 with input as deployment("nginx:1.27.3")
}

test_mirrored_image_passes if {
	count(registry_mirror.findings) == 0 with input as deployment("mirror.example.com/library/nginx:1.27.3")
}

test_compose_service_is_judged_too if {
	count(registry_mirror.findings) == 1 with input as {"services": {"web": {"image": "nginx:1.27.3"}}}
}

test_prefix_is_a_parameter if {
	count(registry_mirror.findings) == 0 with input as deployment("ghcr.io/acme/web:1.0")
		with data.shipshape.params as {"registry-mirror": {"prefix": "ghcr.io/acme"}}
}

container(image) := {"Id": "4f0c1b2a", "Name": "/web", "Config": {"Image": image}, "HostConfig": {}}

test_docker_container_is_judged if {
	count(registry_mirror.findings) == 1 with input as container("nginx:1.27.3")
	count(registry_mirror.findings) == 0 with input as container("mirror.example.com/library/nginx:1.27.3")
}

dockerfile(image) := [
	{"Cmd": "from", "SubCmd": "", "Flags": [], "JSON": false, "Stage": 0, "Value": [image]},
	{"Cmd": "user", "SubCmd": "", "Flags": [], "JSON": false, "Stage": 0, "Value": ["10001"]},
]

test_dockerfile_from_is_judged if {
	count(registry_mirror.findings) == 1 with input as dockerfile("node:20.18-slim")
	count(registry_mirror.findings) == 0 with input as dockerfile("mirror.example.com/library/node:20.18-slim")
}

# A Compose service that only builds has no image to judge.
test_no_image_no_finding if {
	count(registry_mirror.findings) == 0 with input as {"services": {"web": {"build": "."}}}
}
