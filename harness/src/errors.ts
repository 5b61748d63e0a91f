/** Every error shipshape reports to a user: a stable `code`, and the file and line where there is one. */
export type ErrorCode =
  | "PARSE_ERROR" // the file is not valid JSON/YAML
  | "INPUT_ERROR" // the file cannot be read, or its content cannot be checked
  | "POLICY_ERROR" // the policy bundle is missing, broken, or failed to evaluate
  | "USAGE_ERROR"; // the command line or configuration is wrong

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

export class ShipshapeError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: ErrorCode, message: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }

  /** What a report or an API response may show: never a stack trace. */
  toJSON(): { code: ErrorCode; message: string } & ErrorLocation {
    const { code, message, file, line, column } = this;
    return { code, message, ...(file && { file }), ...(line && { line }), ...(column && { column }) };
  }
}

export class ParseError extends ShipshapeError {
  constructor(message: string, where: ErrorLocation, options?: { cause?: unknown }) {
    super("PARSE_ERROR", message, where, options);
  }
}

export class InputError extends ShipshapeError {
  constructor(message: string, where: ErrorLocation, options?: { cause?: unknown }) {
    super("INPUT_ERROR", message, where, options);
  }
}

export class PolicyError extends ShipshapeError {
  constructor(message: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super("POLICY_ERROR", message, where, options);
  }
}

export class UsageError extends ShipshapeError {
  constructor(message: string) {
    super("USAGE_ERROR", message);
  }
}

/** Any thrown value as a ShipshapeError, so callers never handle raw exceptions. */
export function toShipshapeError(error: unknown, where: ErrorLocation = {}): ShipshapeError {
  if (error instanceof ShipshapeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(message, where, { cause: error });
}
