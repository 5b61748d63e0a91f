/**
 * Escapes text for an XML attribute or element body. Characters XML 1.0 cannot hold (most C0 controls,
 * U+FFFE, U+FFFF, lone surrogates) are dropped; in attributes, line breaks and tabs are character references
 * so a parser keeps them as they are.
 */
export function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      "",
    )
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
