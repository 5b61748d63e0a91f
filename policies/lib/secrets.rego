# METADATA
# title: Secret-looking environment variables
# description: |
#   Names that say they hold a secret, and values that are literals rather than references. Only the verdict
#   leaves this library: a secret value is never copied into the model, a finding or a message.
package shipshape.lib.secrets

secret_name_pattern := `(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)`

# `*_FILE` and `*_PATH` name where a secret is kept, not the secret; `*ALLOW_EMPTY_PASSWORD` and
# `*RANDOM_ROOT_PASSWORD` (the MySQL/MariaDB images) are switches about one.
secret_name(name) if {
	is_string(name)
	regex.match(secret_name_pattern, upper(name))
	not regex.match(`_(FILE|PATH)$`, upper(name))
	not regex.match(`ALLOW_EMPTY|RANDOM_`, upper(name))
}

# A literal: a non-empty value that is not a reference (`$(VAR)` in Kubernetes, `${VAR}`/`$VAR` in Compose)
# and not a yes/no switch.
literal(value) if {
	is_string(value)
	trim_space(value) != ""
	not startswith(trim_space(value), "$")
	not regex.match(`^(?i)(true|false|yes|no|on|off)$`, trim_space(value))
}

literal(value) if is_number(value)

# literal as a boolean, for model fields that must always be defined.
is_literal(value) if literal(value)

else := false
