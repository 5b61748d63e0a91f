import type { Finding } from "../finding.js";
import type { Formatter } from "./formatter.js";
import { xml } from "./xml.js";

/**
 * JUnit XML, one test suite per file: a deny finding is a failure, a warn finding a passing case with its
 * message in system-out, a waived finding a skipped case with the waiver's reason, an unreadable file an error.
 * A file without findings is one passing case, so CI dashboards count it.
 */
export const formatJunit: Formatter = (report) => {
  const files = new Map<string, { findings: Finding[]; errors: typeof report.errors }>();
  const entry = (file: string) => files.get(file) ?? files.set(file, { findings: [], errors: [] }).get(file)!;
  for (const f of report.findings) entry(f.file).findings.push(f);
  for (const e of report.errors) entry(e.file).errors.push(e);

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [file, { findings, errors: fileErrors }] of files) {
    const cases = findings.map((f) => {
      const name = xml([f.rule, f.object, f.container].filter(Boolean).join(" "));
      // No file/line attributes: the common JUnit XSD (Jenkins' junit-4.xsd) has none; the file is the class
      // name and file:line:column opens the failure's text.
      const head = `    <testcase classname="${xml(file)}" name="${name}">`;
      // The reason as the text of <skipped> (the XSD allows no message attribute there).
      if (f.waived) return `${head}\n      <skipped>${xml(`waived: ${f.waiver ?? ""}`)}</skipped>\n    </testcase>`;
      if (f.level === "warn") return `${head}\n      <system-out>${xml(`warning: ${f.message}`)}</system-out>\n    </testcase>`;
      return `${head}\n      <failure message="${xml(f.message)}" type="${xml(f.rule)}">${xml(
        `${file}:${f.line}:${f.column} ${f.message}`,
      )}</failure>\n    </testcase>`;
    });
    for (const e of fileErrors) {
      cases.push(
        `    <testcase classname="${xml(file)}" name="read ${xml(file)}">\n      <error message="${xml(e.message)}" type="${e.code}"/>\n    </testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file)}" name="no findings"/>`);
    const suiteFailures = findings.filter((f) => !f.waived && f.level === "deny").length;
    const suiteSkipped = findings.filter((f) => f.waived).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += fileErrors.length;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${fileErrors.length}" skipped="${suiteSkipped}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="shipshape" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
};
