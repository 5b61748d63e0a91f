# A helper package, imported by the conftest-style rules as data.lib.workloads.
package lib.workloads

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"}

is_workload if input.kind in workload_kinds
