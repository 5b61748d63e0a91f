package shipshape.lib.host_paths_test

import data.shipshape.lib.host_paths

# The Go oracle test (test/reliability) compares clean with path.Clean on generated paths; these pin the fast
# path's edges: what it takes as already clean, and where it hands over to the segment walk.
test_clean_paths_are_their_own_clean_form if {
	every path in ["/", "/etc", "/var/lib/docker", "/a/.../b", "/a/..b", "/.hidden/x"] {
		host_paths.is_clean(path)
		host_paths.clean(path) == path
	}
}

test_unclean_spellings_take_the_segment_walk if {
	every path, want in {
		"//etc": "/etc", "/etc/": "/etc", "/etc/./": "/etc", "/tmp/../etc": "/etc", "/.": "/",
		"/..": "/", "/a/.": "/a", "/a/..": "/", "etc": "etc", "./etc/../..": "..", "": ".",
	} {
		not host_paths.is_clean(path)
		host_paths.clean(path) == want
	}
}

test_the_segment_limit_holds_on_both_paths if {
	at_limit := concat("", ["/a" | some _ in numbers.range(1, host_paths.max_segments)])
	count(at_limit) == host_paths.max_clean_length
	host_paths.clean(at_limit) == at_limit
	over := concat("", [at_limit, "/a"])
	not host_paths.is_clean(over)
	host_paths.clean(over) == "/"
}

test_comparisons_of_clean_paths if {
	host_paths.at_or_under(host_paths.clean("/etc/ssl/"), host_paths.clean("//etc"))
	not host_paths.at_or_under("/etcetera", "/etc")
	host_paths.holds(host_paths.clean("/var/run/"), "/var/run/docker.sock")
	host_paths.holds("/", "/etc")
	not host_paths.holds("/", "/")
	host_paths.engine_socket_reached("/var//run") == "/var/run/docker.sock"
	host_paths.engine_socket_reached("/run/./crio/crio.sock") == "/run/crio/crio.sock"
}
