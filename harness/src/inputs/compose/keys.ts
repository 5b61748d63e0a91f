/**
 * The keys the Compose specification allows (compose-go's schema, compose-spec.json, which `docker compose`
 * validates every file against): a file with other keys is not one Compose would run. policies/lib/compose.rego
 * holds the same sets; a test keeps them equal, and the oracle test holds both to compose-go.
 */
export const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  "version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models", "jobs",
]);

export const SERVICE_KEYS: ReadonlySet<string> = new Set([
  "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
  "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
  "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
  "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
  "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add", "healthcheck",
  "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
  "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
  "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start",
  "pre_stop", "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart",
  "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
  "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "umask", "use_api_socket", "user", "userns_mode", "uts",
  "volumes", "volumes_from", "working_dir",
]);

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const allowed = (keys: ReadonlySet<string>, key: string) => keys.has(key) || key.startsWith("x-");

/**
 * Whether a document is a Compose file: a mapping with `services` (and no `apiVersion`) whose top-level keys
 * and every service's keys are the specification's (or `x-` extensions). A Helm values file with a
 * `services:` section is not.
 */
export function looksLikeCompose(value: unknown): value is Record<string, unknown> {
  if (!isMapping(value) || !("services" in value) || "apiVersion" in value) return false;
  if (!Object.keys(value).every((key) => allowed(TOP_LEVEL_KEYS, key))) return false;
  const services = value.services;
  if (services === null) return true;
  if (!isMapping(services)) return false;
  return Object.values(services).every((service) => service === null || (isMapping(service) && Object.keys(service).every((key) => allowed(SERVICE_KEYS, key))));
}
