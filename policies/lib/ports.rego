# METADATA
# title: Container ports
# description: |
#   Port numbers from the forms the shapes write them in: `22`, `"22/tcp"`, `"2222:22"`,
#   `"127.0.0.1:2222:22/tcp"`.
package shipshape.lib.ports

import data.shipshape.lib.values

# The container-side port of a Compose short-form or a docker "port/proto" key; undefined for ranges.
container_port(value) := value if is_number(value)

container_port(value) := to_number(port) if {
	is_string(value)
	parts := split(split(value, "/")[0], ":")
	port := parts[count(parts) - 1]
	values.digits(port)
}
