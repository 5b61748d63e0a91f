# shipshape: build the WASM policy bundle and the TypeScript harness, and run every check.
# Go tools (OPA, conftest, Regal, kube-score) are pinned in tools/go.mod, tools/regal/go.mod and
# tools/kube-score/go.mod and built into .tools/bin.

BIN       := .tools/bin
OPA       := $(BIN)/opa
CONFTEST  := $(BIN)/conftest
REGAL     := $(BIN)/regal
ORACLE    := $(BIN)/oracle
KUBE_SCORE := $(BIN)/kube-score
HELM      := $(BIN)/helm
KUSTOMIZE := $(BIN)/kustomize
JUNIT_XSD := .tools/junit.xsd
REGO      := $(shell find policies -name '*.rego' -not -name '*_test.rego')
REGO_ALL  := $(shell find policies -name '*.rego')
TS_SRC    := $(shell find harness/src -name '*.ts')
OUT       := dist/policy
CAPS      := policies/capabilities.json
MIN_COVERAGE := 90

.PHONY: all tools build policy shell lib test test-package check check-rego fmt-rego lint-rego lint-ts test-rego typecheck test-ts bench \
        demo docs capabilities clean

all: build

# --- pinned Go tools -------------------------------------------------------------------------------------
$(OPA) $(CONFTEST) &: tools/go.mod tools/go.sum
	cd tools && go build -o ../$(BIN)/ github.com/open-policy-agent/opa github.com/open-policy-agent/conftest

$(REGAL): tools/regal/go.mod tools/regal/go.sum
	cd tools/regal && go build -o ../../$(BIN)/ github.com/open-policy-agent/regal

# A peer on the same files (npm run peers): kube-score, pinned in tools/kube-score/go.mod.
$(KUBE_SCORE): tools/kube-score/go.mod tools/kube-score/go.sum
	cd tools/kube-score && go build -o ../../$(BIN)/ github.com/zegl/kube-score/cmd/kube-score

# Helm, for `check --helm` tests (users bring their own helm on PATH): pinned in tools/helm/go.mod. Like helm's
# own release build, it is told the Kubernetes version of its client libraries (else it renders for v1.20).
$(HELM): tools/helm/go.mod tools/helm/go.sum
	cd tools/helm && minor=$$(go list -m -f '{{.Version}}' k8s.io/client-go | cut -d. -f2) && \
	  go build -ldflags "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$$minor" \
	  -o ../../$(BIN)/ helm.sh/helm/v3/cmd/helm

# Kustomize, for `check --kustomize` tests (users bring their own kustomize or kubectl): pinned in
# tools/kustomize/go.mod (v5.8.2, the newest whose modules build with this Go).
$(KUSTOMIZE): tools/kustomize/go.mod tools/kustomize/go.sum
	cd tools/kustomize && go build -o ../../$(BIN)/ sigs.k8s.io/kustomize/kustomize/v5

# The common JUnit XSD (Jenkins' junit-4.xsd, MIT) that the JUnit report is validated against (xmllint), as it
# ships in kubeconform's module, pinned in tools/junit-xsd/go.mod: taken from the module cache, not committed.
$(JUNIT_XSD): tools/junit-xsd/go.mod tools/junit-xsd/go.sum
	cd tools/junit-xsd && go mod download github.com/yannh/kubeconform && \
	  install -m 644 "$$(go list -m -f '{{.Dir}}' github.com/yannh/kubeconform)/fixtures/junit.xsd" ../../$@

# How the real consumers read inputs (kubectl's YAML, compose-go, runc's users): the differential tests' oracle.
$(ORACLE): tools/oracle/go.mod tools/oracle/go.sum tools/oracle/main.go
	cd tools/oracle && go build -o ../../$(BIN)/ .

