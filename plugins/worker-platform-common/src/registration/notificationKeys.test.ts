import { application, notifications } from './__fixtures__/pingvasaiArgoCd';
import {
  classifyNotificationKeys,
  registrationFieldManager,
} from './notificationKeys';

describe('classifyNotificationKeys', () => {
  it("sorts keys into the service's, other services' and the instance's", () => {
    expect(
      classifyNotificationKeys(
        {
          'trigger.pingvasai-on-deployed': '',
          'template.pingvasai-app-deployed': '',
          'template.payments-app-deployed': '',
          'trigger.pingvasaix-on-deployed': '',
          'service.slack': '',
          context: '',
          defaultTriggers: '',
        },
        'pingvasai',
      ),
    ).toEqual({
      own: ['template.pingvasai-app-deployed', 'trigger.pingvasai-on-deployed'],
      foreign: [
        'template.payments-app-deployed',
        'trigger.pingvasaix-on-deployed',
      ],
      instanceWide: ['context', 'defaultTriggers', 'service.slack'],
    });
  });
});

describe('registrationFieldManager', () => {
  it('gives the shared ConfigMap one manager per service, and the rest one manager', () => {
    expect(registrationFieldManager(notifications, 'pingvasai')).toBe(
      'backstage-worker-platform.pingvasai',
    );
    expect(registrationFieldManager(notifications, 'payments')).toBe(
      'backstage-worker-platform.payments',
    );
    expect(
      registrationFieldManager(application('staging', 'api'), 'pingvasai'),
    ).toBe('backstage-worker-platform');
  });
});
