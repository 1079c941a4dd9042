/** The outcome of one pytest run, from its JUnit XML report. */
export interface SuiteCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** `file::test: message` of each failure, for the summary. */
  failures: string[];
}

const TESTCASE = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;

function attribute(attributes: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

/** Counts the test cases of a pytest `--junitxml` report (errors count as failures). */
export function countJUnit(xml: string): SuiteCounts {
  const counts: SuiteCounts = {
    passed: 0,
    failed: 0,
    skipped: 0,
    failures: [],
  };
  for (const match of xml.matchAll(TESTCASE)) {
    const [, attributes, body = ''] = match;
    if (/<(failure|error)\b/.test(body)) {
      counts.failed += 1;
      const message = /<(?:failure|error)\b[^>]*\bmessage="([^"]*)"/.exec(body);
      counts.failures.push(
        `${attribute(attributes, 'classname')}::${attribute(
          attributes,
          'name',
        )}: ${message?.[1] ?? 'failed'}`,
      );
    } else if (/<skipped\b/.test(body)) {
      counts.skipped += 1;
    } else {
      counts.passed += 1;
    }
  }
  return counts;
}