tools: $(OPA) $(CONFTEST) $(REGAL) $(ORACLE) $(KUBE_SCORE) $(HELM) $(KUSTOMIZE) $(JUNIT_XSD)

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# --- build -----------------------------------------------------------------------------------------------
build: policy shell lib

# The shell parser Dockerfile commands are read with: web-tree-sitter's runtime (a dependency) and the
# tree-sitter-bash grammar (a build-time dependency: only its .wasm ships, not its native addon), with licences.
SHELL_OUT := dist/shell
shell: $(SHELL_OUT)/web-tree-sitter.wasm $(SHELL_OUT)/tree-sitter-bash.wasm

$(SHELL_OUT)/web-tree-sitter.wasm $(SHELL_OUT)/tree-sitter-bash.wasm &: node_modules/.package-lock.json scripts/copy-shell.mjs
	node scripts/copy-shell.mjs

# The compiled policy is committed (dist/policy), so Node alone runs shipshape: without Go, `make build` takes
# it as it is; with Go, it is rebuilt when policies/ changes, and .ci/run fails when the committed copy is stale.
ifeq ($(shell command -v go 2>/dev/null),)
policy:
	@test -f $(OUT)/policy.wasm -a -f $(OUT)/catalog.json || { echo "dist/policy is missing and there is no Go to build it"; exit 1; }
else
policy: $(OUT)/policy.wasm $(OUT)/catalog.json
endif

# The capabilities file makes a builtin the WASM runtime lacks a compile error here.
$(OUT)/policy.wasm: $(REGO) $(CAPS) $(OPA)
	@mkdir -p $(OUT)
	$(OPA) build -t wasm -e shipshape/main/report --capabilities $(CAPS) \
	  --ignore '*_test.rego' --ignore capabilities.json -o $(OUT)/bundle.tar.gz policies
	tar -xzf $(OUT)/bundle.tar.gz -C $(OUT) /policy.wasm 2>/dev/null || tar -xzf $(OUT)/bundle.tar.gz -C $(OUT) policy.wasm
	rm -f $(OUT)/bundle.tar.gz
	chmod 644 $@ # opa writes it 0600; the package and a server's non-root user must be able to read it
	@touch $@

$(OUT)/catalog.json: $(REGO) scripts/catalog.ts harness/src/engine/catalog.ts harness/src/engine/catalog-build.ts $(OPA) $(shell find inputs -type f)
	@mkdir -p $(OUT)
	$(OPA) inspect -a -f json policies | npx tsx scripts/catalog.ts $@

lib: dist/lib/index.js dist/cli/main.js dist/playground/index.html

# The bundled rules' configuration schema compiled ahead of time (committed, like dist/policy; a test holds it
# to the catalog): a run with a .shipshape.yaml then starts without Ajv's compiler.
CONFIG_VALIDATOR := harness/src/config/bundled-validator.ts
$(CONFIG_VALIDATOR): $(OUT)/catalog.json harness/scripts/config-validator.ts harness/src/config/schema.ts harness/src/config/ajv-options.ts
	npx tsx harness/scripts/config-validator.ts $(OUT)/catalog.json $@

dist/lib/index.js dist/cli/main.js dist/playground/index.html: $(CONFIG_VALIDATOR)

dist/lib/index.js: $(TS_SRC) tsconfig.json tsconfig.build.json node_modules/.package-lock.json
	npx tsc -p tsconfig.build.json
	@touch $@

# The CLI is bundled (one file loads much faster than hundreds of modules); the library is not.
dist/cli/main.js: $(TS_SRC) scripts/bundle-cli.mjs node_modules/.package-lock.json
	rm -rf dist/cli
	node scripts/bundle-cli.mjs

