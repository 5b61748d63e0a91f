import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { decodeBinary, resolveScalar, ScalarError, TAGS, type YamlDialect } from "./yaml-scalars.js";

export interface ReadLimits {
  /** Nodes that aliases may add to a document when expanded (billion-laughs documents stop here). */
  maxAliasNodes: number;
}

/** Why a document cannot be read, and where. */
export interface ReadProblem {
  message: string;
  offset: number;
}

const COLLECTION_TAGS = new Set([undefined, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]);

/**
 * The consumer a document is written for: a Kubernetes object (apiVersion + kind) is read as kubectl reads it,
 * a Compose file (services, no apiVersion) as compose-go reads it, anything else as kubectl would.
 */
export function dialectOf(doc: Document): YamlDialect {
  const contents = doc.contents;
  if (!isMap(contents)) return "kubernetes";
  const keys = new Set(contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.source ?? pair.key.value) : "")));
  return keys.has("services") && !keys.has("apiVersion") ? "compose" : "kubernetes";
}

/**
 * Rewrites every scalar of a parsed document to the value its consumer decodes, and checks the document's tags
 * and alias expansion. Returns the first problem, or undefined when the document can be read.
 */
export function readNodes(doc: Document, dialect: YamlDialect | undefined, limits: ReadLimits): ReadProblem | undefined {
  const reader = new NodeReader(dialect ?? dialectOf(doc), limits);
  try {
    const size = reader.read(doc.contents);
    if (size - reader.nodes > limits.maxAliasNodes) {
      return { message: `aliases expand the document by more than ${limits.maxAliasNodes} nodes`, offset: doc.range?.[0] ?? 0 };
    }
  } catch (error) {
    if (error instanceof NodeProblem) return { message: error.message, offset: error.offset };
    throw error;
  }
  return undefined;
}

class NodeProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class NodeReader {
  /** Nodes in the source; the expanded size minus this is what aliases add. */
  nodes = 0;
  /** The latest node defined under each anchor name, as an alias sees them in document order. */
  private readonly anchors = new Map<string, Node>();
  /** Expanded size of each anchored node, once read; absent while it is being read (a recursive alias). */
  private readonly sizes = new Map<Node, number>();

  constructor(
    private readonly dialect: YamlDialect,
    private readonly limits: ReadLimits,
  ) {}

  /** Reads a node and returns its expanded size in nodes. */
  read(node: unknown): number {
    if (node === null || node === undefined) return 0;
    const offset = (node as { range?: [number] }).range?.[0] ?? 0;
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      const size = target && this.sizes.get(target);
      if (size === undefined) throw new NodeProblem(target ? "an alias refers to its own anchor" : "an alias names no anchor defined before it", offset);
      if (size - 1 > this.limits.maxAliasNodes) throw new NodeProblem(`an alias expands to more than ${this.limits.maxAliasNodes} nodes`, offset);
      return size;
    }
    this.nodes += 1;
    const anchored = node as Node;
    if (anchored.anchor) this.anchors.set(anchored.anchor, anchored);
    let size = 1;
    if (isScalar(node)) {
      this.readScalar(node, offset);
    } else if (isMap(node) || isSeq(node)) {
      if (!COLLECTION_TAGS.has(node.tag)) throw new NodeProblem("a tag shipshape does not understand", offset);
      for (const item of node.items) {
        size += isPair(item) ? this.read(item.key) + this.read(item.value) : this.read(item);
        if (size - this.nodes > this.limits.maxAliasNodes * 2) throw new NodeProblem(`aliases expand the document by more than ${this.limits.maxAliasNodes} nodes`, offset);
      }
    }
    if (anchored.anchor) this.sizes.set(anchored, size);
    return size;
  }

  private readScalar(node: import("yaml").Scalar, offset: number): void {
    if (typeof node.value === "symbol") return; // the merge key `<<`
    const tag = node.tag;
    const source = typeof node.source === "string" ? node.source : typeof node.value === "string" ? node.value : "";
    try {
      if (tag === undefined) {
        if (node.type === "PLAIN") node.value = resolveScalar(source, this.dialect);
      } else if (tag === "!") {
        node.value = source;
      } else if (tag === TAGS.BINARY) {
        node.value = decodeBinary(source);
      } else if (TAGS.RESOLVABLE.has(tag)) {
        node.value = resolveScalar(source, this.dialect, tag);
      } else {
        throw new ScalarError("a tag shipshape does not understand");
      }
    } catch (error) {
      if (error instanceof ScalarError) throw new NodeProblem(error.message, offset);
      throw error;
    }
    if (typeof node.value === "number" && !Number.isFinite(node.value) && this.dialect === "kubernetes") {
      // JSON has no NaN or infinity, so kubectl cannot decode the manifest at all.
      throw new NodeProblem("a value of .inf or .nan, which JSON (and so the API server) cannot hold", offset);
    }
  }
}
