# METADATA
# title: Secret-looking environment variables
# description: |
#   Names that say they hold a secret, values that are literals rather than references, and values that are
#   secrets by their format (a private key block, a cloud or service token). Only the verdict leaves this
#   library: a secret value is never copied into the model, a finding or a message.
package shipshape.lib.secrets

# An environment variable as the model gives it: {name, literal, secret_kind, path}. `literal` is true for a
# literal value (see literal); `secret_kind` says what the value is by its format ("a private key", ...), or
# null. Every shape builds its variables here, so the meaning is one.
variable(name, value, dialect, path) := {
	"name": name,
	"literal": is_literal(value, dialect),
	"secret_kind": kind_or_null(value, dialect),
	"path": path,
}

kind_or_null(value, dialect) := value_kind(value) if {
	literal(value, dialect)
} else := null

# Words that make a variable name secret-looking, wherever they stand in the (upper-cased) name. Matched with
# string builtins, not regex.match: the WASM runtime compiles a pattern again on every evaluation.
secret_words := [
	"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY",
	"PRIVATE_KEY", "PRIVATEKEY", "ACCESS_KEY", "ACCESSKEY", "CREDENTIAL",
]

# `*_FILE` and `*_PATH` name where a secret is kept, not the secret, and `*_NAME` and `*_REF` which one
# (`ALLOYDB_SECRET_NAME`, `DB_PASSWORD_SECRET_REF`); `*ALLOW_EMPTY_PASSWORD` and `*RANDOM_ROOT_PASSWORD` (the
# MySQL/MariaDB images) are switches about one.
secret_name(name) if {
	is_string(name)
	upper_name := upper(name)
	not endswith(upper_name, "_FILE")
	not endswith(upper_name, "_PATH")
	not endswith(upper_name, "_NAME")
	not endswith(upper_name, "_REF")
	not contains(upper_name, "ALLOW_EMPTY")
	not contains(upper_name, "RANDOM_")
	some word in secret_words
	contains(upper_name, word)
}

# What a value is by its format, when it is a secret whatever its variable is called; undefined otherwise.
# Prefixes first (string builtins), a pattern only where one applies.
value_kind(value) := "a private key" if {
	is_string(value)
	contains(value, "PRIVATE KEY")
	contains(value, "BEGIN")
} else := "an AWS access key ID" if {
	text := trim_space(value)
	count(text) == 20
	some prefix in ["AKIA", "ASIA"]
	startswith(text, prefix)
	trim_left(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
} else := "a GitHub token" if {
	text := trim_space(value)
	count(text) >= 36
	some prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]
	startswith(text, prefix)
} else := "a Slack token" if {
	text := trim_space(value)
	count(text) >= 24
	some prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-"]
	startswith(text, prefix)
} else := "a Stripe live key" if {
	text := trim_space(value)
	count(text) >= 24
	some prefix in ["sk_live_", "rk_live_"]
	startswith(text, prefix)
} else := "a Google API key" if {
	text := trim_space(value)
	count(text) == 39
	startswith(text, "AIza")
} else := "a JSON Web Token" if {
	text := trim_space(value)
	startswith(text, "eyJ")
	count(text) >= 30
	parts := split(text, ".")
	count(parts) == 3
	every part in parts {
		part != ""
	}
}

# Whether a value is a literal where a reference is the only other thing it could be. What counts as a
# reference depends on who expands it: Kubernetes expands only `$(VAR)` (so `$ecret` and `$$(VAR)` are
# literals); Compose expands `$VAR` and `${VAR}` (so `$$ecret` is the literal `$ecret`, and a `${VAR:-value}`
# default is a literal); at run time (docker inspect) every value is a literal. Yes/no switches are never
# secrets. A value that mixes references and text is a literal.
literal(value, _) if is_number(value)

literal(value, dialect) if {
	is_string(value)
	text := trim_space(value)
	text != ""
	not lower(text) in {"true", "false", "yes", "no", "on", "off"}
	not reference(text, dialect)
	not secret_locator(text)
}

# Where a secret is kept rather than the secret: a path under /run/secrets, a Vault path, a secret manager's
# resource name (AWS ARN, Google `projects/.../secrets/...`, Azure Key Vault reference).
secret_locator(text) if {
	some prefix in [
		"/run/secrets/", "/var/run/secrets/", "vault:", "secret/data/", "arn:aws:secretsmanager:", "arn:aws:ssm:",
		"@Microsoft.KeyVault(",
	]
	startswith(text, prefix)
}

secret_locator(text) if {
	startswith(text, "projects/")
	contains(text, "/secrets/")
}

# `$(NAME)`, exactly: the one form the kubelet expands.
reference(text, "kubernetes") if {
	startswith(text, "$(")
	endswith(text, ")")
	name := substring(text, 2, count(text) - 3)
	variable_name(name, "kubernetes")
}

# `$NAME` or `${NAME}`, or `${NAME}` with `?`/`:?` (an error when unset) or an empty default.
reference(text, "compose") if {
	startswith(text, "$")
	not startswith(text, "$$")
	variable_name(substring(text, 1, -1), "compose")
}

reference(text, "compose") if {
	startswith(text, "${")
	endswith(text, "}")
	body := substring(text, 2, count(text) - 3)
	not contains(body, "$")
	some operator in ["", ":?", "?", ":-", "-"]
	parts := split_operator(body, operator)
	variable_name(parts[0], "compose")
	empty_default(operator, parts[1])
}

split_operator(body, "") := [body, ""]

split_operator(body, operator) := [substring(body, 0, i), substring(body, i + count(operator), -1)] if {
	operator != ""
	i := indexof(body, operator)
	i > 0
}

empty_default(operator, _) if operator in {"", ":?", "?"}

empty_default(operator, argument) if {
	operator in {":-", "-"}
	argument == ""
}

# Compose names are [A-Za-z_][A-Za-z0-9_]*; Kubernetes also allows `.` and `-` after the first character.
variable_name(name, dialect) if {
	name != ""
	trim_left(name, name_characters[dialect]) == ""
	not trim_left(substring(name, 0, 1), "0123456789.-") == ""
}

name_characters := {
	"compose": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
	"kubernetes": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-",
}

# "KEY=value" as Compose environment lists and docker inspect `Env` write it, as a variable (a bare "KEY"
# takes its value from the environment: no literal).
assignment(entry, dialect, path) := variable(parts[0], assigned_value(parts), dialect, path) if {
	parts := split(entry, "=")
}

assigned_value(parts) := concat("=", array.slice(parts, 1, count(parts))) if {
	count(parts) > 1
} else := ""

# literal as a boolean, for model fields that must always be defined.
is_literal(value, dialect) if literal(value, dialect)

else := false
