# METADATA
# title: Image references
# description: |
#   Parses image references as Docker does: `[registry[:port]/]repository[:tag][@digest]`. A colon before the
#   last slash belongs to a registry port, not a tag, so `reg:5000/app` is untagged.
package shipshape.lib.image_ref

# An image ID rather than a name: `sha256:<hex>`, or the bare 64-hex-digit form.
is_image_id(ref) if startswith(ref, "sha256:")

is_image_id(ref) if {
	count(ref) == 64
	trim_left(ref, "0123456789abcdef") == ""
}

is_digest_pinned(ref) if contains(ref, "@sha256:")

# The tag of a reference; undefined when it has none.
tag(ref) := t if {
	not contains(ref, "@")
	segments := split(ref, "/")
	last := segments[count(segments) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

# Why a reference is not pinned to a fixed version; undefined when it is (tagged, digest-pinned or an ID).
unpinned_reason(ref) := "has no tag (latest is implied)" if {
	not is_image_id(ref)
	not is_digest_pinned(ref)
	not tag(ref)
} else := "is tagged latest" if {
	not is_image_id(ref)
	not is_digest_pinned(ref)
	tag(ref) == "latest"
}

# The registry of a reference: its first component when that looks like a host (has a dot or a port, or is
# localhost); otherwise Docker Hub, as docker.io. Docker Hub's other names are folded into docker.io.
registry(ref) := hub_alias(parts[0]) if {
	parts := split(ref, "/")
	count(parts) > 1
	is_host(parts[0])
} else := "docker.io"

# Whether the first component of a reference names a registry host rather than a Docker Hub namespace.
is_host(component) if contains(component, ".")

is_host(component) if contains(component, ":")

is_host("localhost")

hub_alias(host) := "docker.io" if host in {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}

else := host

# The reference with its registry spelled out: nginx:1.2 -> docker.io/library/nginx:1.2.
qualified(ref) := concat("/", ["docker.io", "library", ref]) if {
	registry(ref) == "docker.io"
	count(split(ref, "/")) == 1
} else := concat("/", ["docker.io", ref]) if {
	registry(ref) == "docker.io"
	not is_host(split(ref, "/")[0])
} else := concat("/", array.concat([registry(ref)], array.slice(split(ref, "/"), 1, count(split(ref, "/")))))

# The repository a reference names, registry spelled out, without tag or digest:
# python:3.12-slim@sha256:... -> docker.io/library/python.
repository(ref) := qualified(untagged(split(ref, "@")[0]))

untagged(name) := concat(":", array.slice(parts, 0, count(parts) - 1)) if {
	tag(name)
	parts := split(name, ":")
} else := name

# The tag of a reference, digest or not; "" when it has none.
tag_of(ref) := t if {
	t := tag(split(ref, "@")[0])
} else := ""
