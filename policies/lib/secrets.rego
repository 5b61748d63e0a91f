# METADATA
# title: Secret-looking environment variables
# description: |
#   Names that say they hold a secret, and values that are literals rather than references. Only the verdict
#   leaves this library: a secret value is never copied into the model, a finding or a message.
package shipshape.lib.secrets

# Words that make a variable name secret-looking, wherever they stand in the (upper-cased) name. Matched with
# string builtins, not regex.match: the WASM runtime compiles a pattern again on every evaluation.
secret_words := [
	"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY",
	"PRIVATE_KEY", "PRIVATEKEY", "ACCESS_KEY", "ACCESSKEY", "CREDENTIAL",
]

# `*_FILE` and `*_PATH` name where a secret is kept, not the secret; `*ALLOW_EMPTY_PASSWORD` and
# `*RANDOM_ROOT_PASSWORD` (the MySQL/MariaDB images) are switches about one.
secret_name(name) if {
	is_string(name)
	upper_name := upper(name)
	not endswith(upper_name, "_FILE")
	not endswith(upper_name, "_PATH")
	not contains(upper_name, "ALLOW_EMPTY")
	not contains(upper_name, "RANDOM_")
	some word in secret_words
	contains(upper_name, word)
}

# A literal: a non-empty value that is not a reference (`$(VAR)` in Kubernetes, `${VAR}`/`$VAR` in Compose)
# and not a yes/no switch.
literal(value) if {
	is_string(value)
	trim_space(value) != ""
	not startswith(trim_space(value), "$")
	not lower(trim_space(value)) in {"true", "false", "yes", "no", "on", "off"}
}

literal(value) if is_number(value)

# literal as a boolean, for model fields that must always be defined.
is_literal(value) if literal(value)

else := false
