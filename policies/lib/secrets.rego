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

# "KEY=value" as Compose environment lists and docker inspect `Env` write it: the name, and whether a literal
# is assigned (a bare "KEY" takes its value from the environment).
assignment(entry, dialect) := {"name": parts[0], "literal": assigned_literal(parts, dialect)} if {
	parts := split(entry, "=")
}

assigned_literal(parts, dialect) := is_literal(concat("=", array.slice(parts, 1, count(parts))), dialect) if {
	count(parts) > 1
} else := false

# literal as a boolean, for model fields that must always be defined.
is_literal(value, dialect) if literal(value, dialect)

else := false
