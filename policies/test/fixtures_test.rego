# METADATA
# title: Test fixtures
# description: |
#   Documents of every shape that pass every rule; tests patch one field to make them violate one rule.
package shipshape.test.fixtures_test

digest := "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"

pinned_image := concat("@", ["registry.example.com/app:1.4.2", digest])

container := {
	"name": "app",
	"image": pinned_image,
	"securityContext": {
		"runAsNonRoot": true,
		"runAsUser": 10001,
		"readOnlyRootFilesystem": true,
		"allowPrivilegeEscalation": false,
		"capabilities": {"drop": ["ALL"]},
		"seccompProfile": {"type": "RuntimeDefault"},
	},
	"resources": {"limits": {"memory": "256Mi", "cpu": "500m"}},
	"livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
	"readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}},
}

# The compliant container with a patch merged in (object.union is recursive).
container_with(patch) := object.union(container, patch)

# The compliant container without the fields at the given JSON pointers ("securityContext/runAsUser").
container_without(pointers) := json.remove(container, pointers)

pod(spec) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": spec}

workload(kind, spec) := {
	"apiVersion": "apps/v1",
	"kind": kind,
	"metadata": {"name": "web"},
	"spec": {"template": {"spec": spec}},
}

deployment(spec) := workload("Deployment", spec)

cron_job(spec) := {
	"apiVersion": "batch/v1",
	"kind": "CronJob",
	"metadata": {"name": "nightly"},
	"spec": {"schedule": "0 3 * * *", "jobTemplate": {"spec": {"template": {"spec": spec}}}},
}

service := {
	"image": pinned_image,
	"user": "10001",
	"read_only": true,
	"init": true,
	"cap_drop": ["ALL"],
	"security_opt": ["no-new-privileges:true"],
	"pids_limit": 200,
	"logging": {"driver": "json-file", "options": {"max-size": "10m"}},
	"healthcheck": {"test": ["CMD", "wget", "-q", "--spider", "http://localhost:8080/healthz"]},
	"deploy": {"resources": {
		"limits": {"memory": "256M", "cpus": "0.5"},
		"reservations": {"memory": "128M", "cpus": "0.25"},
	}},
}

service_with(patch) := object.union(service, patch)

service_without(pointers) := json.remove(service, pointers)

compose(service_definition) := {"services": {"web": service_definition}}

inspect_container := {
	"Id": "4f0c1b2a",
	"Name": "/web",
	"Config": {
		"User": "10001",
		"Image": pinned_image,
		"Healthcheck": {"Test": ["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz"]},
	},
	"HostConfig": {
		"Memory": 268435456,
		"NanoCpus": 500000000,
		"CpuQuota": 0,
		"ReadonlyRootfs": true,
		"CapDrop": ["ALL"],
		"SecurityOpt": ["no-new-privileges"],
		"PidsLimit": 200,
		"Init": true,
		"LogConfig": {"Type": "json-file", "Config": {"max-size": "10m"}},
	},
}

inspect_container_with(patch) := object.union(inspect_container, patch)

inspect_container_without(pointers) := json.remove(inspect_container, pointers)

inspect_image := {
	"Id": "sha256:9b2a3c4d5e6f",
	"RepoTags": ["registry.example.com/app:1.4.2"],
	"RepoDigests": [],
	"RootFS": {"Type": "layers"},
	"Config": {
		"User": "10001",
		"Healthcheck": {"Test": ["CMD-SHELL", "wget -q --spider http://localhost:8080/healthz"]},
	},
}

inspect_image_with(patch) := object.union(inspect_image, patch)

inspect_image_without(pointers) := json.remove(inspect_image, pointers)

# A Dockerfile as conftest's (BuildKit's) parser gives it: a builder stage and a hardened final stage.
instruction(cmd, stage, value) := {"Cmd": cmd, "SubCmd": "", "Flags": [], "JSON": false, "Stage": stage, "Value": value}

exec_form(cmd, stage, value) := object.union(instruction(cmd, stage, value), {"JSON": true})

dockerfile := [
	instruction("from", 0, [concat("@", ["registry.example.com/golang:1.23.4", digest]), "AS", "build"]),
	instruction("run", 0, ["go build -o /out/server ./cmd/server"]),
	instruction("from", 1, [pinned_image]),
	instruction("copy", 1, ["/out/server", "/server"]),
	instruction("user", 1, ["10001"]),
	instruction("expose", 1, ["8080/tcp"]),
	exec_form("healthcheck", 1, ["CMD", "/server", "healthcheck"]),
	exec_form("entrypoint", 1, ["/server"]),
]

# The compliant Dockerfile with instructions added to its final stage, before the ENTRYPOINT.
dockerfile_with(extra) := array.concat(array.concat(array.slice(dockerfile, 0, 7), extra), [dockerfile[7]])

# A simple command as the harness's shell reading gives it (a `Commands` entry), alone in its pipeline.
command(args) := command_in(args, -1, 0, -1)

# A command at a position of a pipeline, within another command (-1: at the top level).
command_in(args, pipeline, position, within) := {
	"Args": args,
	"Env": [],
	"Program": base_name(args[0]),
	"Arguments": array.slice(args, 1, count(args)),
	"Pipeline": pipeline,
	"Position": position,
	"Within": within,
	"Redirects": [],
}

base_name(path) := parts[count(parts) - 1] if parts := split(path, "/")

# A RUN in `stage` with these commands (each its own pipeline unless it says one), text and all.
run_in(stage, commands) := object.union(
	instruction("run", stage, [concat(" && ", [concat(" ", c.Args) | some c in commands])]),
	{"Commands": [object.union(c, {"Pipeline": pipeline_of(c, k)}) | some k, c in commands]},
)

pipeline_of(c, k) := c.Pipeline if c.Pipeline >= 0

else := 100 + k

# A RUN of the final stage.
run(commands) := run_in(1, commands)

# The compliant Dockerfile without the instructions at these indexes.
dockerfile_without(indexes) := [instruction | some i, instruction in dockerfile; not i in indexes]

# Every compliant document, for tests that a rule stays silent on each shape.
compliant_documents := [
	dockerfile,
	pod({"containers": [container]}),
	deployment({"containers": [container]}),
	cron_job({"containers": [container], "restartPolicy": "OnFailure"}),
	compose(service),
	[inspect_container],
	inspect_container,
	inspect_image,
]
