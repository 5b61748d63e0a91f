// A playground's input in the URL fragment (`#v1.<kind>.<data>`: the text deflated and base64url-encoded), so a
// link shares it and no server ever sees it: browsers do not send the fragment.
export type Kind = "yaml" | "dockerfile";

const PREFIX = "#v1.";

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

export async function encodeShared(input: { kind: Kind; text: string }): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(input.text), new CompressionStream("deflate-raw"));
  return `${PREFIX}${input.kind}.${toBase64Url(deflated)}`;
}

/** The input a fragment holds; undefined for any other fragment (a damaged one included). */
export async function decodeShared(hash: string): Promise<{ kind: Kind; text: string } | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const [kind, data] = hash.slice(PREFIX.length).split(".", 2);
  if ((kind !== "yaml" && kind !== "dockerfile") || data === undefined) return undefined;
  const text = new TextDecoder().decode(await pipe(fromBase64Url(data), new DecompressionStream("deflate-raw")));
  return { kind, text };
}
