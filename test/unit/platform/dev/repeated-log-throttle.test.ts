import { describe, expect, it } from '@jest/globals';
import { RepeatedLogThrottle, repeatKey } from '../../../../apps/worker/src/repeated-log-throttle.js';

describe('RepeatedLogThrottle', () => {
  it('logs the first of a kind, drops the same within a minute, then logs one saying how many were dropped', () => {
    let now = 0;
    const throttle = new RepeatedLogThrottle(60_000, () => now);
    const retried = (times: number) => repeatKey('warn', `gRPC call poll_workflow_task_queue retried ${times} times`);
    expect(throttle.admit(retried(1))).toEqual({ dropped: 0 });
    // Every 400 ms for 80 s, as the SDK retries its polls while the server is down.
    const admitted = [];
    for (let i = 2; i <= 201; i += 1) {
      now += 400;
      admitted.push(throttle.admit(retried(i)));
    }
    expect(admitted.filter(Boolean)).toEqual([{ dropped: 149 }]);
    expect(admitted.findIndex(Boolean)).toBe(149); // at 60 s
  });

  it('never holds back a different warning', () => {
    const throttle = new RepeatedLogThrottle(60_000, () => 0);
    expect(throttle.admit(repeatKey('warn', 'gRPC call poll_workflow_task_queue retried 3 times'))).toEqual({ dropped: 0 });
    expect(throttle.admit(repeatKey('warn', 'gRPC call poll_activity_task_queue retried 3 times'))).toEqual({ dropped: 0 });
    expect(throttle.admit(repeatKey('error', 'gRPC call poll_activity_task_queue retried 3 times'))).toEqual({ dropped: 0 });
  });
});
