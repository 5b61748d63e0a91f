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
