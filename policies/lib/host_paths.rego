# METADATA
# title: Host paths
# description: |
#   Host paths as the engine reaches them, and the tests rules apply to them. Every shape cleans a mount's
#   source with `clean` (Go's path.Clean: `//etc`, `/etc/./`, `/tmp/../etc` are all `/etc`), so no spelling
#   hides a path; a mount of a directory that holds a listed path (`/var/run` holds the Docker socket)
#   reaches it too.
package shipshape.lib.host_paths

# Longer paths are not cleaned segment by segment (the work grows with the square of the length); they are
# judged as the root, which every rule treats as sensitive. Linux refuses paths this long anyway.
max_segments := 128

max_clean_length := 256 # 2 × max_segments: each segment takes a slash and a character

# The lexically shortest path naming the same file, as Go's path.Clean gives it.
clean(path) := path if {
	is_clean(path)
} else := "/" if {
	startswith(path, "/")
	count(names(path)) > max_segments
} else := concat("", ["/", concat("/", kept)]) if {
	startswith(path, "/")
	kept := survivors(names(path), true)
} else := "." if {
	not startswith(path, "/")
	count(names(path)) > max_segments
} else := relative(names(path))

# An absolute path that is its own clean form: no empty, "." or ".." segment and no trailing slash. Sources
# are cleaned once, in the model, and the listed paths are written clean, so the rules' comparisons mostly land
# here: a few string tests instead of the segment walk below, which was most of a Compose file's evaluation.
# A path of at most max_clean_length characters has at most max_segments segments.
is_clean("/")

is_clean(path) if {
	startswith(path, "/")
	count(path) <= max_clean_length
	not endswith(path, "/")
	not contains(path, "//")
	ended := concat("", [path, "/"])
	not contains(ended, "/./")
	not contains(ended, "/../")
}

# Path segments other than empty ones and ".".
names(path) := [name |
	some name in split(path, "/")
	not name in {"", "."}
]

# A relative path keeps the ".." that climb above its start.
relative(segments) := "." if {
	parts := array.concat(climbs(segments), survivors(segments, false))
	count(parts) == 0
} else := concat("/", array.concat(climbs(segments), survivors(segments, false)))

climbs(segments) := [".." | some _ in numbers.range(1, depth)] if {
	depth := 0 - lowest(heights(segments, false))
	depth > 0
} else := []

lowest(heights) := min(array.concat([0], heights))

# The depth after each segment: a name goes one down, ".." one up; at the root (absolute paths) ".." stays,
# so there the depth is the running sum less the lowest it has been.
heights(segments, false) := running_sums(segments)

heights(segments, true) := [depth |
	sums := running_sums(segments)
	some k, raw in sums
	depth := raw - min([0, min(array.slice(sums, 0, k + 1))])
]

running_sums(segments) := [total |
	some k in indexes(segments)
	total := sum([step(name) | some name in array.slice(segments, 0, k + 1)])
]

indexes(segments) := numbers.range(0, count(segments) - 1) if count(segments) > 0

else := []

default step(_) := 1

step("..") := -1

# A name survives when no later ".." climbs above it.
survivors(segments, absolute) := [name |
	hs := heights(segments, absolute)
	some i, name in segments
	name != ".."
	every k in numbers.range(i, count(segments) - 1) {
		hs[k] >= hs[i]
	}
]

# The host path of a short-syntax bind ("/host:/container[:options]", Compose volumes and docker Binds);
# undefined for a named volume.
short_bind_source(entry) := clean(split(entry, ":")[0]) if {
	is_string(entry)
	startswith(entry, "/")
}

# The comparisons take paths already clean (a model's mount source, a listed path cleaned once per
# evaluation), so a rule that compares one mount with many listed paths cleans each path once, not once per
# comparison (that was most of a Compose file's evaluation).

# A path is at or under a listed one; "/" matches only itself (everything is under it).
at_or_under(path, listed) if path == listed

at_or_under(path, listed) if {
	listed != "/"
	startswith(path, concat("", [listed, "/"]))
}

# A path is a directory above a listed one, so mounting it exposes the listed path too.
holds("/", listed) if listed != "/"

holds(path, listed) if {
	path != "/"
	startswith(listed, concat("", [path, "/"]))
}

# Sockets of the container engines: whoever can reach one controls every container on the host. The most
# common first: a directory that holds several is reported by the first it holds. Written clean.
engine_sockets := [
	"/var/run/docker.sock",
	"/run/docker.sock",
	"/var/run/containerd/containerd.sock",
	"/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock",
	"/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock",
	"/run/podman/podman.sock",
]

is_engine_socket(path) if clean(path) in engine_sockets

# The engine socket a mount reaches: the socket itself, or a directory that holds it. Undefined when none.
engine_socket_reached(path) := socket_reached(clean(path))

socket_reached(path) := path if {
	path in engine_sockets
} else := held[0] if {
	held := [socket | some socket in engine_sockets; holds(path, socket)]
	count(held) > 0
}
