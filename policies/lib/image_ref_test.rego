package shipshape.lib.image_ref_test

import data.shipshape.lib.image_ref

test_image_ids if {
	image_ref.is_image_id("sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")
	image_ref.is_image_id("0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")
	not image_ref.is_image_id("0D17B565C37BCBD895E9D92315A05C1C3C9A29F762B011A10C54A66CD53C9B31")
	not image_ref.is_image_id("0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b3")
	not image_ref.is_image_id("nginx")
}

test_registries if {
	image_ref.registry("nginx") == "docker.io"
	image_ref.registry("library/nginx:1.2") == "docker.io"
	image_ref.registry("ghcr.io/org/app:1") == "ghcr.io"
	image_ref.registry("reg:5000/app") == "reg:5000"
	image_ref.registry("localhost/app") == "localhost"
	image_ref.registry("index.docker.io/library/nginx") == "docker.io"
}

test_qualified if {
	image_ref.qualified("nginx:1.2") == "docker.io/library/nginx:1.2"
	image_ref.qualified("org/app") == "docker.io/org/app"
	image_ref.qualified("registry-1.docker.io/org/app") == "docker.io/org/app"
	image_ref.qualified("ghcr.io/org/app") == "ghcr.io/org/app"
}
