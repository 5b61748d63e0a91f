// Command oracle answers how the real consumers read an input, for shipshape's differential tests: the
// Kubernetes YAML decoder (sigs.k8s.io/yaml, YAML 1.1 scalars), Compose's loader (compose-go), runc's user
// lookup (moby/sys/user), Go's lexical path cleaning (as the engine applies to bind sources) and image
// references (distribution/reference). It reads one JSON request per line on stdin and writes one JSON answer
// per line on stdout, so a test can ask thousands of questions of one process.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path"
	"strings"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/distribution/reference"
	"github.com/moby/sys/user"
	"sigs.k8s.io/yaml"
)

type request struct {
	Op   string            `json:"op"`
	Text string            `json:"text"`
	Dir  string            `json:"dir"`
	Env  map[string]string `json:"env"`
}

type answer struct {
	Value any    `json:"value,omitempty"`
	Error string `json:"error,omitempty"`
}

// A passwd and group file with the usual system accounts, as in most base images.
const passwd = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\n"
const group = "root:x:0:\ndaemon:x:1:\napp:x:1000:\n"

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			_ = out.Encode(answer{Error: "bad request: " + err.Error()})
			continue
		}
		value, err := ask(req)
		if err != nil {
			_ = out.Encode(answer{Error: err.Error()})
		} else {
			_ = out.Encode(answer{Value: value})
		}
	}
}

func ask(req request) (any, error) {
	switch req.Op {
	case "kubernetes":
		// What kubectl and the API server decode a YAML manifest into.
		data, err := yaml.YAMLToJSON([]byte(req.Text))
		if err != nil {
			return nil, err
		}
		var value any
		err = json.Unmarshal(data, &value)
		return value, err
	case "compose":
		// The model `docker compose config` works from: interpolated, merged, extended and included.
		dir := req.Dir
		if dir == "" {
			dir = "/project"
		}
		details := types.ConfigDetails{
			WorkingDir:  dir,
			ConfigFiles: []types.ConfigFile{{Filename: path.Join(dir, "compose.yaml"), Content: []byte(req.Text)}},
			Environment: req.Env,
		}
		return loader.LoadModelWithContext(context.Background(), details, func(o *loader.Options) {
			o.SetProjectName("oracle", true)
			o.SkipConsistencyCheck = true
			o.SkipNormalization = true
			o.SkipResolveEnvironment = true
		})
	case "user":
		// runc resolves the user of a container's process this way.
		exec, err := user.GetExecUser(req.Text, &user.ExecUser{}, strings.NewReader(passwd), strings.NewReader(group))
		if err != nil {
			return nil, err
		}
		return map[string]int{"uid": exec.Uid, "gid": exec.Gid}, nil
	case "clean":
		return path.Clean(req.Text), nil
	case "reference":
		named, err := reference.ParseNormalizedNamed(req.Text)
		if err != nil {
			return nil, err
		}
		result := map[string]string{"domain": reference.Domain(named), "path": reference.Path(named)}
		if tagged, ok := named.(reference.Tagged); ok {
			result["tag"] = tagged.Tag()
		}
		if digested, ok := named.(reference.Digested); ok {
			result["digest"] = digested.Digest().String()
		}
		return result, nil
	}
	return nil, &unknownOp{req.Op}
}

type unknownOp struct{ op string }

func (e *unknownOp) Error() string { return "unknown op " + e.op }
