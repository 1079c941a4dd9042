import { renderRepository } from '../../render/renderRepository';
import {
  exampleSpec,
  GoldenSpecName,
} from '../../render/__testUtils__/testSpecs';
import { checkRule } from '../__testUtils__/checkRule';
import { argocdNotificationsRule } from './argocdNotificationsRule';

const CM = 'argocd/notifications-cm.yaml';
const APP = 'argocd/applications/production-api.yaml';

const rendered = (name: GoldenSpecName) =>
  Object.fromEntries(renderRepository(exampleSpec(name)));

/** A rendered repository with one file's text replaced (the text must be there). */
function edited(
  name: GoldenSpecName,
  file: string,
  from: string | RegExp,
  to: string,
): Record<string, string> {
  const files = rendered(name);
  const next = files[file].replace(from, to);
  if (next === files[file]) throw new Error(`${file} has no ${from}`);
  return { ...files, [file]: next };
}

describe('cross-file/argocd-notifications', () => {
  it.each(['pingvasai', 'minimal', 'canary'] as const)(
    'finds nothing in the rendered %s repository',
    async name => {
      expect(await checkRule(argocdNotificationsRule, rendered(name))).toEqual(
        [],
      );
    },
  );

  it('renders the ArgoCD URL into the context only when the spec gives one', () => {
    expect(rendered('pingvasai')[CM]).toContain(
      'context: |\n    argocdUrl: https://argocd.acme.example\n',
    );
    expect(rendered('minimal')[CM]).not.toContain('context:');
  });

  it('reports a subscription to a trigger the ConfigMap does not define', async () => {
    const files = edited(
      'pingvasai',
      APP,
      'subscribe.pingvasai-on-deployed.slack',
      'subscribe.pingvasai-on-deploy.slack',
    );
    expect(await checkRule(argocdNotificationsRule, files)).toEqual([
      expect.objectContaining({
        file: APP,
        message: expect.stringContaining('has no trigger.pingvasai-on-deploy'),
      }),
    ]);
  });

  it('reports Slack through an incoming webhook', async () => {
    const files = edited(
      'pingvasai',
      CM,
      'token: $slack-token',
      'url: $slack-webhook-url',
    );
    expect(await checkRule(argocdNotificationsRule, files)).toEqual([
      expect.objectContaining({
        file: CM,
        message: expect.stringContaining('without a bot token'),
      }),
    ]);
  });

  it('reports a trigger that sends a template that does not exist', async () => {
    const files = edited(
      'minimal',
      CM,
      'send: [thumbnailer-app-sync-failed]',
      'send: [thumbnailer-app-sync-failure]',
    );
    expect(await checkRule(argocdNotificationsRule, files)).toEqual([
      expect.objectContaining({
        file: CM,
        message: expect.stringContaining('thumbnailer-app-sync-failure'),
      }),
    ]);
  });

  it('reports an unguarded ArgoCD link without a context', async () => {
    const files = edited(
      'minimal',
      CM,
      /\{\{if \.context\.argocdUrl\}\}(.*)\{\{end\}\}/,
      '$1',
    );
    expect(await checkRule(argocdNotificationsRule, files)).toEqual([
      expect.objectContaining({
        file: CM,
        message: expect.stringContaining('sets no context.argocdUrl'),
      }),
    ]);
    const withContext = edited(
      'pingvasai',
      CM,
      /\{\{if \.context\.argocdUrl\}\}(.*)\{\{end\}\}/,
      '$1',
    );
    expect(await checkRule(argocdNotificationsRule, withContext)).toEqual([]);
  });
});
