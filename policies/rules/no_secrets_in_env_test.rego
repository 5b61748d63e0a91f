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
