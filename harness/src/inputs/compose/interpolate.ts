/** Variables visible to a Compose file: the process environment over the `.env` file beside it. */
export type Environment = Readonly<Record<string, string | undefined>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Resolves Compose interpolation in every string value, as `docker compose config` does: `$$` is a literal `$`;
 * `${VAR}` and `$VAR`; `${VAR:-default}` (unset or empty) and `${VAR-default}` (unset); `${VAR:+alt}` and
 * `${VAR+alt}`; defaults may nest. `${VAR:?message}` and `${VAR?message}` make Compose fail when VAR is unset;
 * a checker should not need deployment secrets, so they resolve to the empty string instead.
 */
export function interpolate(value: unknown, env: Environment): unknown {
  if (typeof value === "string") return value.includes("$") ? interpolateString(value, env) : value;
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env)]));
  }
  return value;
}

export function interpolateString(text: string, env: Environment): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== "$") {
      out += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
    } else if (next === "{") {
      const end = closingBrace(text, i + 2);
      if (end < 0) {
        out += text.slice(i); // unterminated: keep it as written
        break;
      }
      out += substitute(text.slice(i + 2, end), env);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (name) {
        out += env[name] ?? "";
        i += 1 + name.length;
      } else {
        out += "$";
        i += 1;
      }
    }
  }
  return out;
}

/** Index of the `}` closing a `${` whose body starts at `from`, allowing nested `${...}` in defaults. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth += 1;
      i += 1;
    } else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function substitute(body: string, env: Environment): string {
  const name = NAME.exec(body)?.[0] ?? "";
  const rest = body.slice(name.length);
  const value = env[name];
  const set = value !== undefined;
  const nonEmpty = set && value !== "";
  const operator = /^(:-|-|:\+|\+|:\?|\?)/.exec(rest)?.[0];
  if (!operator) return value ?? "";
  const argument = () => interpolateString(rest.slice(operator.length), env);
  switch (operator) {
    case ":-":
      return nonEmpty ? value : argument();
    case "-":
      return set ? value : argument();
    case ":+":
      return nonEmpty ? argument() : "";
    case "+":
      return set ? argument() : "";
    default: // :? and ?
      return value ?? "";
  }
}

/**
 * Interpolates a Compose file except each service's `environment`: `no-secrets-in-env` judges what the file
 * says, and `PASSWORD: ${DB_PASSWORD}` is a reference there, whatever the variable holds where shipshape runs.
 */
export function interpolateCompose(compose: Record<string, unknown>, env: Environment): Record<string, unknown> {
  const { services, ...rest } = compose;
  const out = interpolate(rest, env) as Record<string, unknown>;
  if (services === null || typeof services !== "object" || Array.isArray(services)) {
    return { ...out, services: interpolate(services, env) };
  }
  // Built from entries: a service named `__proto__` or `constructor` is an ordinary key, never a prototype.
  const interpolated = Object.entries(services).map(([name, service]): [string, unknown] => {
    if (service === null || typeof service !== "object" || Array.isArray(service)) return [name, interpolate(service, env)];
    const { environment, ...settings } = service as Record<string, unknown>;
    return [name, { ...(interpolate(settings, env) as Record<string, unknown>), ...(environment !== undefined && { environment }) }];
  });
  return { ...out, services: Object.fromEntries(interpolated) };
}
