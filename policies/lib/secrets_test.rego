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
	secrets.literal("hunter2")
	secrets.literal(1234)
	every value in ["", "  ", "$(DB_PASSWORD)", "${DB_PASSWORD}", "True", " off ", "YES"] {
		not secrets.literal(value)
	}
}
