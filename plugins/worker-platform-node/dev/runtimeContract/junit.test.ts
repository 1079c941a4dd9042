import { countJUnit } from './junit';

describe('countJUnit', () => {
  it('counts passed, failed (errors included) and skipped cases', () => {
    const xml = `<?xml version="1.0"?><testsuites><testsuite>
      <testcase classname="tests.test_api" name="test_health" time="0.1" />
      <testcase classname="tests.test_api" name="test_ready" time="0.1"><failure message="assert 503 == 200">trace</failure></testcase>
      <testcase classname="tests.test_broker" name="test_send" time="0.1"><error message="Redis down">trace</error></testcase>
      <testcase classname="tests.smoke_test" name="test_smoke" time="0"><skipped type="pytest.skip" message="SMOKE_BASE_URL is not set" /></testcase>
      <testcase classname="tests.test_tasks" name="test_echo" time="0.1"><system-out>ok</system-out></testcase>
    </testsuite></testsuites>`;
    expect(countJUnit(xml)).toEqual({
      passed: 2,
      failed: 2,
      skipped: 1,
      failures: [
        'tests.test_api::test_ready: assert 503 == 200',
        'tests.test_broker::test_send: Redis down',
      ],
    });
  });

  it('counts nothing in a report without test cases', () => {
    expect(countJUnit('<testsuites />')).toEqual({
      passed: 0,
      failed: 0,
      skipped: 0,
      failures: [],
    });
  });
});
