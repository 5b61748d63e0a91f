# METADATA
# title: Image references
# description: |
#   Parses image references as Docker does: `[registry[:port]/]repository[:tag][@digest]`. A colon before the
#   last slash belongs to a registry port, not a tag, so `reg:5000/app` is untagged.
package shipshape.lib.image_ref

# An image ID rather than a name: `sha256:<hex>`, or the bare 64-hex-digit form.
is_image_id(ref) if startswith(ref, "sha256:")

is_image_id(ref) if regex.match(`^[a-f0-9]{64}$`, ref)

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
