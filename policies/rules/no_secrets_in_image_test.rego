package shipshape.rules.no_secrets_in_image_test

import data.shipshape.rules.no_secrets_in_image
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_secrets_in_image.findings with input as doc
}

copying(sources) := fx.dockerfile_with([fx.instruction("copy", 1, array.concat(sources, ["/app/"]))])

test_secret_files_copied_fail if {
	secrets := [
		".env", ".env.production", "config/.npmrc", ".pypirc", ".netrc", ".git-credentials", "tls/server.key",
		"certs/privkey.pem", "id_rsa", "keys/id_ed25519", ".aws/", ".ssh", ".ssh/id_ecdsa", "home/.docker/config.json",
		"aws_credentials.json", "secrets.yaml", "APIKEY.txt", "stripe_api_key", "keystore.p12",
	]
	every source in secrets {
		count(findings(copying([source]))) == 1
	}
	[f] := findings(copying(["package.json", ".env"]))
	f.field == [7, "Value", 1]
	f.message == "Dockerfile stage 1 copies \".env\" into the image, a secret by its name"
}

copy_to(source, destination) := fx.dockerfile_with([fx.instruction("copy", 1, [source, destination])])

test_a_copy_to_a_credential_file_fails if {
	stores := [
		"/root/.npmrc", ".npmrc", "/home/app/.ssh/id_ed25519", "/root/.docker/config.json",
		"/root/.aws/credentials",
	]
	every destination in stores {
		count(findings(copy_to("npmrc.template", destination))) == 1
	}
	[f] := findings(copy_to("npmrc.ci", "/root/.npmrc"))
	f.message == "Dockerfile stage 1 copies \"npmrc.ci\" to \"/root/.npmrc\", where credentials are kept"
}

test_a_copy_of_a_public_file_to_a_conventional_place_passes if {
	count(findings(copy_to(".env.example", "/app/.env"))) == 0
	count(findings(copy_to("known_hosts", "/root/.ssh/"))) == 0
}

test_other_files_pass if {
	others := [
		".env.example", ".env.template", "id_rsa.pub", ".ssh/known_hosts", ".ssh/config", "environment.ts",
		"keys.go", ".",
	]
	every source in others {
		count(findings(copying([source]))) == 0
	}
}

test_a_run_that_writes_a_secret_fails if {
	echo := object.union(fx.command(["echo", "$KEY"]), {"Redirects": [{"Op": ">", "Target": "/root/.ssh/id_rsa"}]})
	[f] := findings(fx.dockerfile_with([fx.run([echo])]))
	f.field == [7, "Commands", 0]
	f.message == "Dockerfile stage 1 writes \"/root/.ssh/id_rsa\" in a RUN, a secret by its name"
	count(findings(fx.dockerfile_with([fx.run([fx.command(["tee", "-a", "/root/.npmrc"])])]))) == 1
}

test_a_run_that_writes_public_files_passes if {
	scan := object.union(
		fx.command(["ssh-keyscan", "github.com"]),
		{"Redirects": [{"Op": ">>", "Target": "~/.ssh/known_hosts"}]},
	)
	read := object.union(fx.command(["cat"]), {"Redirects": [{"Op": "<", "Target": "/run/secrets/.npmrc"}]})
	count(findings(fx.dockerfile_with([fx.run([scan, read])]))) == 0
}

test_builder_stages_and_urls_are_not_judged if {
	builder_copy := fx.instruction("copy", 0, [".npmrc", "/root/"])
	count(findings(array.concat([fx.dockerfile[0], builder_copy], array.slice(fx.dockerfile, 2, 8)))) == 0
	count(findings(fx.dockerfile_with([fx.instruction("add", 1, ["https://x/secrets.txt", "/x"])]))) == 0
}

# Field absent: a COPY with no source, a RUN without commands.
test_malformed_steps_pass if {
	malformed := [fx.instruction("copy", 1, ["/app/"]), fx.instruction("run", 1, ["echo x > .npmrc"])]
	count(findings(fx.dockerfile_with(malformed))) == 0
}
