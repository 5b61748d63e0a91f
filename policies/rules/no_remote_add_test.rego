package shipshape.rules.no_remote_add_test

import data.shipshape.rules.no_remote_add
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_remote_add.findings with input as doc
}

add(flags, value) := object.union(fx.instruction("add", 1, value), {"Flags": flags})

test_add_from_a_url_without_checksum_fails if {
	[f] := findings(fx.dockerfile_with([add([], ["https://example.com/tool.tgz", "/opt/"])]))
	f.field == [7, "Value", 0]
	f.message == concat("", [
		"Dockerfile stage 1 downloads \"https://example.com/tool.tgz\" with ADD without --checksum, ",
		"so the download is not verified",
	])
}

test_every_url_source_and_git_sources_count if {
	[a, b] := findings(fx.dockerfile_with([add([], ["HTTP://a/x", "git@github.com:org/repo.git", "/opt/"])]))
	a.field == [7, "Value", 0]
	b.field == [7, "Value", 1]
}

test_checksum_or_a_pinned_commit_passes if {
	count(findings(fx.dockerfile_with([add(["--checksum=sha256:abc"], ["https://example.com/tool.tgz", "/opt/"])]))) == 0
	pinned := "https://github.com/org/repo.git#0d17b565c37bcbd895e9d92315a05c1c3c9a29f7"
	count(findings(fx.dockerfile_with([add([], [pinned, "/src"])]))) == 0
	count(findings(fx.dockerfile_with([add([], ["https://github.com/org/repo.git#v1.2", "/src"])]))) == 1
}

test_local_add_and_copy_of_urls_are_not_judged if {
	count(findings(fx.dockerfile_with([add([], ["app.tgz", "/opt/"])]))) == 0
	count(findings(fx.dockerfile_with([fx.instruction("copy", 1, ["https://x/y", "/y"])]))) == 0
}

test_builder_stages_are_judged_too if {
	builder_add := object.union(add([], ["https://x/go.tgz", "/"]), {"Stage": 0})
	[f] := findings(array.concat([fx.dockerfile[0], builder_add], array.slice(fx.dockerfile, 2, 8)))
	contains(f.message, "Dockerfile stage build downloads")
	f.container == "build"
}

# Field absent: an ADD with only a destination, or none.
test_malformed_add_passes if {
	count(findings(fx.dockerfile_with([add([], ["/opt/"]), add([], [])]))) == 0
}
