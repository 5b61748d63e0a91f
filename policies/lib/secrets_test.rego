package shipshape.lib.secrets_test

import data.shipshape.lib.secrets

secret_names := [
	"DB_PASSWORD", "db_passwd", "GITHUB_TOKEN", "STRIPE_API_KEY",
	"apikey", "TLS_PRIVATE_KEY", "AWS_ACCESS_KEY_ID", "CREDENTIALS",
]

names_about_a_secret := [
	"DB_PASSWORD_FILE", "TOKEN_PATH", "MYSQL_ALLOW_EMPTY_PASSWORD",
	"MYSQL_RANDOM_ROOT_PASSWORD", "LOG_LEVEL", "KEYBOARD",
]

test_secret_names if {
	every name in secret_names {
		secrets.secret_name(name)
	}
}

test_names_about_a_secret_are_not_secrets if {
	every name in names_about_a_secret {
		not secrets.secret_name(name)
	}
}

test_only_strings_are_names if not secrets.secret_name(42)

test_literals if {
	every dialect in ["kubernetes", "compose", "runtime"] {
		secrets.literal("hunter2", dialect)
		secrets.literal(1234, dialect)
		every value in ["", "  ", "True", " off ", "YES"] {
			not secrets.literal(value, dialect)
		}
	}
}

test_kubernetes_expands_only_parenthesised_references if {
	not secrets.literal("$(DB_PASSWORD)", "kubernetes")
	every value in ["$ecret", "${DB_PASSWORD}", "$DB_PASSWORD", "$$(DB_PASSWORD)", "pre-$(X)", "$(X)$(Y)", "$()"] {
		secrets.literal(value, "kubernetes")
	}
}

test_compose_expands_dollar_references_but_not_escaped_dollars_or_defaults if {
	every value in [
		"$DB_PASSWORD", "${DB_PASSWORD}", "${DB_PASSWORD:?required}", "${DB_PASSWORD?}", "${DB_PASSWORD:-}",
		"$ecret",
	] {
		not secrets.literal(value, "compose")
	}
	every value in [
		"$$ecret", "${DB_PASSWORD:-changeme}", "${DB_PASSWORD-hunter2}", "p@ss$WORD", "$(DB_PASSWORD)",
		"${}",
	] {
		secrets.literal(value, "compose")
	}
}

test_at_run_time_every_value_is_a_literal if {
	every value in ["$ecret", "${DB_PASSWORD}", "$(DB_PASSWORD)"] {
		secrets.literal(value, "runtime")
	}
}
