package shipshape.rules.no_host_devices_test

import data.shipshape.rules.no_host_devices
import data.shipshape.test.fixtures_test as fx

test_compose_devices_fail if {
	devices := ["/dev/sda:/dev/xvda:rwm", {"source": "//dev/./mem", "target": "/m"}]
	[short, long] := no_host_devices.findings with input as fx.compose(fx.service_with({"devices": devices}))
	short.field == ["services", "web", "devices", 0]
	short.message == "service web maps the host device /dev/sda"
	long.message == "service web maps the host device /dev/mem"
}

test_the_devices_every_container_has_pass if {
	devices := ["/dev/null:/dev/null", "/dev/urandom:/dev/random"]
	none := no_host_devices.findings with input as fx.compose(fx.service_with({"devices": devices}))
	count(none) == 0
}

test_compose_without_devices_or_with_cdi_names_passes if {
	none := no_host_devices.findings with input as fx.compose(fx.service)
	count(none) == 0
	cdi := no_host_devices.findings with input as fx.compose(fx.service_with({"devices": ["nvidia.com/gpu=all"]}))
	count(cdi) == 0
}

test_inspect_devices_fail if {
	device := {"PathOnHost": "/dev/sda", "PathInContainer": "/dev/sda", "CgroupPermissions": "rwm"}
	[f] := no_host_devices.findings with input as [fx.inspect_container_with({"HostConfig": {"Devices": [device]}})]
	f.field == [0, "HostConfig", "Devices", 0]
	none := no_host_devices.findings with input as fx.inspect_container
	count(none) == 0
}

test_kubernetes_has_no_device_mappings if {
	none := no_host_devices.findings with input as fx.deployment({"containers": [fx.container]})
	count(none) == 0
}

test_allowed_devices_pass if {
	doc := fx.compose(fx.service_with({"devices": ["/dev/fuse:/dev/fuse", "/dev/sda:/dev/sda"]}))
	found := no_host_devices.findings with input as doc
		with data.shipshape.params as {"no-host-devices": {"allowed": ["/dev/fuse"]}}
	[f.message | some f in found] == ["service web maps the host device /dev/sda"]
}