# The playground: a static site bundled for browsers (harness/playground + shipshape/core + CodeMirror), with
# the policy and the shell parser beside it.
# (Without Go the committed policy is taken as it is: order-only, so its age never asks for OPA.)
dist/playground/index.html: $(TS_SRC) $(wildcard harness/playground/*) scripts/bundle-playground.mjs node_modules/.package-lock.json \
  $(if $(shell command -v go 2>/dev/null),$(OUT)/policy.wasm $(OUT)/catalog.json) $(SHELL_OUT)/web-tree-sitter.wasm | policy
	node scripts/bundle-playground.mjs

# Regenerate policies/capabilities.json after an OPA or opa-wasm upgrade.
capabilities: $(OPA) node_modules/.package-lock.json
	node scripts/capabilities.mjs $(OPA) "$$(cd tools && go list -m -f '{{.Dir}}' github.com/open-policy-agent/opa)"

docs: build
	npx tsx harness/scripts/rule-docs.ts
	npx tsx harness/scripts/cli-docs.ts

# --- checks ----------------------------------------------------------------------------------------------
# The checks run side by side (-j3, vitest first): vitest waits on child processes often enough that the Go linters
# and tsc fill the idle core. Each step's output is printed whole when it ends (--output-sync), so a failure reads
# as it would alone.
TEST_STEPS := test-ts lint-ts lint-rego typecheck test-rego check-rego fmt-rego
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target $(TEST_STEPS)

fmt-rego: $(OPA)
	@out=$$($(OPA) fmt -l policies examples/custom-rules/policy); if [ -n "$$out" ]; then echo "opa fmt would change:"; echo "$$out"; exit 1; fi

check-rego: $(OPA)
	$(OPA) check --strict --capabilities $(CAPS) --ignore capabilities.json policies

lint-rego: $(REGAL)
	$(REGAL) lint policies examples/custom-rules/policy

# One run: the tests, and coverage held to a minimum by opa itself.
test-rego: $(OPA)
	@$(OPA) test policies --ignore capabilities.json --coverage --threshold $(MIN_COVERAGE) > /dev/null || { \
	  $(OPA) test policies --ignore capabilities.json; echo "a Rego test failed, or coverage is under $(MIN_COVERAGE)%"; exit 1; }
	@echo "Rego tests pass; coverage at least $(MIN_COVERAGE)%"

# typescript-eslint's type-checked rules (eslint.config.js), and Prettier's formatting.
# Caches under node_modules/.cache (never committed; a clean clone starts cold): a warm run re-checks only what
# changed (eslint 15 s -> 3 s, tsc 6 s -> 2 s on this machine).
lint-ts: node_modules/.package-lock.json
	npx eslint --cache --cache-location node_modules/.cache/eslint/ .
	npx prettier --check --cache . > /dev/null || { npx prettier --list-different .; echo "run: npx prettier --write ."; exit 1; }

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/tsc/tsconfig.tsbuildinfo

test-ts: build $(CONFTEST) $(ORACLE) $(HELM) $(KUSTOMIZE) $(JUNIT_XSD)
	PATH="$(CURDIR)/$(BIN):$$PATH" npx vitest run --project unit

# The npm package installed from its packed tarball into a fresh project, with Node alone (npm install needs the
# registry, and takes about 12 s): kept out of the edit-test loop, run by `make check` and CI.
test-package: build
	npx vitest run --project package

# Everything: what .ci/run and the README's test command run.
check: test test-package

# Side-by-side benchmarks (conftest and opa are the anchors); writes docs/benchmarks.md. A real corpus joins
# the generated ones with SHIPSHAPE_CORPUS=DIR.
bench: build $(CONFTEST) $(KUBE_SCORE)
	npx tsx bench/run.ts $(if $(SHIPSHAPE_CORPUS),--corpus $(SHIPSHAPE_CORPUS))

# The README's first command: shipshape checking the bundled examples.
# The bad/ samples fail on purpose: the check's exit code (1) is printed, and the demo itself succeeds.
demo: build
	node bin/shipshape.js check --config inputs/.shipshape.yaml inputs/; echo "(shipshape exited $$?: the bad/ samples fail on purpose)"

clean:
	rm -rf dist
