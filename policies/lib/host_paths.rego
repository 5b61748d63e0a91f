# METADATA
# title: Host paths
# description: Host paths as mounts name them, and the tests rules apply to them.
package shipshape.lib.host_paths

# "/etc/" and "/etc" are the same path; "/" stays "/".
normalise(path) := "/" if {
	trim_right(path, "/") == ""
} else := trim_right(path, "/")

# A path is at or under a listed one; "/" matches only itself (everything is under it).
at_or_under(path, listed) if normalise(path) == normalise(listed)

at_or_under(path, listed) if {
	normalise(listed) != "/"
	startswith(normalise(path), concat("", [normalise(listed), "/"]))
}

# Sockets of the container engines: whoever can reach one controls every container on the host.
engine_sockets := {
	"/var/run/docker.sock",
	"/run/docker.sock",
	"/var/run/containerd/containerd.sock",
	"/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock",
	"/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock",
	"/run/podman/podman.sock",
}

is_engine_socket(path) if normalise(path) in engine_sockets
