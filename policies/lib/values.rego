# METADATA
# title: Defensive value access
# description: |
#   Real files put null, strings or lists where a mapping belongs. A container record is one object: if any
#   of its values is undefined, the whole container silently disappears from the model. These helpers always
#   yield a value, so a malformed field reads as absent instead.
package shipshape.lib.values

# The mapping at `key` of `x`, or {} when either is not a mapping.
object_at(x, key) := x[key] if {
	is_object(x)
	is_object(x[key])
} else := {}

# Whether a value was given: neither null nor an empty string.
present(x) if {
	x != null
	x != ""
}

# Whether `x` is a number above zero; false for anything else (null, strings, absent).
positive(x) if {
	is_number(x)
	x > 0
} else := false

# A non-empty string of decimal digits ("22", "1000"). String builtins, not regex.match: the WASM runtime
# compiles a pattern again on every evaluation, which cost more than all the rules together.
digits(x) if {
	is_string(x)
	x != ""
	trim_left(x, "0123456789") == ""
}

# YAML 1.1 booleans, as kubectl's loader reads them: `privileged: yes` is true there, though a YAML 1.2
# parser sees the string "yes". Security switches are read through these, so spelling cannot hide a setting.
truthy(x) if {
	x == true
} else if {
	is_string(x)
	lower(trim_space(x)) in {"true", "yes", "on", "y"}
} else := false

falsy(x) if {
	x == false
} else if {
	is_string(x)
	lower(trim_space(x)) in {"false", "no", "off", "n"}
} else := false

# Whether a resource quantity was given and asks for some of the resource: a number above zero, or a string
# whose amount is above zero (`512Mi`, `0.5`, `100m`, `1e3`, `2g`, `1.5gb`). Zero in any spelling (`0`,
# `"0"`, `0m`, `0.0Gi`), a negative amount, an empty or unparseable value is no quantity: runc, the kubelet
# and Compose all treat a zero limit as no limit. One meaning for limits and requests in every shape.
quantity_set(x) if {
	is_number(x)
	x > 0
} else if {
	is_string(x)
	amount := split(lower(trim_right(trim_space(x), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")), "e")[0]
	decimal(trim_prefix(amount, "+"))
	trim_left(amount, "+0.") != ""
} else := false

# Digits with at most one decimal point and at least one digit (no sign, no exponent).
decimal(text) if {
	trim_left(text, "0123456789.") == ""
	count(split(text, ".")) <= 2
	trim(text, ".") != ""
}
