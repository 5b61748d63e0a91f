package shipshape.rules.no_secrets_in_env_test

import data.shipshape.rules.no_secrets_in_env
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_secrets_in_env.findings with input as doc
}

secret := "s3cr3t-Value-42"

test_kubernetes_literal_secrets_fail_and_references_pass if {
	env := [
		{"name": "DB_PASSWORD", "value": secret},
		{"name": "API_KEY", "valueFrom": {"secretKeyRef": {"name": "api", "key": "key"}}},
		{"name": "GITHUB_TOKEN", "value": "$(TOKEN_FROM_FILE)"},
		{"name": "TOKEN_FILE", "value": "/run/secrets/token"},
		{"name": "LOG_LEVEL", "value": "debug"},
		{"name": "EMPTY_SECRET", "value": ""},
		{"name": "MYSQL_ALLOW_EMPTY_PASSWORD", "value": "yes"},
		{"name": "MYSQL_RANDOM_ROOT_PASSWORD", "value": "1"},
		{"name": "TOKEN_AUTH_ENABLED", "value": "true"},
	]
	[f] := findings(fx.pod({"containers": [fx.container_with({"env": env})]}))
	f.field == ["spec", "containers", 0, "env", 0, "value"]
	f.message == "container app of Pod/web has a literal value in the secret-looking variable DB_PASSWORD"
	not contains(f.message, secret)
}

test_compose_mapping_and_list_forms if {
	mapping := fx.service_with({"environment": {
		"MYSQL_ROOT_PASSWORD": secret,
		"AWS_SECRET_ACCESS_KEY": "${AWS_KEY}",
		"DEBUG": "1",
	}})
	[f] := findings(fx.compose(mapping))
	f.field == ["services", "web", "environment", "MYSQL_ROOT_PASSWORD"]
	list := fx.service_with({"environment": [
		concat("=", ["PRIVATE_KEY", secret]),
		"API_TOKEN",
		"POSTGRES_PASSWORD_FILE=/run/secrets/pg",
	]})
	[g] := findings(fx.compose(list))
	g.field == ["services", "web", "environment", 0]
	count(findings(fx.compose(fx.service_with({"environment": {"REDIS_PASSWORD": null}})))) == 0
}

test_inspect_env_fails if {
	config := {"Config": {"Env": ["PATH=/usr/bin", concat("=", ["SECRET_KEY_BASE", secret]), "MONGO_PASSWORD="]}}
	[f] := findings([fx.inspect_container_with(config)])
	f.field == [0, "Config", "Env", 1]
	count(findings(fx.inspect_image_with(config))) == 1
}

# Dockerfile

test_dockerfile_env_and_arg_defaults_with_secrets_fail if {
	extra := [
		fx.instruction("env", 1, ["API_TOKEN", "s3cr3t", "=", "DB_PASSWORD_FILE", "/run/secrets/db", "="]),
		fx.instruction("arg", 1, ["NPM_TOKEN=abc123", "GITHUB_TOKEN"]),
		fx.instruction("env", 1, ["PASSWORD", "${PASSWORD}", "="]),
	]
	found := findings(fx.dockerfile_with(extra))
	{[f.message, f.field] | some f in found} == {
		["Dockerfile stage 1 has a literal value in the secret-looking variable API_TOKEN", [7, "Value", 0]],
		["Dockerfile stage 1 has a literal value in the secret-looking variable NPM_TOKEN", [8, "Value", 0]],
	}
}

# Secrets by their value, whatever the variable is called; never echoed.
test_values_that_are_secrets_by_format_fail_in_any_variable if {
	pem := "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"
	kinds := {
		"a private key": pem,
		"an AWS access key ID": concat("", ["AKIA", "IOSFODNN7EXAMPLE"]),
		"a GitHub token": concat("", ["ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"]),
		"a Slack token": concat("", ["xoxb-", "1234567890-abcdefghijklmnop"]),
		"a Stripe live key": concat("", ["sk_live_", "abcdefghijklmnopqrstuvwx"]),
		"a Google API key": concat("", ["AIza", "SyA-abcdefghijklmnopqrstuvwxyz12345"]),
		"a JSON Web Token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl",
	}
	every kind, value in kinds {
		[f] := findings(fx.pod({"containers": [fx.container_with({"env": [{"name": "CONFIG_BLOB", "value": value}]})]}))
		f.message == concat("", ["container app of Pod/web has ", kind, " in the variable CONFIG_BLOB"])
		not contains(f.message, value)
	}
}

test_a_mangled_private_key_block_is_a_private_key if {
	value := "---BEGIN OPENSSH PRIVATE KEY--- b3BlbnNzaC1rZXktdjEAAAAA ---END OPENSSH PRIVATE KEY---"
	compose := fx.compose(fx.service_with({"environment": [concat("=", ["SSH_BLOB", value])]}))
	[f] := findings(compose)
	f.message == "service web has a private key in the variable SSH_BLOB"
	count(findings([fx.inspect_container_with({"Config": {"Env": [concat("=", ["K", value])]}})])) == 1
}

test_near_misses_by_format_pass if {
	not_secrets := [
		"AKIA-not-a-key", "ghp_short", "eyJ.only", "xoxb-", "sk_test_abcdefghijklmnopqrstuvwx",
		"BEGIN with no key", "${AWS_KEY}",
	]
	every value in not_secrets {
		count(findings(fx.compose(fx.service_with({"environment": {"SETTING": value}})))) == 0
	}
}

test_a_secret_by_name_and_by_value_is_one_finding if {
	token := concat("", ["ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"])
	[f] := findings(fx.compose(fx.service_with({"environment": {"GITHUB_TOKEN": token}})))
	f.message == "service web has a GitHub token in the variable GITHUB_TOKEN"
}

test_variables_that_say_where_a_secret_is_pass if {
	env := {
		"ALLOYDB_SECRET_NAME": "alloydb-password",
		"DB_PASSWORD_SECRET_REF": "db-creds",
		"API_TOKEN": "/run/secrets/api_token",
		"VAULT_SECRET": "vault:secret/data/app#token",
		"DB_PASSWORD": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
		"STRIPE_API_KEY": "projects/p/secrets/stripe/versions/latest",
		"PLACEHOLDER_PASSWORD": "changeme",
	}
	[f] := findings(fx.compose(fx.service_with({"environment": env})))
	f.message == "service web has a literal value in the secret-looking variable PLACEHOLDER_PASSWORD"
}

test_kubernetes_value_from_is_never_judged_by_value if {
	key := concat("", ["AKIA", "IOSFODNN7EXAMPLE"])
	env := [{"name": "K", "value": key, "valueFrom": {"secretKeyRef": {"name": "a", "key": "b"}}}]
	count(findings(fx.pod({"containers": [fx.container_with({"env": env})]}))) == 0
}

test_dockerfile_env_with_a_private_key_fails if {
	pem := "-----BEGIN EC PRIVATE KEY-----MHcCAQEE-----END EC PRIVATE KEY-----"
	[f] := findings(fx.dockerfile_with([fx.instruction("env", 1, ["TLS_BLOB", pem, "="])]))
	f.message == "Dockerfile stage 1 has a private key in the variable TLS_BLOB"
}
