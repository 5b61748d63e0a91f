package shipshape.rules.no_windows_host_process_test

import data.shipshape.rules.no_windows_host_process
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_windows_host_process.findings with input as doc
}

test_pod_level_host_process_fails_for_every_container if {
	host_process := {"windowsOptions": {"hostProcess": true}}
	pod := fx.pod({"securityContext": host_process, "hostNetwork": true, "containers": [fx.container]})
	[f] := findings(pod)
	f.field == ["spec", "securityContext", "windowsOptions", "hostProcess"]
	f.message == "Pod/web is a Windows HostProcess container"
}

test_container_setting_wins if {
	off := fx.container_with({"securityContext": {"windowsOptions": {"hostProcess": false}}})
	count(findings(fx.pod({"securityContext": {"windowsOptions": {"hostProcess": true}}, "containers": [off]}))) == 0
	on := fx.container_with({"securityContext": {"windowsOptions": {"hostProcess": true}}})
	[f] := findings(fx.pod({"containers": [on]}))
	f.field == ["spec", "containers", 0, "securityContext", "windowsOptions", "hostProcess"]
}
